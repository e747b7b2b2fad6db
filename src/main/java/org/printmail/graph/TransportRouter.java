package org.printmail.graph;

import java.util.List;

import org.printmail.config.MailTransport;
import org.printmail.smtp.ConnectionTestStep;
import org.printmail.smtp.MailSender;
import org.printmail.smtp.OutgoingMessage;
import org.printmail.smtp.SendReport;
import org.printmail.smtp.SmtpAccount;

/** The device's one {@link MailSender}: each account's transport decides SMTP or Graph. */
public final class TransportRouter implements MailSender {
    private final MailSender smtp;
    private final MailSender graph;

    public TransportRouter(MailSender smtp, MailSender graph) {
        this.smtp = smtp;
        this.graph = graph;
    }

    private MailSender of(SmtpAccount account) {
        return account.transport() == MailTransport.MICROSOFT_GRAPH ? graph : smtp;
    }

    @Override
    public SendReport send(SmtpAccount account, OutgoingMessage message) {
        return of(account).send(account, message);
    }

    @Override
    public List<ConnectionTestStep> connectionTest(SmtpAccount account) {
        return of(account).connectionTest(account);
    }

    /** The SMTP sender (pool and status views). */
    public MailSender smtp() { return smtp; }

    @Override
    public void close() {
        smtp.close();
        graph.close();
    }
}
