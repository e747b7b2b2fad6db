package org.printmail.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.printmail.lab.LabUsers;
import org.printmail.auth.AccountId;
import org.printmail.testing.DeviceRig;

class JobTypesEndToEndTest {
    static final Path PDF = DeviceRig.ROOT.resolve("test-fixtures/scans/sample-scan.pdf");
    static final Path JPEG = DeviceRig.ROOT.resolve("test-fixtures/scans/sample-scan.jpg");
    private final DeviceRig rig = new DeviceRig();

    @AfterEach
    void close() { rig.close(); }

    static void sendDue(DeviceRig rig) { ((Outbox) rig.device().jobs()).runDue(); }

    static JobLogEntry logOf(DeviceRig rig, String jobId) {
        return rig.device().jobs().jobLog().stream().filter(e -> e.jobId().equals(jobId)).findFirst()
                .orElseThrow(() -> new AssertionError("no job log entry for " + jobId));
    }

    @Test
    void scanToEmailIsDeliveredWithItsAttachmentsFromTheDeviceMailbox() throws Exception {
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        JobTicket t = rig.device().jobs().submit(new JobRequest.ScanToEmail(
                List.of("a@contoso.example", "b@contoso.example"), "Contract", "Two files", List.of(PDF, JPEG)));
        assertTrue(t.accepted());
        sendDue(rig);
        JobLogEntry e = logOf(rig, t.jobId());
        assertEquals(JobResult.SENT, e.result());
        assertEquals(0, e.code());
        assertEquals(2, e.recipientCount());
        assertEquals(LabUsers.ADMIN, e.account());
        assertTrue(rig.lab.mail().waitForIncoming(2, Duration.ofSeconds(5)));
        MimeMessage m = rig.lab.mail().receivedMessages()[0];
        assertEquals(LabUsers.ADMIN, m.getFrom()[0].toString());
        assertEquals("Contract", m.getSubject());
        assertEquals("<" + t.jobId() + "@printmail.device>", m.getMessageID());
        assertArrayEquals(Files.readAllBytes(PDF), attachment(m, "sample-scan.pdf"));
        assertArrayEquals(Files.readAllBytes(JPEG), attachment(m, "sample-scan.jpg"));
        assertTrue(rig.device().jobs().outbox().isEmpty());
    }

    @Test
    void alertNotificationGoesToTheRecipientsConfiguredForItsEvent() throws Exception {
        rig.device().settings().update(s -> s.withNotificationRecipients(
                Map.of("PAPER_OUT", List.of("facilities@contoso.example"))));
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        JobTicket t = rig.device().jobs().submit(new JobRequest.Notification(DeviceEvent.PAPER_OUT, "Tray 2"));
        sendDue(rig);
        assertEquals(JobResult.SENT, logOf(rig, t.jobId()).result());
        MimeMessage m = rig.lab.mail().receivedMessages()[0];
        assertEquals("facilities@contoso.example", m.getRecipients(Message.RecipientType.TO)[0].toString());
        assertEquals("[Printer alert] Paper out", m.getSubject());
    }

    @Test
    void burstOfAlertsIsCoalescedIntoOneDigest() throws Exception {
        rig.device().settings().update(s -> s.withNotificationRecipients(Map.of(
                "PAPER_OUT", List.of("ops@contoso.example"), "TONER_LOW", List.of("ops@contoso.example"),
                "PAPER_JAM", List.of("ops@contoso.example"))));
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        JobService jobs = rig.device().jobs();
        List<JobTicket> ts = List.of(jobs.submit(new JobRequest.Notification(DeviceEvent.PAPER_OUT, "")),
                jobs.submit(new JobRequest.Notification(DeviceEvent.TONER_LOW, "Black")),
                jobs.submit(new JobRequest.Notification(DeviceEvent.PAPER_JAM, "")));
        sendDue(rig);
        for (JobTicket t : ts) {
            assertTrue(logOf(rig, t.jobId()).message().contains("digest of 3"));
        }
        assertTrue(rig.lab.mail().waitForIncoming(1, Duration.ofSeconds(5)));
        assertEquals(1, rig.lab.mail().receivedMessages().length);
        assertTrue(rig.lab.mail().receivedMessages()[0].getSubject().contains("3 device alerts"));
    }

    @Test
    void faxGoesToTheProviderAddressWithTheFaxServersOwnSignIn() throws Exception {
        rig.device().settings().update(s -> s.withFaxAddressPattern("{number}@fax.contoso.example"));
        rig.lab.identity().setOrganizationConsent(true); // the admin consented for the organization
        rig.signIn(AccountId.faxServer(), LabUsers.BOB);
        JobTicket t = rig.device().jobs().submit(new JobRequest.Fax(List.of("+1 (555) 010-9999"), List.of(PDF)));
        assertTrue(t.accepted(), t.toString());
        sendDue(rig);
        JobLogEntry e = logOf(rig, t.jobId());
        assertEquals(JobResult.SENT, e.result(), e.toString());
        assertEquals(LabUsers.BOB, e.account());
        MimeMessage m = rig.lab.mail().receivedMessages()[0];
        assertEquals("+15550109999@fax.contoso.example", m.getRecipients(Message.RecipientType.TO)[0].toString());
        assertEquals(LabUsers.BOB, m.getFrom()[0].toString());
    }

    @Test
    void scanToMyEmailIsSentFromAndToTheUsersOwnMailbox() throws Exception {
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN); // the admin consents for the organization first
        rig.signIn(AccountId.user("alice"), LabUsers.ALICE);
        JobTicket t = rig.device().jobs().submit(new JobRequest.ScanToMyEmail("alice", "Mine", "", List.of(PDF)));
        assertTrue(t.accepted(), t.toString());
        sendDue(rig);
        assertEquals(JobResult.SENT, logOf(rig, t.jobId()).result());
        MimeMessage m = rig.lab.mail().receivedMessages()[0];
        assertEquals(LabUsers.ALICE, m.getFrom()[0].toString());
        assertEquals(LabUsers.ALICE, m.getRecipients(Message.RecipientType.TO)[0].toString());
    }

    @Test
    void scanOverTheAttachedFileMaximumSizeIsSplitIntoNumberedMessagesOrRefusedWhenSplittingIsOff()
            throws Exception {
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        rig.device().settings().update(s -> s.withAttachmentLimit(200_000, true));
        JobTicket split = rig.device().jobs().submit(new JobRequest.ScanToEmail(List.of("a@contoso.example"),
                "Big", "", List.of(PDF, JPEG)));
        sendDue(rig);
        assertTrue(logOf(rig, split.jobId()).message().contains("as 2 messages"), logOf(rig, split.jobId()).message());
        assertTrue(rig.lab.mail().waitForIncoming(2, Duration.ofSeconds(5)));
        assertEquals("Big (1/2)", rig.lab.mail().receivedMessages()[0].getSubject());
        rig.device().settings().update(s -> s.withAttachmentLimit(200_000, false));
        JobTicket refused = rig.device().jobs().submit(new JobRequest.ScanToEmail(List.of("a@contoso.example"),
                "Big", "", List.of(PDF, JPEG)));
        sendDue(rig);
        assertEquals(JobResult.FAILED, logOf(rig, refused.jobId()).result());
        assertEquals(392, logOf(rig, refused.jobId()).code());
    }

    @Test
    void spooledScanIsEncryptedAtRestAndRemovedOnceDelivered() throws Exception {
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        JobTicket t = rig.device().jobs().submit(new JobRequest.ScanToEmail(List.of("a@contoso.example"), "s", "",
                List.of(PDF)));
        Path spool = rig.dataDir.resolve("outbox/spool");
        List<Path> files;
        try (var list = Files.list(spool)) {
            files = list.toList();
        }
        assertEquals(1, files.size());
        byte[] stored = Files.readAllBytes(files.get(0));
        byte[] plain = Files.readAllBytes(PDF);
        assertFalse(indexOf(stored, Arrays.copyOfRange(plain, 0, 64)) >= 0, "plaintext found in the spool");
        assertFalse(indexOf(stored, "%PDF".getBytes()) >= 0);
        sendDue(rig);
        assertEquals(JobResult.SENT, logOf(rig, t.jobId()).result());
        try (var list = Files.list(spool)) {
            assertEquals(0, list.count());
        }
        assertTrue(Files.notExists(rig.dataDir.resolve("work").resolve(files.get(0).getFileName())));
    }

    @Test
    void acceptedJobSurvivesARestartBeforeItIsSent() throws Exception {
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        JobTicket t = rig.device().jobs().submit(new JobRequest.ScanToEmail(List.of("a@contoso.example"), "s", "",
                List.of(PDF)));
        rig.restart();
        assertEquals(List.of(t.jobId()), rig.device().jobs().outbox().stream().map(JobView::jobId).toList());
        sendDue(rig);
        assertEquals(JobResult.SENT, logOf(rig, t.jobId()).result());
        assertArrayEquals(Files.readAllBytes(PDF), attachment(rig.lab.mail().receivedMessages()[0], "sample-scan.pdf"));
    }

    @Test
    void badRecipientOrMissingFileIsRefusedWithTheFieldNamedAndNothingQueued() throws Exception {
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        JobTicket bad = rig.device().jobs().submit(new JobRequest.ScanToEmail(List.of("not-an-address"), "s", "",
                List.of(PDF)));
        assertFalse(bad.accepted());
        assertTrue(bad.preflight().message().startsWith("To:"), bad.preflight().message());
        JobTicket missing = rig.device().jobs().submit(new JobRequest.ScanToEmail(List.of("a@contoso.example"), "s",
                "", List.of(Path.of("/nonexistent/scan.pdf"))));
        assertFalse(missing.accepted());
        assertEquals(393, logOf(rig, missing.jobId()).code());
        assertTrue(rig.device().jobs().outbox().isEmpty());
        assertEquals(Optional.empty(), rig.device().jobs().outbox().stream().findAny());
    }

    @Test
    void aScanFileNameWithLineBreaksIsRefusedSoItCannotInjectMimeHeaders(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        Path hostile = dir.resolve("scan.pdf\r\nX-Injected: yes\r\n\r\nINJECTED");
        Files.write(hostile, Files.readAllBytes(PDF));
        JobTicket t = rig.device().jobs().submit(new JobRequest.ScanToEmail(List.of("a@contoso.example"), "s", "",
                List.of(hostile)));
        assertFalse(t.accepted());
        assertEquals(393, logOf(rig, t.jobId()).code());
        assertTrue(logOf(rig, t.jobId()).message().contains("control characters"));
        assertTrue(rig.device().jobs().outbox().isEmpty());
    }

    @Test
    void attachmentNamesWithQuotesAndUnicodeAreQuotedByTheMailLibrary(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        Path odd = dir.resolve("Rechnung \"März\"; name=x.pdf");
        Files.write(odd, Files.readAllBytes(PDF));
        JobTicket t = rig.device().jobs().submit(new JobRequest.ScanToEmail(List.of("a@contoso.example"), "s", "",
                List.of(odd)));
        sendDue(rig);
        assertEquals(JobResult.SENT, logOf(rig, t.jobId()).result());
        assertArrayEquals(Files.readAllBytes(PDF), attachment(rig.lab.mail().receivedMessages()[0],
                "Rechnung \"März\"; name=x.pdf"));
    }

    static byte[] attachment(MimeMessage m, String name) throws Exception {
        Multipart mp = (Multipart) m.getContent();
        for (int i = 0; i < mp.getCount(); i++) {
            BodyPart p = mp.getBodyPart(i);
            if (name.equals(p.getFileName())) {
                try (InputStream in = p.getInputStream()) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no attachment " + name);
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
