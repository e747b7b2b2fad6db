package org.printmail.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.printmail.codes.JobCode;
import org.printmail.lab.AdjustableClock;
import org.printmail.smtp.ScriptedSmtpServer.Step;

/** Web Config's Connection Test names the step that failed, with its code, and stops there. */
@Timeout(10)
class ConnectionTesterTest {
    private final TestTokens tokens = new TestTokens(SmtpFixtures.TOKEN, SmtpFixtures.FRESH_TOKEN);

    @Test
    void smtpAuthDisabledFailsTheAuthStepAfterTlsPassed() throws Exception {
        List<ConnectionTestStep> steps = run(ScriptedSmtpServer.script().auth(t -> "535 5.7.139 Authentication"
                + " unsuccessful, SmtpClientAuthentication is disabled for the Tenant."));
        assertEquals(List.of("DNS", "TCP", "Token", "EHLO/STARTTLS", "TLS and certificate", "AUTH XOAUTH2"),
                names(steps));
        ConnectionTestStep auth = steps.get(steps.size() - 1);
        assertFalse(auth.passed());
        assertEquals(JobCode.SMTP_AUTH_DISABLED, auth.code());
        assertTrue(auth.detail().contains("SmtpClientAuthentication is disabled"), auth.detail());
    }

    @Test
    void anXoauth2ErrorChallengeFailsTheAuthStepNotEhlo() throws Exception {
        List<ConnectionTestStep> steps = run(ScriptedSmtpServer.script().auth(t ->
                XoauthErrorChallengeTest.challenge("{\"status\":\"invalid_token\"}")));
        ConnectionTestStep last = steps.get(steps.size() - 1);
        assertEquals("AUTH XOAUTH2", last.name(), steps.toString());
        assertEquals(JobCode.SMTP_AUTH_REJECTED, last.code());
        assertTrue(last.detail().contains("invalid_token"), last.detail());
    }

    @Test
    void aSendAsRefusalFailsTheMailFromStepAndNoMessageIsSent() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.script()
                .reply(Step.MAIL, "550 5.7.60 SMTP; Client does not have permissions to send as this sender").start()) {
            List<ConnectionTestStep> steps = run(server);
            ConnectionTestStep mail = steps.get(steps.size() - 1);
            assertEquals("MAIL FROM", mail.name());
            assertEquals(JobCode.SEND_AS_DENIED, mail.code());
            assertFalse(server.received("DATA"));
        }
    }

    @Test
    void noStartTlsFailsTheEhloStep() throws Exception {
        List<ConnectionTestStep> steps = run(ScriptedSmtpServer.script().withoutStartTls());
        ConnectionTestStep last = steps.get(steps.size() - 1);
        assertEquals("EHLO/STARTTLS", last.name());
        assertEquals(JobCode.STARTTLS_UNAVAILABLE, last.code());
    }

    @Test
    void aClosedPortFailsTheTcpStep() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (SmtpMailSender sender = sender()) {
            List<ConnectionTestStep> steps = sender.connectionTest(SmtpFixtures.account(SmtpFixtures.settings(port), tokens));
            assertEquals(List.of("DNS", "TCP"), names(steps));
            assertEquals(JobCode.SERVER_UNREACHABLE, steps.get(1).code());
        }
    }

    private List<ConnectionTestStep> run(ScriptedSmtpServer.Builder script) throws Exception {
        try (ScriptedSmtpServer server = script.start()) {
            return run(server);
        }
    }

    private List<ConnectionTestStep> run(ScriptedSmtpServer server) {
        try (SmtpMailSender sender = sender()) {
            return sender.connectionTest(SmtpFixtures.account(SmtpFixtures.settings(server.port()), tokens));
        }
    }

    private static SmtpMailSender sender() {
        return SmtpMailSender.create(SmtpFixtures.testCaTrust(),
                SmtpFixtures.options(AdjustableClock.startingAt("2025-03-01T09:00:00Z")));
    }

    private static List<String> names(List<ConnectionTestStep> steps) {
        return steps.stream().map(ConnectionTestStep::name).toList();
    }
}
