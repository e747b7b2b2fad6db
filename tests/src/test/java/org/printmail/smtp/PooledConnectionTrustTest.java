package org.printmail.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.printmail.codes.JobCode;
import org.printmail.config.MailServerSettings;
import org.printmail.lab.AdjustableClock;

/**
 * A connection opened while Certificate Validation was off must not be pooled and reused after
 * validation is turned back on (found in review: a send in flight during the change came back
 * into the pool and carried later sends to an untrusted server).
 */
@Timeout(20)
class PooledConnectionTrustTest {
    @Test
    void aConnectionOpenedWithValidationOffIsNotReusedOnceValidationIsBackOn() throws Exception {
        AdjustableClock clock = AdjustableClock.startingAt("2025-03-01T09:00:00Z");
        TestTokens tokens = new TestTokens(SmtpFixtures.TOKEN, SmtpFixtures.FRESH_TOKEN);
        ExecutorService ex = Executors.newSingleThreadExecutor();
        try (SmtpMailSender sender = SmtpMailSender.create(SmtpFixtures.testCaTrust(), SmtpFixtures.options(clock));
             ScriptedSmtpServer server = ScriptedSmtpServer.script().keystore("untrusted-localhost.p12")
                     .endOfDataDelay(Duration.ofMillis(1500)).start()) {
            MailServerSettings on = SmtpFixtures.settings(server.port(), Duration.ofSeconds(5));
            MailServerSettings off = on.withCertificateValidation(false);
            Future<SendReport> slow = ex.submit(() -> sender.send(SmtpFixtures.account(off, tokens),
                    SmtpFixtures.message("<a@p>", "bob@contoso.example")));
            Thread.sleep(500); // the insecure send is now waiting for its end-of-data reply
            SmtpFailure first = assertThrows(SmtpFailure.class, () -> sender.send(SmtpFixtures.account(on, tokens),
                    SmtpFixtures.message("<b@p>", "bob@contoso.example")));
            assertEquals(JobCode.CERTIFICATE_PROBLEM, first.code());
            slow.get();
            SmtpFailure again = assertThrows(SmtpFailure.class, () -> sender.send(SmtpFixtures.account(on, tokens),
                    SmtpFixtures.message("<c@p>", "bob@contoso.example")));
            assertEquals(JobCode.CERTIFICATE_PROBLEM, again.code());
            assertEquals(1, server.messages().size(), "only the send made while validation was off arrived");
        } finally {
            ex.shutdownNow();
        }
    }
}
