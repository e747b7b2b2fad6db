package org.printmail.webconfig;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.printmail.codes.JobCode;
import org.printmail.smtp.ConnectionTestStep;
import org.printmail.smtp.MailSender;
import org.printmail.smtp.OutgoingMessage;
import org.printmail.smtp.SendReport;
import org.printmail.smtp.SmtpAccount;

/**
 * A mail sender for the page tests: the connection test answers with the steps the test sets,
 * sends are recorded. It still asks the account's token source, like the real sender, so a page
 * that leaked the token would show up in the secret scan.
 */
final class ScriptedMail implements MailSender {
    volatile List<ConnectionTestStep> steps = List.of(new ConnectionTestStep("DNS", true,
            JobCode.OK, "resolved"));
    final List<OutgoingMessage> sent = new CopyOnWriteArrayList<>();

    @Override
    public SendReport send(SmtpAccount account, OutgoingMessage message) {
        account.tokens().accessToken();
        sent.add(message);
        return new SendReport(message.to(), List.of(), 1);
    }

    @Override
    public List<ConnectionTestStep> connectionTest(SmtpAccount account) { return steps; }

    @Override
    public void close() { }
}
