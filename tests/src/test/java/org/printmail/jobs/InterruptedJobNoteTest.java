package org.printmail.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.printmail.jobs.JobTypesEndToEndTest.logOf;
import static org.printmail.jobs.JobTypesEndToEndTest.sendDue;

import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.printmail.auth.AccountId;
import org.printmail.i18n.Text;
import org.printmail.lab.LabUsers;
import org.printmail.testing.DeviceRig;

/**
 * A job that a restart caught mid-send may already have reached its recipient: when it is sent
 * again, its log line says so. That note must survive a failed retry in between (after a power
 * cut the network is often not back yet), not only a retry that succeeds at once.
 */
class InterruptedJobNoteTest {
    private final DeviceRig rig = new DeviceRig();

    @AfterEach
    void close() { rig.close(); }

    @Test
    void aJobARestartInterruptedIsLoggedAsResentEvenWhenItsFirstRetryFailed() throws Exception {
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        int mailPort = rig.device().settings().current().deviceMail().mail().port();
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort(); // nothing listens here once closed
        }
        rig.device().settings().update(s -> s.withDeviceMail(s.deviceMail().withMail(
                s.deviceMail().mail().withPort(closedPort))));
        String id = "J20261128-080000-dddddd";
        Instant now = rig.clock.instant();
        // As a power cut leaves it: the attempt recorded as SENDING, its outcome not.
        new OutboxStore(rig.dataDir.resolve("outbox")).save(new StoredJob(id, JobType.SCAN_TO_EMAIL, now,
                JobState.SENDING, 1, now, now.plusSeconds(86400), now.plusSeconds(86400), 0, Text.literal(""),
                "<" + id + "@printmail.device>", List.of("a@contoso.example"), "Scan", "", null, null, List.of(),
                null, List.of()));
        rig.restart();

        sendDue(rig); // the server is not reachable yet
        JobView waiting = rig.device().jobs().outbox().get(0);
        assertEquals(JobState.RETRY_WAIT, waiting.state());
        assertEquals(388, waiting.lastCode());
        assertTrue(waiting.lastMessage().startsWith("resumed after restart, then: "),
                waiting.lastMessage());

        rig.device().settings().update(s -> s.withDeviceMail(s.deviceMail().withMail(
                s.deviceMail().mail().withPort(mailPort))));
        rig.clock.set(waiting.nextAttempt());
        sendDue(rig);

        assertTrue(rig.device().jobs().outbox().isEmpty(), "the job is still queued");
        JobLogEntry e = logOf(rig, id);
        assertEquals(JobResult.SENT, e.result());
        assertTrue(e.message().contains("resent after a restart interrupted the first attempt"), e.message());
    }
}
