package org.printmail.auth;

import org.printmail.codes.JobCode;
import org.printmail.i18n.Messages;
import org.printmail.i18n.Text;

/**
 * What an identity-platform error means for the device: keep polling, stop the sign-in, or what
 * becomes of the account, with the job-log code and a one-line detail for the administrator (a catalogue text).
 */
record Verdict(Kind kind, JobCode code, Text detailText) {

    enum Kind {
        /** Device flow: {@code authorization_pending}, poll again after the interval. */
        PENDING,
        /** Device flow: {@code slow_down}, add 5 s to the interval (RFC 8628 3.5). */
        SLOW_DOWN,
        /** The sign-in attempt ends (declined, code expired, unknown device code). */
        SIGN_IN_FAILED,
        /** The refresh token lapsed through inactivity: state EXPIRED (361). */
        EXPIRED,
        /** The grant is gone or needs interaction: state SIGN_IN_REQUIRED (370). */
        SIGN_IN_REQUIRED,
        /** Policy or configuration the administrator must change (371/372). */
        CONFIGURATION,
        /** No verdict about the grant: keep tokens, back off, retry (375). */
        TRANSIENT
    }

    static Verdict of(Kind kind, JobCode code, Text detail) { return new Verdict(kind, code, detail); }

    /** The detail in English, for logs. */
    String detail() { return Messages.stripDirectionalControls(detailText.toString()); }
}
