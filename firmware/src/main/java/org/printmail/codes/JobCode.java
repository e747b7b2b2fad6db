package org.printmail.codes;

/**
 * Every failure the job log can show: a stable number, a one-line title and the remedy an
 * administrator can act on. 360, 361 and 370 are the vendor guide's codes; the rest are ours and
 * are listed with their Microsoft/RFC references in {@code docs/error-codes.md}.
 *
 * <p>The {@link Disposition} tells the outbox what to do with a job that hit the code.
 */
public enum JobCode {
    OK(0, "Completed", "", Disposition.DONE),

    // --- Sign-in state (vendor guide codes) ---
    NOT_SIGNED_IN(360, "Not connected to the email service",
            "Sign in to the email service: Web Config > Network > Email Server > Basic > Sign In.",
            Disposition.HOLD_FOR_SIGN_IN),
    SIGN_IN_EXPIRED(361, "The connection to the email service has expired",
            "The sign-in lapsed after a long time unused. Sign in again: Web Config > Network >"
                    + " Email Server > Basic > Sign In.",
            Disposition.HOLD_FOR_SIGN_IN),
    SIGN_IN_REQUIRED(370, "Sign-in to the email service is needed again",
            "The account's sign-in was revoked or must be repeated (password change, MFA or"
                    + " sign-in frequency policy). Sign in again.",
            Disposition.HOLD_FOR_SIGN_IN),

    // --- Identity platform configuration and policy ---
    // Held like 370: an administrator fixes a policy as readily as a password, and the scan waits.
    SIGN_IN_BLOCKED_BY_POLICY(371, "Sign-in blocked by the organization's policy",
            "A Conditional Access policy or security defaults block this sign-in (AADSTS53003 /"
                    + " 530035). Ask the Entra ID administrator to allow device code flow for this"
                    + " device, then sign in again. Waiting jobs are sent after the sign-in.",
            Disposition.HOLD_FOR_SIGN_IN),
    IDENTITY_CONFIGURATION(372, "Email service sign-in is misconfigured",
            "The identity platform rejected the device's configuration; see the detail for the"
                    + " setting to change (client ID, tenant, or the app registration).",
            Disposition.FAIL),
    SIGN_IN_DECLINED(373, "Sign-in was declined",
            "The person signing in declined the request. Start Sign In again and accept.",
            Disposition.FAIL),
    SIGN_IN_CODE_EXPIRED(374, "The sign-in code expired",
            "The code was not entered in time. Start Sign In again for a new code.",
            Disposition.FAIL),
    IDENTITY_UNREACHABLE(375, "Cannot reach the sign-in service",
            "Check the network, DNS, proxy and the device's date and time. The job is retried.",
            Disposition.RETRY),

    PROXY_AUTH_FAILED(377, "The proxy server refused the device's credentials",
            "Check Network > Proxy User Name and Proxy Password in Web Config, or ask the network"
                    + " administrator whether the device may use the proxy. The job is retried.",
            Disposition.RETRY),

    // --- SMTP submission ---
    SMTP_AUTH_DISABLED(380, "SMTP AUTH is disabled for the mailbox or organization",
            "In Microsoft 365, turn on Authenticated SMTP for the sending mailbox (and for the"
                    + " organization), or turn off security defaults; check Conditional Access. Or"
                    + " send through Microsoft Graph instead (Email Server > Basic > Send Through).",
            Disposition.FAIL),
    SMTP_AUTH_REJECTED(381, "The email server rejected the sign-in",
            "The signed-in account or its permission does not match the mailbox. Check that the"
                    + " Sender's Email Address is the signed-in account, then sign in again.",
            Disposition.FAIL),
    SEND_AS_DENIED(382, "Not allowed to send as this sender",
            "Set the Sender's Email Address to the signed-in account, or grant that account Send"
                    + " As permission on the sender's mailbox.",
            Disposition.FAIL),
    NOT_AUTHENTICATED(383, "The email server requires authentication",
            "Set Authentication Method to OAuth2 and sign in.",
            Disposition.FAIL),
    SERVER_BUSY(384, "The email server asked to try again later",
            "No action needed; the job is retried automatically.",
            Disposition.RETRY),
    DAILY_LIMIT(385, "The mailbox's daily sending limit was reached",
            "The device tries again every hour and sends as soon as the provider's rolling 24-hour"
                    + " limit allows; nothing to do unless it repeats daily: then send to fewer"
                    + " recipients per day.",
            Disposition.RETRY),
    MESSAGE_TOO_LARGE(386, "The message is too large for the email server",
            "Lower the resolution or page count, or set a smaller Attached File Maximum Size with"
                    + " splitting enabled.",
            Disposition.FAIL),
    RECIPIENT_REJECTED(387, "A recipient address was rejected",
            "Check the recipient's address. Other recipients were still delivered.",
            Disposition.FAIL),
    SERVER_UNREACHABLE(388, "Cannot connect to the email server",
            "Check the SMTP Server Address, Port Number and the network. The job is retried.",
            Disposition.RETRY),
    CERTIFICATE_PROBLEM(389, "The email server's certificate could not be verified",
            "Import the server's CA certificate (Network Security > CA Certificate) or check the"
                    + " SMTP Server Address matches the certificate.",
            Disposition.FAIL),
    STARTTLS_UNAVAILABLE(390, "The email server does not offer a secure connection",
            "The server did not offer STARTTLS, so the device did not send its credentials. Check"
                    + " the SMTP Server Address, Port Number and Secure Connection setting.",
            Disposition.FAIL),
    PROTOCOL_ERROR(391, "The email server's reply could not be understood",
            "The connection broke or the server sent an invalid reply. The job is retried.",
            Disposition.RETRY),
    ATTACHMENT_TOO_LARGE(392, "The scan exceeds the attached file maximum size",
            "Enable splitting of large attachments, or raise Attached File Maximum Size.",
            Disposition.FAIL),
    SETTINGS_INVALID(393, "Email settings are incomplete or invalid",
            "Open Web Config > Network > Email Server > Basic, correct the named field and click"
                    + " OK.",
            Disposition.FAIL),
    MESSAGE_REFUSED(395, "The email server refused the message",
            "The server gave a permanent refusal; the job log shows its reply. Check the"
                    + " recipients, attachments and the mailbox's sending rights.",
            Disposition.FAIL),
    SPOOL_DAMAGED(396, "The scanned data stored for this job is damaged",
            "The device's storage returned damaged data for the scan; scan the document again.",
            Disposition.FAIL),
    OUTBOX_DAMAGED(397, "A queued job was lost to a storage fault",
            "A queued job's record was damaged (power loss or storage fault); send it again.",
            Disposition.FAIL),
    STORAGE_FAILED(369, "The device could not save data",
            "The device's storage is full or failing; the job was not queued. Delete old jobs or status"
                    + " sheets, restart the device, and send again; if it happens again, have the device serviced.",
            Disposition.FAIL),
    GRAPH_ACCESS_DENIED(398, "Microsoft Graph denied access to the mailbox",
            "The sign-in lacks the Graph permission (Mail.Send; Mail.ReadWrite for attachments over"
                    + " 3 MB) or an admin policy blocks the app. Sign in again and accept the"
                    + " permissions (an admin can consent for the organization).",
            Disposition.FAIL),
    GRAPH_MAILBOX_NOT_ENABLED(399, "The mailbox cannot be used through Microsoft Graph",
            "Microsoft Graph reports the mailbox inactive, soft-deleted or hosted on-premises"
                    + " (MailboxNotEnabledForRESTAPI). Use an Exchange Online mailbox, or the SMTP"
                    + " AUTH transport.",
            Disposition.FAIL),
    JOB_EXPIRED(394, "The job could not be sent before its deadline",
            "See the earlier error for this job; resend after fixing it.",
            Disposition.FAIL);

    /** What the outbox does with a job that failed with this code. */
    public enum Disposition { DONE, RETRY, HOLD_FOR_SIGN_IN, FAIL }

    private final int number;
    private final String title;
    private final String remedy;
    private final Disposition disposition;

    JobCode(int number, String title, String remedy, Disposition disposition) {
        this.number = number;
        this.title = title;
        this.remedy = remedy;
        this.disposition = disposition;
    }

    public int number() { return number; }

    public String title() { return title; }

    public String remedy() { return remedy; }

    /** The remedy for the cause its detail names ({@link Cause}), else the code's own. */
    public String remedyFor(String detail) {
        return Cause.of(this, detail).map(Cause::remedy).orElse(remedy);
    }

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
