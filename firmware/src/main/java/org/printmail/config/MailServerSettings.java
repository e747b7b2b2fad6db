package org.printmail.config;

import java.time.Duration;

import org.printmail.i18n.Text;

/**
 * The SMTP submission server as Web Config's Email Server > Basic page shows it.
 *
 * @param certificateValidation off only by an explicit setting; every status view warns while off
 */
public record MailServerSettings(String host, int port, SecureConnection security,
                                 boolean certificateValidation, Duration connectTimeout,
                                 Duration readTimeout) {
    /**
     * What the device risks while Certificate Validation is off, in one text for Web Config, the
     * control panel, the status sheet and the log; empty while it is on.
     */
    public java.util.Optional<Text> certificateWarningText() {
        return certificateValidation ? java.util.Optional.empty()
                : java.util.Optional.of(certificateWarningText(host));
    }

    /** The same text for a server the admin is still typing. */
    public static Text certificateWarningText(String host) {
        return host == null || host.isBlank() ? Text.of("config.certificateWarning.anyServer")
                : Text.of("config.certificateWarning", host);
    }

    /** {@link #certificateWarningText()} in English, for the log. */
    public java.util.Optional<String> certificateWarning() {
        return certificateWarningText().map(Text::toString);
    }

    public MailServerSettings withPort(int newPort) {
        return new MailServerSettings(host, newPort, security, certificateValidation, connectTimeout,
                readTimeout);
    }

    public MailServerSettings withHost(String newHost) {
        return new MailServerSettings(newHost, port, security, certificateValidation, connectTimeout,
                readTimeout);
    }

    public MailServerSettings withSecurity(SecureConnection newSecurity) {
        return new MailServerSettings(host, port, newSecurity, certificateValidation, connectTimeout,
                readTimeout);
    }

    public MailServerSettings withCertificateValidation(boolean on) {
        return new MailServerSettings(host, port, security, on, connectTimeout, readTimeout);
    }
}
