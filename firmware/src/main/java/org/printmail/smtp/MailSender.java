package org.printmail.smtp;

import java.util.List;

/**
 * The SMTP facade: XOAUTH2 submission over STARTTLS or implicit TLS with certificate validation,
 * connection reuse per mailbox, at most 3 connections per mailbox and a per-mailbox rate governor.
 * Thread-safe.
 */
public interface MailSender extends AutoCloseable {

    /**
     * Submits the message (split into numbered parts when its attachments exceed the configured
     * maximum and splitting is on).
     *
     * @throws SmtpFailure when no recipient was accepted or the send failed as a whole
     */
    SendReport send(SmtpAccount account, OutgoingMessage message);

    /** Runs the connection test up to MAIL FROM (no message is sent); stops at the first failure. */
    List<ConnectionTestStep> connectionTest(SmtpAccount account);

    @Override
    void close();
}
