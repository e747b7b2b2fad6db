package org.printmail.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.printmail.jobs.JobLogEntry;
import org.printmail.jobs.JobResult;
import org.printmail.lab.LabGraphFault;
import org.printmail.lab.LabGraphFault.Target;
import org.printmail.lab.LabUsers;
import org.printmail.testing.DeviceRig;

/** Scans through the Graph transport against the lab's Graph stand-in, over real sockets. */
@Timeout(120)
class GraphTransportTest {
    static final Path PDF = DeviceRig.ROOT.resolve("test-fixtures/scans/sample-scan.pdf");
    static final Path JPEG = DeviceRig.ROOT.resolve("test-fixtures/scans/sample-scan.jpg");
    private DeviceRig rig;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws Exception { rig = GraphRig.signedInOnGraph(); }

    @AfterEach
    void stop() { rig.close(); }

    private String submit(List<Path> files) { return GraphRig.submitScan(rig, "Scan via Graph", files); }

    private MimeMessage onlyArrival() throws Exception {
        assertTrue(rig.lab.mail().waitForIncoming(1, Duration.ofSeconds(20)));
        MimeMessage[] got = rig.lab.mail().receivedMessages();
        assertEquals(1, got.length, "exactly one message arrives");
        return got[0];
    }

    @Test
    void smallScanArrivesThroughSendMailWithItsAttachmentsAndTheJobsMessageId() throws Exception {
        String job = submit(List.of(PDF, JPEG));
        GraphRig.sendDue(rig);

        JobLogEntry e = GraphRig.logOf(rig, job);
        assertEquals(JobResult.SENT, e.result(), e.message());
        MimeMessage m = onlyArrival();
        assertEquals("<" + job + "@printmail.device>", m.getMessageID());
        assertEquals(LabUsers.ADMIN, m.getFrom()[0].toString());
        assertEquals("Scan via Graph", m.getSubject());
        assertEquals(GraphRig.sha256(PDF), GraphRig.attachmentSha256(m, "sample-scan.pdf"));
        assertEquals(GraphRig.sha256(JPEG), GraphRig.attachmentSha256(m, "sample-scan.jpg"));
        assertEquals(1, rig.lab.graph().requests(Target.SEND_MAIL));
        assertEquals(0, rig.lab.graph().requests(Target.CREATE_DRAFT));
        assertEquals(0, rig.lab.mail().connectionsAccepted(), "nothing went over SMTP");
    }

    @Test
    void twentyMegabyteScanGoesThroughADraftAndAnUploadSessionAndArrivesIntact() throws Exception {
        Path big = GraphRig.randomFile(tmp, "scan-20mb.pdf", 20L * 1024 * 1024);
        String job = submit(List.of(big, PDF));
        GraphRig.sendDue(rig);

        assertEquals(JobResult.SENT, GraphRig.logOf(rig, job).result());
        MimeMessage m = onlyArrival();
        assertEquals(GraphRig.sha256(big), GraphRig.attachmentSha256(m, "scan-20mb.pdf"));
        assertEquals(GraphRig.sha256(PDF), GraphRig.attachmentSha256(m, "sample-scan.pdf"));
        assertEquals(1, rig.lab.graph().requests(Target.CREATE_DRAFT));
        int ranges = (int) Math.ceil(20.0 * 1024 * 1024 / AttachmentUpload.CHUNK);
        assertEquals(ranges, rig.lab.graph().requests(Target.UPLOAD), "one PUT per range, none repeated");
        assertEquals(0, rig.lab.graph().draftCount(LabUsers.ADMIN), "the draft left Drafts when sent");
    }

    @Test
    void connectionCutMidUploadResumesFromTheRangeTheSessionReports() throws Exception {
        long size = 9L * 1024 * 1024;
        Path big = GraphRig.randomFile(tmp, "scan-9mb.pdf", size);
        String job = submit(List.of(big));
        // The first range is cut half way: the lab keeps what arrived; the device asks where to go on.
        rig.lab.graph().injectFault(LabGraphFault.of(Target.UPLOAD, LabGraphFault.Kind.CUT, 1));
        GraphRig.sendDue(rig);

        assertEquals(JobResult.SENT, GraphRig.logOf(rig, job).result());
        assertEquals(GraphRig.sha256(big), GraphRig.attachmentSha256(onlyArrival(), "scan-9mb.pdf"));
        // The cut PUT, then full ranges from the middle of the first one (the lab refuses any
        // range that does not start at its next expected byte, so a restart from 0 would fail).
        long resumedAt = AttachmentUpload.CHUNK / 2;
        int afterCut = (int) Math.ceil((double) (size - resumedAt) / AttachmentUpload.CHUNK);
        assertEquals(1 + afterCut, rig.lab.graph().requests(Target.UPLOAD));
        assertEquals(1, rig.lab.graph().requests(Target.CREATE_DRAFT), "the same draft, not a new one");
    }

    @Test
    void uploadWhoseSessionCannotSayWhereToResumeIsRetriedWithANewDraftAndLeavesNone() throws Exception {
        Path big = GraphRig.randomFile(tmp, "scan-5mb.pdf", 5L * 1024 * 1024);
        rig.lab.graph().setUploadStatusReadable(false);
        rig.lab.graph().injectFault(LabGraphFault.of(Target.UPLOAD, LabGraphFault.Kind.CUT, 1));
        String job = submit(List.of(big));
        GraphRig.sendDue(rig);

        assertEquals(391, GraphRig.queued(rig, job).lastCode(), GraphRig.queued(rig, job).lastMessage());
        assertEquals(0, rig.lab.graph().draftCount(LabUsers.ADMIN), "the broken draft was deleted");
        rig.clock.advance(Duration.ofHours(1));
        GraphRig.sendDue(rig);
        assertEquals(JobResult.SENT, GraphRig.logOf(rig, job).result());
        assertEquals(GraphRig.sha256(big), GraphRig.attachmentSha256(onlyArrival(), "scan-5mb.pdf"));
    }

    @Test
    void draftLeftBehindByAnInterruptedAttemptIsDeletedBeforeTheNextOneAndTheScanGoesOnce() throws Exception {
        Path big = GraphRig.randomFile(tmp, "scan-4mb.pdf", 4L * 1024 * 1024);
        // Send and the clean-up both fail, as if the device died between draft and send.
        rig.lab.graph().injectFault(LabGraphFault.of(Target.SEND_DRAFT, LabGraphFault.Kind.CUT, 1));
        rig.lab.graph().injectFault(LabGraphFault.of(Target.DELETE_DRAFT, LabGraphFault.Kind.CUT, 1));
        String job = submit(List.of(big));
        GraphRig.sendDue(rig);
        assertEquals(1, rig.lab.graph().draftCount(LabUsers.ADMIN), "a draft was left behind");
        assertEquals(0, rig.lab.mail().receivedMessages().length);

        rig.clock.advance(Duration.ofHours(1));
        GraphRig.sendDue(rig);

        assertEquals(JobResult.SENT, GraphRig.logOf(rig, job).result());
        assertEquals(0, rig.lab.graph().draftCount(LabUsers.ADMIN), "no drafts pile up");
        assertEquals(GraphRig.sha256(big), GraphRig.attachmentSha256(onlyArrival(), "scan-4mb.pdf"));
    }

    @Test
    void serviceThatRefusesInternetMessageIdStillGetsTheScanSmallOrLarge() throws Exception {
        rig.lab.graph().setInternetMessageIdWritable(false);
        Path big = GraphRig.randomFile(tmp, "scan-4mb.pdf", 4L * 1024 * 1024);
        String small = submit(List.of(PDF));
        String large = submit(List.of(big));
        GraphRig.sendDue(rig);
        assertEquals(JobResult.SENT, GraphRig.logOf(rig, small).result());
        assertEquals(JobResult.SENT, GraphRig.logOf(rig, large).result());
        assertTrue(rig.lab.mail().waitForIncoming(2, Duration.ofSeconds(20)));
        assertEquals(2, rig.lab.graph().requests(Target.SEND_MAIL), "refused once, then sent without it");
        assertEquals(2, rig.lab.graph().requests(Target.CREATE_DRAFT), "refused once, then made without it");
        assertEquals(0, rig.lab.graph().draftCount(LabUsers.ADMIN));
    }

    @Test
    void thirtyFirstMessageInAMinuteWaitsForTheSameRateGovernorAsSmtp() {
        List<String> jobs = new java.util.ArrayList<>();
        for (int i = 0; i < 31; i++) {
            jobs.add(submit(List.of()));
        }
        java.time.Instant before = rig.clock.instant();
        GraphRig.sendDue(rig);
        for (String job : jobs) {
            assertEquals(JobResult.SENT, GraphRig.logOf(rig, job).result());
        }
        assertEquals(31, rig.lab.graph().requests(Target.SEND_MAIL));
        assertTrue(Duration.between(before, rig.clock.instant()).compareTo(Duration.ofSeconds(59)) > 0,
                "the 31st waited for the rolling minute: " + Duration.between(before, rig.clock.instant()));
    }

    @Test
    void scanJustOverTheInlineLimitFallsBackToOnePostWhenTheSessionRefusesItsSize() throws Exception {
        Path mid = GraphRig.randomFile(tmp, "scan-2.8mb.pdf", 2_800_000);
        String job = submit(List.of(mid));
        GraphRig.sendDue(rig);
        assertEquals(JobResult.SENT, GraphRig.logOf(rig, job).result());
        assertEquals(GraphRig.sha256(mid), GraphRig.attachmentSha256(onlyArrival(), "scan-2.8mb.pdf"));
        assertEquals(0, rig.lab.graph().requests(Target.UPLOAD));
    }
}
