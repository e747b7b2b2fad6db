package org.printmail.device;

import java.util.List;
import java.util.function.Supplier;

import org.printmail.smtp.ConnectionTestStep;
import org.printmail.smtp.MailSender;
import org.printmail.smtp.OutgoingMessage;
import org.printmail.smtp.SendReport;
import org.printmail.smtp.SmtpAccount;

/**
 * A sender made when it first sends or tests: the Microsoft Graph sender (its JSON mapper, about
 * 270 Jackson classes, and its HTTP client) then loads only on a device with an account that
 * sends through Graph, and never at boot.
 */
final class SenderOnFirstUse implements MailSender {
    private final Supplier<MailSender> make;
    private MailSender made;

    SenderOnFirstUse(Supplier<MailSender> make) {
        this.make = make;
    }

    private synchronized MailSender sender() {
        if (made == null) {
            made = make.get();
        }
        return made;
    }

    @Override
    public SendReport send(SmtpAccount account, OutgoingMessage message) {
        return sender().send(account, message);
    }

    @Override
    public List<ConnectionTestStep> connectionTest(SmtpAccount account) {
        return sender().connectionTest(account);
    }

    @Override
    public synchronized void close() {
        if (made != null) {
            made.close();
        }
    }
}
