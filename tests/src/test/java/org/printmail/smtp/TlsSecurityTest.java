package org.printmail.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.printmail.codes.JobCode;
import org.printmail.config.MailServerSettings;
import org.printmail.config.SecureConnection;
import org.printmail.lab.AdjustableClock;
import org.printmail.testing.LogCapture;
import org.printmail.trust.TlsTrust;

/** Certificate validation, host-name check, implicit TLS and the explicit "validation off" setting. */
@Timeout(10)
class TlsSecurityTest {
    private final AdjustableClock clock = AdjustableClock.startingAt("2025-03-01T09:00:00Z");
    private final TestTokens tokens = new TestTokens(SmtpFixtures.TOKEN, SmtpFixtures.FRESH_TOKEN);
    private SmtpMailSender sender = SmtpMailSender.create(SmtpFixtures.testCaTrust(), SmtpFixtures.options(clock));
    private ScriptedSmtpServer server;

    @AfterEach
    void stop() throws InterruptedException {
        sender.close();
        server.close();
        SmtpFixtures.awaitNoLiveThreads();
        assertEquals(Set.of(), SmtpFixtures.liveThreads());
    }

    @Test
    void aCertificateForAnotherHostNameFailsWithTheCertificateCodeBeforeAuth() throws Exception {
        server = ScriptedSmtpServer.script().keystore("wrong-host.p12").start();

        SmtpFailure f = send(settings());

        assertEquals(JobCode.CERTIFICATE_PROBLEM, f.code());
        assertTrue(f.detail().contains("does not match"), f.detail());
        assertFalse(server.received("AUTH"));
    }

    @Test
    void aCertificateFromAnUntrustedCaFailsWithTheCertificateCode() throws Exception {
        server = ScriptedSmtpServer.script().keystore("untrusted-localhost.p12").start();

        SmtpFailure f = send(settings());

        assertEquals(JobCode.CERTIFICATE_PROBLEM, f.code());
        assertTrue(f.detail().contains("not issued by a trusted CA"), f.detail());
        assertEquals(JobCode.Disposition.FAIL, f.code().disposition());
        assertFalse(server.received("AUTH"));
    }

    @Test
    void withoutTheImportedTestCaTheLabCertificateIsNotTrusted() throws Exception {
        server = ScriptedSmtpServer.script().start();
        sender.close();
        sender = SmtpMailSender.create(TlsTrust.jdkDefaults(), SmtpFixtures.options(clock));

        assertEquals(JobCode.CERTIFICATE_PROBLEM, send(settings()).code());
    }

    @Test
    void implicitTlsOnTheSmtpsPortSendsWithValidation() throws Exception {
        server = ScriptedSmtpServer.script().implicitTls().withoutStartTls().start();

        sender.send(account(settings().withSecurity(SecureConnection.SSL_TLS)),
                SmtpFixtures.message("<m@p>", "bob@contoso.example"));

        assertEquals(1, server.messages().size());
        assertFalse(server.received("STARTTLS"));
    }

    @Test
    void validationOffIsExplicitWarnedOnEveryConnectionAndShownAsAStatusWarning() throws Exception {
        server = ScriptedSmtpServer.script().keystore("untrusted-localhost.p12").start();
        MailServerSettings off = settings().withCertificateValidation(false);

        try (LogCapture log = LogCapture.start(Level.WARNING)) {
            sender.send(account(off), SmtpFixtures.message("<m@p>", "bob@contoso.example"));
            assertTrue(log.text().contains("Certificate Validation is disabled"), log.text());
        }
        assertEquals(1, server.messages().size());
        assertTrue(SmtpMailSender.securityWarning(off).orElseThrow().contains("without checking"));
        assertEquals(Optional.empty(), SmtpMailSender.securityWarning(settings()));
    }

    @Test
    void theConnectionTestNamesTheCertificateStepAndStopsThere() throws Exception {
        server = ScriptedSmtpServer.script().keystore("wrong-host.p12").start();

        List<ConnectionTestStep> steps = sender.connectionTest(account(settings()));

        ConnectionTestStep last = steps.get(steps.size() - 1);
        assertEquals("TLS and certificate", last.name());
        assertFalse(last.passed());
        assertEquals(JobCode.CERTIFICATE_PROBLEM, last.code());
        assertTrue(steps.subList(0, steps.size() - 1).stream().allMatch(ConnectionTestStep::passed));
    }

    private MailServerSettings settings() {
        return SmtpFixtures.settings(server.port(), Duration.ofSeconds(2));
    }

    private SmtpAccount account(MailServerSettings s) { return SmtpFixtures.account(s, tokens); }

    private SmtpFailure send(MailServerSettings s) {
        return assertThrows(SmtpFailure.class,
                () -> sender.send(account(s), SmtpFixtures.message("<m@p>", "bob@contoso.example")));
    }
}
