package org.printmail.auth;

import org.printmail.codes.JobCode;
import org.printmail.i18n.Text;

/** The lifecycle of one account's sign-in, and the job-log code each state implies for a job. */
public enum AccountState {
    NOT_SIGNED_IN(JobCode.NOT_SIGNED_IN),
    /** A device code is shown and the device is polling. Jobs still see 360. */
    SIGN_IN_PENDING(JobCode.NOT_SIGNED_IN),
    SIGNED_IN(JobCode.OK),
    /** The refresh token lapsed through inactivity (AADSTS700082). */
    EXPIRED(JobCode.SIGN_IN_EXPIRED),
    /** Revoked, password changed, MFA or sign-in frequency: sign in again. */
    SIGN_IN_REQUIRED(JobCode.SIGN_IN_REQUIRED);

    private final JobCode jobCode;

    AccountState(JobCode jobCode) { this.jobCode = jobCode; }

    public JobCode jobCode() { return jobCode; }

    public boolean canSend() { return this == SIGNED_IN; }

    /** How status pages word this state, in any language ({@code auth.state.<name>}). */
    public Text labelText() { return Text.of("auth.state." + name().toLowerCase(java.util.Locale.ROOT)); }
}
