package org.printmail.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.printmail.jobs.JobTypesEndToEndTest.PDF;
import static org.printmail.jobs.JobTypesEndToEndTest.logOf;
import static org.printmail.jobs.JobTypesEndToEndTest.sendDue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.printmail.auth.AccountState;
import org.printmail.lab.LabIdentityPlatform;
import org.printmail.lab.LabUsers;
import org.printmail.lab.RevocationReason;
import org.printmail.smtp.ConnectionTestStep;
import org.printmail.smtp.PostfixDovecotRig;
import org.printmail.auth.AccountId;
import org.printmail.smtp.SmtpAccount;
import org.printmail.smtp.TokenSource;
import org.printmail.testing.DeviceRig;

/**
 * The whole device against a stock Postfix + Dovecot submission server (STARTTLS, AUTH XOAUTH2
 * checked by Dovecot through RFC 7662 introspection on the lab identity platform), not against
 * our own lab mail server: sign-in then send, expiry then refresh, Dovecot's error challenge for
 * a token it no longer accepts, revocation, and a 100 MB attachment. Postfix and Dovecot start
 * once for the class; each test gets a fresh device and lab on the same lab port.
 */
@Timeout(180)
class PostfixDovecotTest {
    private static int labPort;
    private static PostfixDovecotRig server;

    private DeviceRig rig;
    private String to;

    @BeforeAll
    static void startServers() throws IOException {
        PostfixDovecotRig.assumeInstalled();
        labPort = PostfixDovecotRig.freePort();
        server = PostfixDovecotRig.start(labPort);
    }

    @AfterAll
    static void stopServers() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void startDevice(TestInfo test) {
        rig = new DeviceRig(o -> o, labPort);
        rig.device().settings().update(s -> s.withDeviceMail(s.deviceMail()
                .withMail(s.deviceMail().mail().withPort(server.port()))));
        // One mailbox per test: the Maildir outlives the test.
        to = test.getTestMethod().orElseThrow().getName().toLowerCase() + "@contoso.example";
    }

    @AfterEach
    void stopDevice() {
        if (rig != null) {
            rig.close();
        }
    }

    private LabIdentityPlatform lab() { return rig.lab.identity(); }

    private JobTicket scan(List<Path> files) {
        JobTicket t = rig.device().jobs().submit(new JobRequest.ScanToEmail(List.of(to), "Scan",
                "Your scan.", files));
        assertTrue(t.accepted(), t.toString());
        return t;
    }

    private JobLogEntry sentOrFail(JobTicket t) {
        assertTrue(rig.device().jobs().jobLog().stream().anyMatch(e -> e.jobId().equals(t.jobId())),
                "not sent: " + rig.device().jobs().outbox() + "\n" + server.logTail());
        JobLogEntry e = logOf(rig, t.jobId());
        assertEquals(JobResult.SENT, e.result(), e + "\n" + server.logTail());
        return e;
    }

    @Test
    void aDeviceSignedInOnTheLabSendsThroughPostfixAndDovecotChecksTheToken() throws Exception {
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        JobTicket t = scan(List.of(PDF));

        sendDue(rig);

        sentOrFail(t);
        MimeMessage m = read(server.awaitDelivered(to, 1, Duration.ofSeconds(30)).get(0));
        assertEquals("Scan", m.getSubject());
        assertEquals(LabUsers.ADMIN, m.getFrom()[0].toString());
        assertTrue(lab().introspectionRequests() >= 1, "Dovecot asked the lab about the token");
    }

    @Test
    void afterTheAccessTokenExpiresTheDeviceRefreshesAndTheNextScanArrives() throws Exception {
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        sendDue(rig);
        rig.clock.advance(Duration.ofHours(2)); // past the lab's 3599 s access-token lifetime
        int refreshes = lab().tokenRequests(LabIdentityPlatform.REFRESH_GRANT);
        JobTicket t = scan(List.of(PDF));

        sendDue(rig);

        sentOrFail(t);
        assertTrue(lab().tokenRequests(LabIdentityPlatform.REFRESH_GRANT) > refreshes);
        server.awaitDelivered(to, 1, Duration.ofSeconds(30));
    }

    @Test
    void aTokenDovecotNoLongerAcceptsIsAnsweredRefreshedOnceAndTheScanArrives() throws Exception {
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        lab().expireAccessTokens(LabUsers.ADMIN); // the device still counts it as good
        int refreshes = lab().tokenRequests(LabIdentityPlatform.REFRESH_GRANT);
        JobTicket t = scan(List.of(PDF));

        sendDue(rig);

        sentOrFail(t);
        assertEquals(refreshes + 1, lab().tokenRequests(LabIdentityPlatform.REFRESH_GRANT));
        server.awaitDelivered(to, 1, Duration.ofSeconds(30));
    }

    @Test
    void aRevokedAccountBehindDovecotHoldsTheScanWith370() throws Exception {
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        lab().revoke(LabUsers.ADMIN, RevocationReason.PASSWORD_CHANGED); // access token too
        scan(List.of(PDF));

        sendDue(rig);

        rig.awaitState(AccountId.deviceMail(), AccountState.SIGN_IN_REQUIRED);
        JobView held = rig.device().jobs().outbox().get(0);
        assertEquals(JobState.HELD_FOR_SIGN_IN, held.state(), held + "\n" + server.logTail());
        assertEquals(370, held.lastCode());
        assertTrue(server.delivered(to).isEmpty());
    }

    @Test
    void theConnectionTestAgainstDovecotNamesTheAuthStepForARevokedAccount() throws Exception {
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        lab().revoke(LabUsers.ADMIN, RevocationReason.PASSWORD_CHANGED);
        AccountId id = AccountId.deviceMail();
        TokenSource tokens = new TokenSource() {
            @Override
            public String accessToken() { return rig.device().accounts().accessToken(id); }

            @Override
            public String refreshedAccessToken() { return rig.device().accounts().forceRefresh(id); }
        };
        SmtpAccount account = new SmtpAccount(id.key(), LabUsers.ADMIN, LabUsers.ADMIN,
                rig.device().settings().current().deviceMail().mail(), tokens);

        List<ConnectionTestStep> steps = rig.device().sender().connectionTest(account);

        ConnectionTestStep last = steps.get(steps.size() - 1);
        assertEquals("AUTH XOAUTH2", last.name(), steps + "\n" + server.logTail());
        assertEquals(370, last.code().number());
    }

    @Test
    void anAccountUnusedTooLongBehindDovecotHoldsTheScanWith361() throws Exception {
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        lab().expireRefreshTokens(LabUsers.ADMIN);
        lab().expireAccessTokens(LabUsers.ADMIN);
        scan(List.of(PDF));

        sendDue(rig);

        rig.awaitState(AccountId.deviceMail(), AccountState.EXPIRED);
        JobView held = rig.device().jobs().outbox().get(0);
        assertEquals(JobState.HELD_FOR_SIGN_IN, held.state(), held + "\n" + server.logTail());
        assertEquals(361, held.lastCode());
    }

    @Test
    void aHundredMegabyteAttachmentArrivesByteForByte(@TempDir Path tmp) throws Exception {
        rig.device().settings().update(s -> s.withAttachmentLimit(0, false));
        Path big = tmp.resolve("scan.pdf");
        byte[] expected = writeRandom(big, 100L * 1024 * 1024);
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        JobTicket t = scan(List.of(big));

        sendDue(rig);

        sentOrFail(t);
        MimeMessage m = read(server.awaitDelivered(to, 1, Duration.ofSeconds(60)).get(0));
        Part attachment = ((Multipart) m.getContent()).getBodyPart(1);
        assertEquals("scan.pdf", attachment.getFileName());
        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(sha256(attachment)));
    }

    private static byte[] writeRandom(Path file, long size) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        Random r = new Random(10);
        byte[] buf = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= buf.length) {
                r.nextBytes(buf);
                int n = (int) Math.min(buf.length, left);
                out.write(buf, 0, n);
                d.update(buf, 0, n);
            }
        }
        return d.digest();
    }

    private static byte[] sha256(Part part) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(part.getInputStream(), d)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return d.digest();
    }

    private static MimeMessage read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new java.util.Properties()), in);
        }
    }
}
