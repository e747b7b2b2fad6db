package org.printmail.codes;

import org.printmail.i18n.Text;

/**
 * Every failure the job log can show: a stable number, a one-line title and the remedy an
 * administrator can act on, both in the message catalogue ({@code i18n/codes_*.properties}).
 * 360, 361 and 370 are the vendor guide's codes; the rest are ours and are listed with their
 * Microsoft/RFC references in {@code docs/error-codes.md}.
 *
 * <p>The {@link Disposition} tells the outbox what to do with a job that hit the code.
 */
public enum JobCode {
    OK(0, Disposition.DONE),

    // --- Sign-in state (vendor guide codes) ---
    NOT_SIGNED_IN(360, Disposition.HOLD_FOR_SIGN_IN),
    SIGN_IN_EXPIRED(361, Disposition.HOLD_FOR_SIGN_IN),
    SIGN_IN_REQUIRED(370, Disposition.HOLD_FOR_SIGN_IN),

    // --- Identity platform configuration and policy ---
    // Held like 370: an administrator fixes a policy as readily as a password, and the scan waits.
    SIGN_IN_BLOCKED_BY_POLICY(371, Disposition.HOLD_FOR_SIGN_IN),
    IDENTITY_CONFIGURATION(372, Disposition.FAIL),
    SIGN_IN_DECLINED(373, Disposition.FAIL),
    SIGN_IN_CODE_EXPIRED(374, Disposition.FAIL),
    IDENTITY_UNREACHABLE(375, Disposition.RETRY),

    PROXY_AUTH_FAILED(377, Disposition.RETRY),

    // --- SMTP submission ---
    SMTP_AUTH_DISABLED(380, Disposition.FAIL),
    SMTP_AUTH_REJECTED(381, Disposition.FAIL),
    SEND_AS_DENIED(382, Disposition.FAIL),
    NOT_AUTHENTICATED(383, Disposition.FAIL),
    SERVER_BUSY(384, Disposition.RETRY),
    DAILY_LIMIT(385, Disposition.RETRY),
    MESSAGE_TOO_LARGE(386, Disposition.FAIL),
    RECIPIENT_REJECTED(387, Disposition.FAIL),
    SERVER_UNREACHABLE(388, Disposition.RETRY),
    CERTIFICATE_PROBLEM(389, Disposition.FAIL),
    STARTTLS_UNAVAILABLE(390, Disposition.FAIL),
    PROTOCOL_ERROR(391, Disposition.RETRY),
    ATTACHMENT_TOO_LARGE(392, Disposition.FAIL),
    SETTINGS_INVALID(393, Disposition.FAIL),
    MESSAGE_REFUSED(395, Disposition.FAIL),
    SPOOL_DAMAGED(396, Disposition.FAIL),
    OUTBOX_DAMAGED(397, Disposition.FAIL),
    STORAGE_FAILED(369, Disposition.FAIL),
    GRAPH_ACCESS_DENIED(398, Disposition.FAIL),
    GRAPH_MAILBOX_NOT_ENABLED(399, Disposition.FAIL),
    JOB_EXPIRED(394, Disposition.FAIL);

    /** What the outbox does with a job that failed with this code. */
    public enum Disposition { DONE, RETRY, HOLD_FOR_SIGN_IN, FAIL }

    private final int number;
    private final Disposition disposition;

    JobCode(int number, Disposition disposition) {
        this.number = number;
        this.disposition = disposition;
    }

    public int number() { return number; }

    /** The one-line title, in any language ({@code code.N.title} in the catalogue). */
    public Text titleText() { return Text.of("code." + number + ".title"); }

    /** What an administrator can do, in any language ({@code code.N.remedy}). */
    public Text remedyText() { return Text.of("code." + number + ".remedy"); }

    /** The remedy for the cause its detail names ({@link Cause}), else the code's own. */
    public Text remedyTextFor(String detail) {
        return Cause.of(this, detail).map(Cause::remedyText).orElse(remedyText());
    }

    /** The title in English, for logs. */
    public String title() { return titleText().toString(); }

    /** The remedy in English, for logs and English-only callers. */
    public String remedy() { return remedyText().toString(); }

    /** {@link #remedyTextFor} in English. */
    public String remedyFor(String detail) { return remedyTextFor(detail).toString(); }

    public Disposition disposition() { return disposition; }

    public boolean isSignInProblem() { return disposition == Disposition.HOLD_FOR_SIGN_IN; }

    public static JobCode byNumber(int number) {
        for (JobCode c : values()) {
            if (c.number == number) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown job code " + number);
    }
}
