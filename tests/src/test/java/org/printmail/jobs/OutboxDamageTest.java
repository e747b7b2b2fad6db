package org.printmail.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.printmail.jobs.JobTypesEndToEndTest.PDF;
import static org.printmail.jobs.JobTypesEndToEndTest.logOf;
import static org.printmail.jobs.JobTypesEndToEndTest.sendDue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.printmail.lab.LabUsers;
import org.printmail.auth.AccountId;
import org.printmail.testing.DeviceRig;

/** Storage faults in the outbox: nothing crashes, nothing leaks, and the job log says what happened. */
class OutboxDamageTest {
    private final DeviceRig rig = new DeviceRig();

    @AfterEach
    void close() { rig.close(); }

    private List<Path> spoolFiles() throws Exception {
        try (var files = Files.list(rig.dataDir.resolve("outbox/spool"))) {
            return files.toList();
        }
    }

    @Test
    void outboxEntriesWithRecipientsAndTextAreReadableByTheDeviceUserOnly() throws Exception {
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        JobTicket t = rig.device().jobs().submit(new JobRequest.ScanToEmail(List.of("a@contoso.example"), "Payroll",
                "confidential", List.of()));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(rig.dataDir.resolve("outbox"))));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(rig.dataDir.resolve("outbox/" + t.jobId() + ".json"))));
    }

    @Test
    void aRefusedSubmitLeavesNoSpoolFileBehind() throws Exception {
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        JobTicket t = rig.device().jobs().submit(new JobRequest.ScanToEmail(List.of("a@contoso.example"), "s", "",
                List.of(PDF, Path.of("/nonexistent/page-2.pdf"))));
        assertFalse(t.accepted());
        assertEquals(List.of(), spoolFiles(), "the first page's spool file was removed");
    }

    @Test
    void spoolFilesNoJobRefersToAreRemovedAtStartUp() throws Exception {
        Files.write(rig.dataDir.resolve("outbox/spool/J20261128-080000-abcdef-0.spool"), new byte[1024]);
        rig.restart();
        assertEquals(List.of(), spoolFiles());
    }

    @Test
    void anIncompleteOutboxEntryIsSetAsideAndLoggedAndTheDeviceStillStarts() throws Exception {
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        JobTicket good = rig.device().jobs().submit(new JobRequest.ScanToEmail(List.of("a@contoso.example"), "s", "",
                List.of()));
        Files.writeString(rig.dataDir.resolve("outbox/J20261128-080000-bad001.json"), "{\"jobId\":\"J2\"}");
        Files.writeString(rig.dataDir.resolve("outbox/J20261128-080000-bad002.json"),
                "{\"jobId\":\"J3\",\"type\":\"NOTIFICATION\",\"submitted\":\"2026-11-28T08:00:00Z\",\"state\":\"QUEUED\","
                        + "\"nextAttempt\":\"2026-11-28T08:00:00Z\",\"holdUntil\":\"2026-11-29T08:00:00Z\","
                        + "\"deadline\":\"2026-11-29T08:00:00Z\",\"messageId\":\"<J3@p>\",\"event\":\"PAPER_OUX\"}");
        rig.restart();
        List<JobLogEntry> log = rig.device().jobs().jobLog();
        assertEquals(2, log.stream().filter(e -> e.code() == 397).count(), log.toString());
        assertTrue(Files.exists(rig.dataDir.resolve("outbox/J20261128-080000-bad001.json.unreadable")));
        sendDue(rig);
        assertEquals(JobResult.SENT, logOf(rig, good.jobId()).result(), "the good job still goes out");
    }

    @Test
    void damagedSpoolDataFailsTheJobAtOnceWith396InsteadOfBlamingTheServer() throws Exception {
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        JobTicket t = rig.device().jobs().submit(new JobRequest.ScanToEmail(List.of("a@contoso.example"), "s", "",
                List.of(PDF)));
        Path spooled = spoolFiles().get(0);
        byte[] bytes = Files.readAllBytes(spooled);
        bytes[bytes.length / 2] ^= 0x01; // one flipped bit in the middle of the data
        Files.write(spooled, bytes);
        sendDue(rig);
        JobLogEntry e = logOf(rig, t.jobId());
        assertEquals(JobResult.FAILED, e.result());
        assertEquals(396, e.code(), e.toString());
        assertEquals(0, rig.lab.mail().receivedMessages().length);
        assertEquals(List.of(), spoolFiles());
    }
}
