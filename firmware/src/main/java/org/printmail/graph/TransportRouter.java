package org.printmail.graph;

import java.util.List;
import java.util.function.Function;

import org.printmail.config.GraphSettings;
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
    private final Function<String, GraphSettings> graphFor;

    /** @param graphFor the Graph endpoint of a mailbox key (from the account's profile) */
    public TransportRouter(MailSender smtp, MailSender graph, Function<String, GraphSettings> graphFor) {
        this.smtp = smtp;
        this.graph = graph;
        this.graphFor = graphFor;
    }

    /** Graph accounts get their profile's endpoint; callers need only say the transport. */
    private SmtpAccount routed(SmtpAccount a) {
        if (a.transport() != MailTransport.MICROSOFT_GRAPH) {
            return a;
        }
        return new SmtpAccount(a.mailboxKey(), a.username(), a.fromAddress(), a.server(), a.tokens(),
                a.transport(), graphFor.apply(a.mailboxKey()));
    }

    private MailSender of(SmtpAccount account) {
        return account.transport() == MailTransport.MICROSOFT_GRAPH ? graph : smtp;
    }

    @Override
    public SendReport send(SmtpAccount account, OutgoingMessage message) {
        return of(account).send(routed(account), message);
    }

    @Override
    public List<ConnectionTestStep> connectionTest(SmtpAccount account) {
        return of(account).connectionTest(routed(account));
    }

    /** The SMTP sender (pool and status views). */
    public MailSender smtp() { return smtp; }

    @Override
    public void close() {
        smtp.close();
        graph.close();
    }
}
