package org.printmail.config;

import java.time.Duration;

/**
 * The SMTP submission server as Web Config's Email Server > Basic page shows it.
 *
 * @param certificateValidation off only by an explicit setting; every status view warns while off
 */
public record MailServerSettings(String host, int port, SecureConnection security,
                                 boolean certificateValidation, Duration connectTimeout,
                                 Duration readTimeout) {
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
