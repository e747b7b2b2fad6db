package org.printmail.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.printmail.codes.JobCode;
import org.printmail.lab.AdjustableClock;
import org.printmail.lab.LabMailServer;

/** Success paths against GreenMail behind the lab's STARTTLS + XOAUTH2 front, trusted via the test CA. */
@Timeout(30)
class SmtpMailSenderLabTest {
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final AdjustableClock clock = AdjustableClock.startingAt("2025-03-01T09:00:00Z");
    private LabMailServer lab;
    private SmtpMailSender sender;
    private TestTokens tokens;
    private SmtpAccount account;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() {
        validTokens.add(SmtpFixtures.TOKEN);
        lab = LabMailServer.start(SmtpFixtures.keystore("localhost.p12"), SmtpFixtures.PASSWORD, 0,
                (user, token) -> user.equals(SmtpFixtures.USER) && validTokens.contains(token));
        tokens = new TestTokens(SmtpFixtures.TOKEN, SmtpFixtures.FRESH_TOKEN);
        account = SmtpFixtures.account(SmtpFixtures.settings(lab.port()), tokens);
        sender = SmtpMailSender.create(SmtpFixtures.testCaTrust(), SmtpFixtures.options(clock));
    }

    @AfterEach
    void stop() throws InterruptedException {
        sender.close();
        lab.close();
        SmtpFixtures.awaitNoLiveThreads();
        assertEquals(Set.of(), SmtpFixtures.liveThreads());
    }

    @Test
    void messageArrivesWithBodyHeadersAndAttachmentBytesOverStartTls() throws Exception {
        OutgoingMessage m = new OutgoingMessage("<job-42.1@printer.contoso.example>",
                List.of("alice@contoso.example"), "Scan from MFP — Büro", "Your scan is attached.",
                List.of(new Attachment(SmtpFixtures.SAMPLE_PDF, "scan-0001.pdf", "application/pdf")));

        SendReport report = sender.send(account, m);

        assertEquals(List.of("alice@contoso.example"), report.accepted());
        assertEquals(1, report.parts());
        assertTrue(lab.waitForIncoming(1, Duration.ofSeconds(5)));
        MimeMessage got = lab.receivedMessages()[0];
        assertEquals("<job-42.1@printer.contoso.example>", got.getMessageID());
        assertEquals(SmtpFixtures.USER, got.getFrom()[0].toString());
        assertEquals("alice@contoso.example", got.getAllRecipients()[0].toString());
        assertEquals("Scan from MFP — Büro", got.getSubject());
        assertEquals(clock.instant(), got.getSentDate().toInstant());
        Multipart mp = (Multipart) got.getContent();
        assertEquals("Your scan is attached.", mp.getBodyPart(0).getContent().toString().strip());
        Part pdf = mp.getBodyPart(1);
        assertEquals("scan-0001.pdf", pdf.getFileName());
        assertTrue(pdf.getContentType().startsWith("application/pdf"));
        try (InputStream in = pdf.getInputStream()) {
            assertArrayEquals(Files.readAllBytes(SmtpFixtures.SAMPLE_PDF), in.readAllBytes());
        }
    }

    @Test
    void consecutiveMessagesForOneMailboxReuseOneAuthenticatedConnection() {
        for (int i = 0; i < 3; i++) {
            sender.send(account, SmtpFixtures.message("<m" + i + "@printer>", "bob@contoso.example"));
        }
        assertTrue(lab.waitForIncoming(3, Duration.ofSeconds(5)));
        assertEquals(1, lab.connectionsAccepted());
        assertEquals(1, sender.idleConnections("mailbox-1"));
    }

    @Test
    void aRenewedTokenMakesTheNextMessageSignInAgainOnANewConnection() {
        validTokens.add("renewed-token");
        sender.send(account, SmtpFixtures.message("<a@printer>", "bob@contoso.example"));
        tokens.rotate("renewed-token");
        sender.send(account, SmtpFixtures.message("<b@printer>", "bob@contoso.example"));
        assertTrue(lab.waitForIncoming(2, Duration.ofSeconds(5)));
        assertEquals(2, lab.connectionsAccepted());
    }

    @Test
    void anIdleConnectionOlderThanTheLimitIsNotReused() {
        sender.send(account, SmtpFixtures.message("<a@printer>", "bob@contoso.example"));
        clock.advance(Duration.ofMinutes(2));
        sender.send(account, SmtpFixtures.message("<b@printer>", "bob@contoso.example"));
        assertEquals(2, lab.connectionsAccepted());
    }

    @Test
    void aRejectedTokenIsRefreshedOnceAndTheSendSucceeds() {
        validTokens.clear();
        validTokens.add(SmtpFixtures.FRESH_TOKEN);
        sender.send(account, SmtpFixtures.message("<r@printer>", "bob@contoso.example"));
        assertEquals(1, tokens.refreshes());
        assertTrue(lab.waitForIncoming(1, Duration.ofSeconds(5)));
    }

    @Test
    void largeScansAreSplitIntoNumberedMessagesByWholeFiles() throws Exception {
        List<Attachment> files = List.of(file("p1.jpg", 40_000), file("p2.jpg", 40_000), file("p3.jpg", 40_000));
        restartSenderWithAttachMax(90_000, true);

        SendReport report = sender.send(account, new OutgoingMessage("<big@printer.example>",
                List.of("bob@contoso.example"), "Scan", "Pages attached.", files));

        assertEquals(2, report.parts());
        assertTrue(lab.waitForIncoming(2, Duration.ofSeconds(5)));
        List<String> subjects = Arrays.stream(lab.receivedMessages()).map(SmtpMailSenderLabTest::subject).sorted().toList();
        assertEquals(List.of("Scan (1/2)", "Scan (2/2)"), subjects);
        List<String> ids = Arrays.stream(lab.receivedMessages()).map(SmtpMailSenderLabTest::id).sorted().toList();
        assertEquals(List.of("<big.part1of2@printer.example>", "<big.part2of2@printer.example>"), ids);
    }

    @Test
    void overTheMaximumWithSplittingOffIsRefusedBeforeConnecting() throws Exception {
        restartSenderWithAttachMax(50_000, false);
        OutgoingMessage m = new OutgoingMessage("<x@p>", List.of("bob@contoso.example"), "Scan", "",
                List.of(file("p1.jpg", 40_000), file("p2.jpg", 40_000)));

        SmtpFailure f = assertThrows(SmtpFailure.class, () -> sender.send(account, m));

        assertEquals(JobCode.ATTACHMENT_TOO_LARGE, f.code());
        assertEquals(0, lab.connectionsAccepted());
    }

    @Test
    void aSingleFileOverTheMaximumIsRefusedEvenWithSplittingOn() throws Exception {
        restartSenderWithAttachMax(50_000, true);
        OutgoingMessage m = new OutgoingMessage("<x@p>", List.of("bob@contoso.example"), "Scan", "",
                List.of(file("scan.pdf", 60_000)));

        SmtpFailure f = assertThrows(SmtpFailure.class, () -> sender.send(account, m));

        assertEquals(JobCode.ATTACHMENT_TOO_LARGE, f.code());
        assertTrue(f.detail().contains("scan.pdf"), f.detail());
    }

    @Test
    void theConnectionTestPassesEveryStepAgainstTheLab() {
        List<ConnectionTestStep> steps = sender.connectionTest(account);
        assertEquals(List.of("DNS", "TCP", "Token", "EHLO/STARTTLS", "TLS and certificate",
                "AUTH XOAUTH2", "MAIL FROM"), steps.stream().map(ConnectionTestStep::name).toList());
        assertTrue(steps.stream().allMatch(ConnectionTestStep::passed), steps.toString());
        assertEquals(0, lab.receivedMessages().length);
    }

    @Test
    void theRateGovernorHoldsTheThirtyFirstMessageOfAMinute() {
        for (int i = 0; i < 31; i++) {
            sender.send(account, SmtpFixtures.message("<n" + i + "@printer>", "bob@contoso.example"));
        }
        // The sleeper moved the clock: the 31st waited until the first left the rolling minute.
        assertEquals(AdjustableClock.startingAt("2025-03-01T09:01:00Z").instant(), clock.instant());
        assertTrue(lab.waitForIncoming(31, Duration.ofSeconds(10)));
    }

    private void restartSenderWithAttachMax(long max, boolean split) {
        sender.close();
        sender = SmtpMailSender.create(SmtpFixtures.testCaTrust(),
                SmtpFixtures.options(clock).withAttachMaxBytes(max, split));
    }

    private Attachment file(String name, int size) throws Exception {
        byte[] bytes = new byte[size];
        new java.util.Random(size).nextBytes(bytes);
        Path p = tmp.resolve(name);
        Files.write(p, bytes);
        return new Attachment(p, name, "image/jpeg");
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String id(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
