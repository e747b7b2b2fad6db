package org.printmail.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.printmail.codes.JobCode;
import org.printmail.lab.AdjustableClock;
import org.printmail.testing.LogCapture;

/**
 * The bearer token and the XOAUTH2 payload never reach a log line or an exception, even with
 * every logger at ALL and a server that echoes the payload back in its 535 reply.
 */
@Timeout(10)
class SecretHandlingTest {
    @Test
    void neitherTokenNorPayloadAppearsInLogsOrFailuresWhenTheServerEchoesThem() throws Exception {
        TestTokens tokens = new TestTokens(SmtpFixtures.TOKEN, SmtpFixtures.FRESH_TOKEN);
        List<String> secrets = List.of(SmtpFixtures.TOKEN, SmtpFixtures.FRESH_TOKEN,
                Redactor.xoauth2Payload(SmtpFixtures.USER, SmtpFixtures.TOKEN),
                Redactor.xoauth2Payload(SmtpFixtures.USER, SmtpFixtures.FRESH_TOKEN));
        SmtpFailure f;
        String logged;
        try (ScriptedSmtpServer server = ScriptedSmtpServer.script()
                     .auth(token -> "535 5.7.3 Authentication unsuccessful, you sent "
                             + Redactor.xoauth2Payload(SmtpFixtures.USER, token) + " token " + token)
                     .start();
             SmtpMailSender sender = SmtpMailSender.create(SmtpFixtures.testCaTrust(),
                     SmtpFixtures.options(AdjustableClock.startingAt("2025-03-01T09:00:00Z")));
             LogCapture log = LogCapture.start(Level.ALL)) {
            SmtpAccount account = SmtpFixtures.account(
                    SmtpFixtures.settings(server.port(), Duration.ofSeconds(2)), tokens);
            f = assertThrows(SmtpFailure.class,
                    () -> sender.send(account, SmtpFixtures.message("<m@p>", "bob@contoso.example")));
            logged = log.text();
            assertTrue(log.size() > 0, "Angus's own FINE logging was captured");
        }
        assertEquals(JobCode.SMTP_AUTH_REJECTED, f.code());
        assertTrue(f.serverReply().startsWith("535 5.7.3 Authentication unsuccessful"), f.serverReply());
        String everything = logged + "\n" + f.getMessage() + "\n" + f.detail() + "\n" + f.serverReply()
                + "\n" + stackTrace(f);
        for (String secret : secrets) {
            assertFalse(everything.contains(secret), "a secret leaked:\n" + everything);
        }
    }

    @Test
    void theRedactorRemovesTokenAndPayloadAndWithholdsACauseThatCarriesThem() {
        Redactor r = Redactor.forToken("u@x", "tok123");
        String payload = Redactor.xoauth2Payload("u@x", "tok123");
        assertEquals("535 [redacted] [redacted]", r.clean("535 " + payload + " tok123"));
        assertEquals(null, r.safeCause(new IllegalStateException("echo " + payload)));
        Exception harmless = new IllegalStateException("535 5.7.3 Authentication unsuccessful");
        assertEquals(harmless, r.safeCause(harmless));
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
