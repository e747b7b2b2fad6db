package org.printmail.smtp;

import org.printmail.config.GraphSettings;
import org.printmail.config.MailServerSettings;
import org.printmail.config.MailTransport;

/**
 * Who sends and where: the XOAUTH2 {@code user=} (the signed-in account), the From address
 * (Sender's Email Address), the server, and the transport that carries it (SMTP or Microsoft
 * Graph, whose endpoint is {@code graph}).
 *
 * @param mailboxKey groups connections, limits and the rate governor per mailbox
 */
public record SmtpAccount(String mailboxKey, String username, String fromAddress,
                          MailServerSettings server, TokenSource tokens, MailTransport transport,
                          GraphSettings graph) {
    public SmtpAccount {
        transport = transport == null ? MailTransport.SMTP_XOAUTH2 : transport;
        graph = graph == null ? GraphSettings.microsoft() : graph;
    }

    /** An account that sends over SMTP AUTH (XOAUTH2). */
    public SmtpAccount(String mailboxKey, String username, String fromAddress,
                       MailServerSettings server, TokenSource tokens) {
        this(mailboxKey, username, fromAddress, server, tokens, MailTransport.SMTP_XOAUTH2, null);
    }

    @Override
    public String toString() {
        return "SmtpAccount[" + mailboxKey + ", user=" + username + ", from=" + fromAddress + ", "
                + (transport == MailTransport.MICROSOFT_GRAPH ? "graph=" + graph.endpoint()
                : "server=" + server.host() + ":" + server.port()) + "]";
    }
}
