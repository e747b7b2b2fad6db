package org.printmail.codes;

import java.util.List;
import java.util.Optional;

import org.printmail.i18n.Text;

/**
 * Causes that share one job code but need different remedies. A cause is recognised by a mark in
 * the failure's detail: the server's own reply text (the three {@code 535 5.7.139} causes share
 * the enhanced code; the text is Microsoft's only distinguishing mark) or the certificate check's
 * wording from {@code smtp.Failures}. Remedies name Web Config's fields and menus.
 */
public enum Cause {
    TENANT_SMTP_AUTH_OFF(JobCode.SMTP_AUTH_DISABLED, List.of("SmtpClientAuthentication is disabled")),
    SECURITY_DEFAULTS(JobCode.SMTP_AUTH_DISABLED, List.of("security defaults")),
    CONDITIONAL_ACCESS(JobCode.SMTP_AUTH_DISABLED, List.of("did not meet the criteria", "Conditional Access")),
    SEND_AS_NOT_GRANTED(JobCode.SEND_AS_DENIED, List.of("5.7.60", "SendAsDenied", "5.2.252")),
    SENDER_BLOCKED(JobCode.SEND_AS_DENIED, List.of("5.1.8")),
    RECIPIENT_MAILBOX_FULL(JobCode.MESSAGE_TOO_LARGE, List.of("5.2.2")),
    CERTIFICATE_EXPIRED(JobCode.CERTIFICATE_PROBLEM, List.of("certificate expired")),
    CERTIFICATE_NOT_YET_VALID(JobCode.CERTIFICATE_PROBLEM, List.of("not valid yet")),
    CERTIFICATE_WRONG_HOST(JobCode.CERTIFICATE_PROBLEM, List.of("does not match the server address")),
    CERTIFICATE_UNTRUSTED(JobCode.CERTIFICATE_PROBLEM, List.of("not issued by a trusted CA")),
    CERTIFICATE_REVOKED(JobCode.CERTIFICATE_PROBLEM, List.of("certificate was revoked"));

    private final JobCode code;
    private final List<String> marks;

    Cause(JobCode code, List<String> marks) {
        this.code = code;
        this.marks = marks;
    }

    public JobCode code() { return code; }

    /** This cause's remedy, in any language ({@code cause.<name>.remedy} in the catalogue). */
    public Text remedyText() { return Text.of("cause." + name().toLowerCase(java.util.Locale.ROOT) + ".remedy"); }

    /** The remedy in English. */
    public String remedy() { return remedyText().toString(); }

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
