package org.printmail.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.printmail.codes.JobCode;
import org.printmail.lab.AdjustableClock;
import org.printmail.smtp.ScriptedSmtpServer.Drop;
import org.printmail.smtp.ScriptedSmtpServer.Garbage;
import org.printmail.smtp.ScriptedSmtpServer.Step;
import org.printmail.smtp.ScriptedSmtpServer.Tarpit;

/**
 * Exchange Online's replies, each at the step Exchange sends it (exact strings from the fact
 * sheet), and a misbehaving server, against a real scripted SMTP server: every case ends in its
 * job-log code, within the timeouts, without leaving a thread behind.
 */
@Timeout(10)
class ExchangeRepliesTest {
    private static final String STAMP = " [BN9PR03CA0001.namprd03.prod.outlook.com 2025-03-01T09:00:00.000Z 08DD1234ABCD5678]";

    private final AdjustableClock clock = AdjustableClock.startingAt("2025-03-01T09:00:00Z");
    private final TestTokens tokens = new TestTokens(SmtpFixtures.TOKEN, SmtpFixtures.FRESH_TOKEN);
    private final SmtpMailSender sender = SmtpMailSender.create(SmtpFixtures.testCaTrust(), SmtpFixtures.options(clock));
    private ScriptedSmtpServer server;

    @TempDir
    Path tmp;

    @AfterEach
    void stop() throws InterruptedException {
        SmtpFixtures.closeLeavingNoThreads(sender, server);
    }

    static Stream<Arguments> exchangeReplies() {
        return Stream.of(
                Arguments.of(Step.AUTH, "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is"
                        + " disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more"
                        + " information." + STAMP, JobCode.SMTP_AUTH_DISABLED),
                Arguments.of(Step.AUTH, "535 5.7.139 Authentication unsuccessful, user is locked by your"
                        + " organization's security defaults policy.", JobCode.SMTP_AUTH_DISABLED),
                Arguments.of(Step.AUTH, "535 5.7.139 Authentication unsuccessful, the request did not meet"
                        + " the criteria to be authenticated successfully.", JobCode.SMTP_AUTH_DISABLED),
                Arguments.of(Step.MAIL, "530 5.7.57 Client not authenticated to send mail." + STAMP,
                        JobCode.NOT_AUTHENTICATED),
                Arguments.of(Step.MAIL, "550 5.7.60 SMTP; Client does not have permissions to send as this"
                        + " sender", JobCode.SEND_AS_DENIED),
                Arguments.of(Step.END_OF_DATA, "554 5.2.252 SendAsDenied; scanner@contoso.example not allowed"
                        + " to send as boss@contoso.example; STOREDRV.Submission.Exception:SendAsDeniedException;"
                        + " Failed to process message due to a permanent exception", JobCode.SEND_AS_DENIED),
                Arguments.of(Step.END_OF_DATA, "554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException."
                        + "MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with"
                        + " message Cannot submit message.", JobCode.SEND_AS_DENIED),
                Arguments.of(Step.END_OF_DATA, "432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded"
                        + STAMP, JobCode.SERVER_BUSY),
                Arguments.of(Step.MAIL, "432 4.3.2 STOREDRV.ClientSubmit; concurrent connection limit"
                        + " exceeded" + STAMP, JobCode.SERVER_BUSY),
                Arguments.of(Step.MAIL, "451 4.7.500 Server busy. Please try again later.", JobCode.SERVER_BUSY),
                Arguments.of(Step.END_OF_DATA, "554 5.2.0 STOREDRV.Submission.Exception:"
                        + "SubmissionQuotaExceededException; Failed to process message due to a permanent"
                        + " exception with message Cannot submit message." + STAMP, JobCode.DAILY_LIMIT),
                Arguments.of(Step.END_OF_DATA, "552 5.3.4 Message size exceeds fixed maximum message size",
                        JobCode.MESSAGE_TOO_LARGE),
                Arguments.of(Step.END_OF_DATA, "554 5.3.4 MapiExceptionMaxSubmissionExceeded; Message size"
                        + " exceeds maximum size limit", JobCode.MESSAGE_TOO_LARGE));
    }

    @ParameterizedTest(name = "{2} from {1}")
    @MethodSource("exchangeReplies")
    void eachExchangeReplyBecomesItsJobCode(Step step, String reply, JobCode expected) throws Exception {
        server = ScriptedSmtpServer.script().reply(step, reply).start();
        SmtpFailure f = sendExpectingFailure();
        assertEquals(expected, f.code(), f.getMessage());
        assertEquals(reply, f.serverReply());
    }

    @Test
    void authenticationRejectedTwiceRefreshesOnceThenReportsRejected() throws Exception {
        String reply = "535 5.7.3 Authentication unsuccessful" + STAMP;
        server = ScriptedSmtpServer.script().auth(token -> reply).start();

        SmtpFailure f = sendExpectingFailure();

        assertEquals(JobCode.SMTP_AUTH_REJECTED, f.code());
        assertEquals(reply, f.serverReply());
        assertEquals(1, tokens.refreshes());
        assertEquals(2, server.commands().stream().filter(c -> c.startsWith("AUTH")).count());
    }

    @Test
    void authenticationRejectedOnceSucceedsWithTheRefreshedToken() throws Exception {
        server = ScriptedSmtpServer.script().auth(token -> token.equals(SmtpFixtures.FRESH_TOKEN)
                ? "235 2.7.0 Authentication successful" : "535 5.7.3 Authentication unsuccessful" + STAMP).start();

        sender.send(account(), SmtpFixtures.message("<m@p>", "bob@contoso.example"));

        assertEquals(1, tokens.refreshes());
        assertEquals(1, server.messages().size());
    }

    @Test
    void oneRejectedRecipientIsReportedAndTheOthersStillReceiveTheMessage() throws Exception {
        String reply = "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup";
        server = ScriptedSmtpServer.script().rcpt("nobody@contoso.example", reply).start();

        SendReport r = sender.send(account(), SmtpFixtures.message("<m@p>", "bob@contoso.example",
                "nobody@contoso.example", "carol@contoso.example"));

        assertEquals(List.of("bob@contoso.example", "carol@contoso.example"), r.accepted());
        assertEquals(List.of(new RecipientFailure("nobody@contoso.example", JobCode.RECIPIENT_REJECTED, reply)),
                r.rejected());
        assertEquals(1, server.messages().size());
    }

    @Test
    void everyRecipientRejectedFailsTheSendWithTheRecipientCode() throws Exception {
        String reply = "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup";
        server = ScriptedSmtpServer.script().rcpt("nobody@contoso.example", reply).start();

        SmtpFailure f = assertThrows(SmtpFailure.class, () -> sender.send(account(),
                SmtpFixtures.message("<m@p>", "nobody@contoso.example")));

        assertEquals(JobCode.RECIPIENT_REJECTED, f.code());
        assertEquals(reply, f.serverReply());
        assertTrue(server.messages().isEmpty());
    }

    @Test
    void aServerWithoutStartTlsFailsWithItsOwnCodeAndNeverSeesCredentials() throws Exception {
        server = ScriptedSmtpServer.script().withoutStartTls().start();

        SmtpFailure f = sendExpectingFailure();

        assertEquals(JobCode.STARTTLS_UNAVAILABLE, f.code());
        assertFalse(server.received("AUTH"), server.commands().toString());
        assertFalse(server.received("MAIL"));
    }

    @Test
    void aTarpitSlowerThanTheReadTimeoutIsUnreachableWithinTheTimeout() throws Exception {
        server = ScriptedSmtpServer.script().at(Step.GREETING, new Tarpit(Duration.ofSeconds(20))).start();
        long start = System.nanoTime();

        SmtpFailure f = sendExpectingFailure();

        assertEquals(JobCode.SERVER_UNREACHABLE, f.code());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(3)) < 0);
    }

    @Test
    void aTarpitWaitingForTheEndOfDataReplyTimesOut() throws Exception {
        server = ScriptedSmtpServer.script().at(Step.END_OF_DATA, new Tarpit(Duration.ofSeconds(20))).start();
        assertEquals(JobCode.SERVER_UNREACHABLE, sendExpectingFailure().code());
    }

    @Test
    void garbageInsteadOfAReplyIsAProtocolError() throws Exception {
        server = ScriptedSmtpServer.script().at(Step.EHLO, new Garbage("HELLO? THIS IS NOT SMTP")).start();
        SmtpFailure f = sendExpectingFailure();
        assertEquals(JobCode.PROTOCOL_ERROR, f.code());
    }

    @Test
    void garbageAsTheGreetingIsAProtocolError() throws Exception {
        server = ScriptedSmtpServer.script().at(Step.GREETING, new Garbage("\u0000\u0001binary noise")).start();
        assertEquals(JobCode.PROTOCOL_ERROR, sendExpectingFailure().code());
    }

    @Test
    void aConnectionDroppedMidDataIsAProtocolErrorToRetry() throws Exception {
        server = ScriptedSmtpServer.script().at(Step.DATA, new Drop()).start();
        Path big = tmp.resolve("scan.pdf");
        Files.write(big, new byte[4 * 1024 * 1024]);
        OutgoingMessage m = new OutgoingMessage("<d@p>", List.of("bob@contoso.example"), "Scan", "",
                List.of(new Attachment(big, "scan.pdf", "application/pdf")));

        SmtpFailure f = assertThrows(SmtpFailure.class, () -> sender.send(account(), m));

        assertEquals(JobCode.PROTOCOL_ERROR, f.code(), f.getMessage());
        assertEquals(JobCode.Disposition.RETRY, f.code().disposition());
    }

    @Test
    void aRefusedConnectionIsUnreachable() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        SmtpFailure f = assertThrows(SmtpFailure.class, () -> sender.send(
                SmtpFixtures.account(SmtpFixtures.settings(closedPort), tokens),
                SmtpFixtures.message("<m@p>", "bob@contoso.example")));
        assertEquals(JobCode.SERVER_UNREACHABLE, f.code());
    }

    @Test
    void anUnresolvableHostIsUnreachable() {
        SmtpAccount a = SmtpFixtures.account(SmtpFixtures.settings(587).withHost("smtp.printmail.invalid"), tokens);
        SmtpFailure f = assertThrows(SmtpFailure.class,
                () -> sender.send(a, SmtpFixtures.message("<m@p>", "bob@contoso.example")));
        assertEquals(JobCode.SERVER_UNREACHABLE, f.code());
    }

    private SmtpAccount account() {
        return SmtpFixtures.account(SmtpFixtures.settings(server.port(), Duration.ofMillis(500)), tokens);
    }

    private SmtpFailure sendExpectingFailure() {
        SmtpFailure f = assertThrows(SmtpFailure.class,
                () -> sender.send(account(), SmtpFixtures.message("<m@p>", "bob@contoso.example")));
        return f;
    }
}
