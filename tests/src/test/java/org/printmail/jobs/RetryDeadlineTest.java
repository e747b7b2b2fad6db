package org.printmail.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.printmail.jobs.JobTypesEndToEndTest.logOf;
import static org.printmail.jobs.JobTypesEndToEndTest.sendDue;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.printmail.lab.LabUsers;
import org.printmail.auth.AccountId;
import org.printmail.testing.DeviceRig;

class RetryDeadlineTest {
    private final DeviceRig rig = new DeviceRig();

    @AfterEach
    void close() { rig.close(); }

    @Test
    void unreachableServerIsRetriedWithGrowingCappedBackoffThenFailsWith388AtTheDeadline() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort(); // nothing listens here once closed
        }
        rig.device().settings().update(s -> s.withDeviceMail(s.deviceMail().withMail(
                s.deviceMail().mail().withPort(closedPort))));
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        JobTicket t = rig.device().jobs().submit(new JobRequest.ScanToEmail(List.of("a@contoso.example"), "s", "",
                List.of()));
        List<Duration> waits = new ArrayList<>();
        while (!rig.device().jobs().outbox().isEmpty()) {
            sendDue(rig);
            List<JobView> left = rig.device().jobs().outbox();
            if (left.isEmpty()) {
                break;
            }
            JobView j = left.get(0);
            assertEquals(JobState.RETRY_WAIT, j.state());
            assertEquals(388, j.lastCode());
            Instant now = rig.clock.instant();
            waits.add(Duration.between(now, j.nextAttempt()));
            rig.clock.set(j.nextAttempt());
        }
        JobLogEntry e = logOf(rig, t.jobId());
        assertEquals(JobResult.FAILED, e.result());
        assertEquals(388, e.code());
        assertTrue(e.message().startsWith("gave up after"), e.message());
        assertTrue(waits.size() > 5, "retried " + waits.size() + " times");
        assertTrue(waits.get(0).compareTo(Duration.ofSeconds(30)) <= 0, "first wait " + waits.get(0));
        assertTrue(waits.stream().allMatch(w -> w.compareTo(Duration.ofMinutes(30)) <= 0), "capped: " + waits);
        assertTrue(waits.get(waits.size() - 1).compareTo(Duration.ofMinutes(10)) >= 0, "grows: " + waits);
    }
}
