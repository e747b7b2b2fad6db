package org.printmail.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.printmail.smtp.ConnectionTestStep;
import org.printmail.smtp.MailSender;
import org.printmail.smtp.OutgoingMessage;
import org.printmail.smtp.SendReport;
import org.printmail.smtp.SmtpAccount;

class SenderOnFirstUseTest {
    private final AtomicInteger made = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();

    private MailSender counting() {
        made.incrementAndGet();
        return new MailSender() {
            @Override
            public SendReport send(SmtpAccount account, OutgoingMessage message) { return null; }

            @Override
            public List<ConnectionTestStep> connectionTest(SmtpAccount account) { return List.of(); }

            @Override
            public void close() { closed.incrementAndGet(); }
        };
    }

    @Test
    void theSenderIsMadeAtItsFirstUseOnlyAndOnce() {
        SenderOnFirstUse lazy = new SenderOnFirstUse(this::counting);
        assertEquals(0, made.get());
        lazy.connectionTest(null);
        lazy.send(null, null);
        assertEquals(1, made.get());
        lazy.close();
        assertEquals(1, closed.get());
    }

    @Test
    void closingAnUnusedSenderMakesNone() {
        new SenderOnFirstUse(this::counting).close();
        assertEquals(0, made.get());
        assertEquals(0, closed.get());
    }
}
