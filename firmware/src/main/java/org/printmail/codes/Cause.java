package org.printmail.codes;

import java.util.List;
import java.util.Optional;

/**
 * Causes that share one job code but need different remedies. A cause is recognised by a mark in
 * the failure's detail: the server's own reply text (the three {@code 535 5.7.139} causes share
 * the enhanced code; the text is Microsoft's only distinguishing mark) or the certificate check's
 * wording from {@code smtp.Failures}. Remedies name Web Config's fields and menus.
 */
public enum Cause {
    TENANT_SMTP_AUTH_OFF(JobCode.SMTP_AUTH_DISABLED,
            List.of("SmtpClientAuthentication is disabled"),
            "SMTP AUTH is turned off for the whole organization. In the Exchange admin center >"
                    + " Settings > Mail flow, clear \"Turn off SMTP AUTH protocol for your"
                    + " organization\" (Set-TransportConfig -SmtpClientAuthenticationDisabled"
                    + " $false), or turn on Authenticated SMTP for the sending mailbox alone"
                    + " (mailbox > Manage email apps)."),
    SECURITY_DEFAULTS(JobCode.SMTP_AUTH_DISABLED, List.of("security defaults"),
            "Microsoft Entra security defaults block SMTP AUTH for this account. Turn off security"
                    + " defaults (Entra admin center > Identity > Overview > Properties > Manage"
                    + " security defaults) and protect sign-ins with Conditional Access policies"
                    + " that allow this device."),
    CONDITIONAL_ACCESS(JobCode.SMTP_AUTH_DISABLED,
            List.of("did not meet the criteria", "Conditional Access"),
            "A Conditional Access policy blocked this account's SMTP sign-in. In the Entra admin"
                    + " center > Sign-in logs, open the blocked sign-in to see the policy, then"
                    + " exclude this account or allow this device in it."),
    SEND_AS_NOT_GRANTED(JobCode.SEND_AS_DENIED, List.of("5.7.60", "SendAsDenied", "5.2.252"),
            "The signed-in account may not send as the Sender's Email Address. Set Email Server >"
                    + " Basic > Sender's Email Address to the signed-in account (or leave it"
                    + " empty), or grant the account Send As permission on that mailbox."),
    SENDER_BLOCKED(JobCode.SEND_AS_DENIED, List.of("5.1.8"),
            "Microsoft blocked the sending account from sending mail (\"bad outbound sender\","
                    + " usually after suspected spam). Check the account, then release it in"
                    + " Microsoft Defender > Restricted entities; the device can send again after"
                    + " that."),
    RECIPIENT_MAILBOX_FULL(JobCode.MESSAGE_TOO_LARGE, List.of("5.2.2"),
            "The recipient's mailbox is full: the recipient must free space, or send to another"
                    + " address."),
    CERTIFICATE_EXPIRED(JobCode.CERTIFICATE_PROBLEM, List.of("certificate expired"),
            "The email server's certificate has expired. Its administrator must renew it;"
                    + " importing a CA will not help. Also check the device's date and time"
                    + " (Settings > Date/Time)."),
    CERTIFICATE_NOT_YET_VALID(JobCode.CERTIFICATE_PROBLEM, List.of("not valid yet"),
            "The email server's certificate is not valid yet. Check the device's date and time"
                    + " (Settings > Date/Time); if they are right, the server's certificate was"
                    + " issued wrongly."),
    CERTIFICATE_WRONG_HOST(JobCode.CERTIFICATE_PROBLEM,
            List.of("does not match the server address"),
            "The certificate is for another name. Set Email Server > Basic > SMTP Server Address"
                    + " to the name in the server's certificate (for example smtp.office365.com),"
                    + " not an IP address or alias."),
    CERTIFICATE_UNTRUSTED(JobCode.CERTIFICATE_PROBLEM, List.of("not issued by a trusted CA"),
            "The certificate's issuer is not trusted by the device. Import the issuing CA"
                    + " certificate (Network Security > CA Certificate), or check that no proxy"
                    + " intercepts the connection."),
    CERTIFICATE_REVOKED(JobCode.CERTIFICATE_PROBLEM, List.of("certificate was revoked"),
            "The email server's certificate was revoked by its issuer. Its administrator must"
                    + " replace it; do not turn Certificate Validation off.");

    private final JobCode code;
    private final List<String> marks;
    private final String remedy;

    Cause(JobCode code, List<String> marks, String remedy) {
        this.code = code;
        this.marks = marks;
        this.remedy = remedy;
    }

    public JobCode code() { return code; }

    public String remedy() { return remedy; }

    /** The cause of a failure with this code and detail, when the detail names one. */
    public static Optional<Cause> of(JobCode code, String detail) {
        if (detail == null || detail.isEmpty()) {
            return Optional.empty();
        }
        for (Cause c : values()) {
            if (c.code == code && c.marks.stream().anyMatch(detail::contains)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
