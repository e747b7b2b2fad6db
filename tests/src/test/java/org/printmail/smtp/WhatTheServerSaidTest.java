package org.printmail.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.printmail.codes.JobCode;
import org.printmail.codes.ServerText;
import org.printmail.lab.AdjustableClock;
import org.printmail.smtp.ScriptedSmtpServer.Step;
import org.printmail.trust.TlsTrust;

/**
 * The administrator is told what the server said and what to do about that cause: the server's
 * reply kept as one safe line, the remedy chosen by cause where causes share a code, and each
 * certificate problem named as what it is. Real sockets against a scripted server.
 */
@Timeout(20)
class WhatTheServerSaidTest {
    private final AdjustableClock clock = AdjustableClock.startingAt("2025-03-01T09:00:00Z");
    private final TestTokens tokens = new TestTokens(SmtpFixtures.TOKEN, SmtpFixtures.FRESH_TOKEN);
    private SmtpMailSender sender;
    private ScriptedSmtpServer server;

    @AfterEach
    void stop() throws InterruptedException {
        if (sender != null) {
            sender.close();
        }
        if (server != null) {
            server.close();
        }
        SmtpFixtures.awaitNoLiveThreads();
    }

    private SmtpFailure sendTo(ScriptedSmtpServer s, TlsTrust trust) {
        server = s;
        sender = SmtpMailSender.create(trust, SmtpFixtures.options(clock));
        SmtpAccount account = SmtpFixtures.account(SmtpFixtures.settings(s.port(), Duration.ofSeconds(2)), tokens);
        return assertThrows(SmtpFailure.class,
                () -> sender.send(account, SmtpFixtures.message("<m@p>", "bob@contoso.example")));
    }

    private SmtpFailure replying(Step step, String reply) throws Exception {
        return sendTo(ScriptedSmtpServer.script().reply(step, reply).start(), SmtpFixtures.testCaTrust());
    }

    @Test
    void theThree5_7_139CausesEachGetTheirOwnRemedyAndTheReplyVerbatim() throws Exception {
        String tenant = "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the"
                + " Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.";
        String defaults = "535 5.7.139 Authentication unsuccessful, user is locked by your organization's"
                + " security defaults policy.";
        String conditional = "535 5.7.139 Authentication unsuccessful, the request did not meet the criteria"
                + " to be authenticated successfully.";
        Set<String> remedies = new HashSet<>();
        for (String reply : List.of(tenant, defaults, conditional)) {
            SmtpFailure f = replying(Step.AUTH, reply);
            assertEquals(JobCode.SMTP_AUTH_DISABLED, f.code());
            assertEquals(reply, f.serverReply());
            remedies.add(f.remedy());
            stop();
        }
        assertEquals(3, remedies.size(), remedies.toString());
        assertTrue(remedies.stream().anyMatch(r -> r.contains("Turn off SMTP AUTH protocol for your organization")));
        assertTrue(remedies.stream().anyMatch(r -> r.contains("security defaults")));
        assertTrue(remedies.stream().anyMatch(r -> r.contains("Conditional Access")));
    }

    @Test
    void sendAsDeniedAndABlockedSenderShare382ButNotTheRemedy() throws Exception {
        SmtpFailure sendAs = replying(Step.MAIL, "550 5.7.60 SMTP; Client does not have permissions to send as"
                + " this sender");
        stop();
        SmtpFailure blocked = replying(Step.MAIL, "550 5.1.8 Access denied, bad outbound sender.");
        assertEquals(JobCode.SEND_AS_DENIED, sendAs.code());
        assertEquals(JobCode.SEND_AS_DENIED, blocked.code());
        assertTrue(sendAs.remedy().contains("Email Server > Basic > Sender's Email Address"), sendAs.remedy());
        assertTrue(blocked.remedy().contains("Restricted entities"), blocked.remedy());
    }

    @Test
    void aFullMailboxIsNotBlamedOnTheScanSize() throws Exception {
        SmtpFailure f = replying(Step.END_OF_DATA, "552 5.2.2 Mailbox full");
        assertEquals(JobCode.MESSAGE_TOO_LARGE, f.code());
        assertTrue(f.remedy().contains("mailbox is full"), f.remedy());
        assertFalse(f.remedy().contains("resolution"), f.remedy());
    }

    @Test
    void a421AtTheGreetingIsWordedAsTheServerClosingNotRefusing() throws Exception {
        SmtpFailure f = replying(Step.GREETING, "421 4.3.2 Service not available, closing transmission channel");
        assertEquals(JobCode.SERVER_BUSY, f.code());
        assertTrue(f.detail().contains("closed the connection: it is not accepting mail now (421"), f.detail());
        assertFalse(f.detail().contains("refused"), f.detail());
    }

    @Test
    void a454AtStartTlsIsWordedAsTlsNotStartingForNow() throws Exception {
        SmtpFailure f = replying(Step.STARTTLS, "454 4.7.0 TLS not available due to temporary reason");
        assertEquals(JobCode.SERVER_BUSY, f.code(), f.getMessage());
        assertTrue(f.detail().contains("could not start the secure connection for now (454 at STARTTLS)"),
                f.detail());
        assertFalse(f.detail().contains("refused"), f.detail());
        assertFalse(server.received("AUTH"));
    }

    @Test
    void aReplyWithLineBreaksControlCharactersAndATokenBecomesOneSafeBoundedLine() throws Exception {
        String echoed = SmtpFixtures.TOKEN.replace(".", "") + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo";
        SmtpFailure f = replying(Step.MAIL, "550 5.7.1 Denied\u001b[31m for " + echoed + "\r\nX-Injected: yes"
                + " " + "x".repeat(500));
        String shown = f.serverReply();
        assertFalse(shown.chars().anyMatch(Character::isISOControl), shown);
        assertFalse(shown.contains(echoed), shown);
        assertTrue(shown.startsWith("550 5.7.1 Denied"), shown);
        assertTrue(shown.length() <= ServerText.MAX_LENGTH, "length " + shown.length());
    }

    @Test
    void eachCertificateProblemIsNamedWithItsOwnRemedy() throws Exception {
        TlsTrust trust = datedAndTestCa();
        SmtpFailure expired = sendTo(ScriptedSmtpServer.script().keystore("expired-localhost.p12").start(), trust);
        stop();
        SmtpFailure early = sendTo(ScriptedSmtpServer.script().keystore("not-yet-valid-localhost.p12").start(),
                trust);
        stop();
        SmtpFailure wrongHost = sendTo(ScriptedSmtpServer.script().keystore("wrong-host.p12").start(), trust);
        stop();
        SmtpFailure untrusted = sendTo(ScriptedSmtpServer.script().keystore("untrusted-localhost.p12").start(),
                trust);

        assertTrue(expired.detail().contains("certificate expired"), expired.detail());
        assertTrue(early.detail().contains("not valid yet"), early.detail());
        assertTrue(wrongHost.detail().contains("does not match the server address"), wrongHost.detail());
        assertTrue(untrusted.detail().contains("not issued by a trusted CA"), untrusted.detail());
        List<SmtpFailure> all = List.of(expired, early, wrongHost, untrusted);
        all.forEach(f -> assertEquals(JobCode.CERTIFICATE_PROBLEM, f.code()));
        assertEquals(4, all.stream().map(SmtpFailure::remedy).distinct().count());
        assertFalse(expired.remedy().contains("Import"), "importing a CA cannot fix an expired certificate");
        assertTrue(early.remedy().contains("date and time"), early.remedy());
        assertTrue(wrongHost.remedy().contains("SMTP Server Address"), wrongHost.remedy());
        assertTrue(untrusted.remedy().contains("CA Certificate"), untrusted.remedy());
    }

    @Test
    void theConnectionTestNamesAnExpiredCertificateAtTheTlsStep() throws Exception {
        server = ScriptedSmtpServer.script().keystore("expired-localhost.p12").start();
        sender = SmtpMailSender.create(datedAndTestCa(), SmtpFixtures.options(clock));
        List<ConnectionTestStep> steps = sender.connectionTest(
                SmtpFixtures.account(SmtpFixtures.settings(server.port(), Duration.ofSeconds(2)), tokens));
        ConnectionTestStep last = steps.get(steps.size() - 1);
        assertEquals(ConnectionTester.TLS, last.name());
        assertFalse(last.passed());
        assertEquals(JobCode.CERTIFICATE_PROBLEM, last.code());
        assertTrue(last.detail().contains("certificate expired"), last.detail());
        assertFalse(last.code().remedyFor(last.detail()).contains("Import"));
    }

    /** The TEST-ONLY CA of the dated certificates, and the test CA of the others. */
    private static TlsTrust datedAndTestCa() {
        return TlsTrust.withCaFiles(List.of(SmtpFixtures.keystore("dated-ca.pem"), SmtpFixtures.keystore("test-ca.pem")));
    }
}
