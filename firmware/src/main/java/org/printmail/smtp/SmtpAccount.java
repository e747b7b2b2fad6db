package org.printmail.smtp;

import org.printmail.config.MailServerSettings;

/**
 * Who sends and where: the XOAUTH2 {@code user=} (the signed-in account), the From address
 * (Sender's Email Address) and the server.
 *
 * @param mailboxKey groups connections, limits and the rate governor per mailbox
 */
public record SmtpAccount(String mailboxKey, String username, String fromAddress,
                          MailServerSettings server, TokenSource tokens) {
    @Override
    public String toString() {
        return "SmtpAccount[" + mailboxKey + ", user=" + username + ", from=" + fromAddress + ", server="
                + server.host() + ":" + server.port() + "]";
    }
}
