package org.printmail.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.printmail.jobs.JobTypesEndToEndTest.sendDue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.printmail.lab.LabUsers;
import org.printmail.smtp.ScriptedSmtpServer;
import org.printmail.auth.AccountId;
import org.printmail.testing.DeviceRig;

/**
 * 1000 jobs against a server that answers every fourth MAIL FROM with Exchange's concurrency
 * throttle ({@code 432 4.3.2}), under the 30-messages-per-minute governor, on an injected clock:
 * every job is delivered exactly once and logged as sent.
 */
class ThrottledServerTest {
    static final int JOBS = 1000;
    static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID: (<[^>]+>)");

    @Test
    @Timeout(300)
    void thousandJobsThroughAThrottlingServerAreAllDeliveredOnce() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.script()
                .mailReplies(n -> n % 4 == 0 ? "432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded" : null)
                .start();
             DeviceRig rig = new DeviceRig()) {
            rig.device().settings().update(s -> s.withDeviceMail(s.deviceMail().withMail(
                    s.deviceMail().mail().withPort(server.port()))));
            rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
            Instant start = rig.clock.instant();
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                JobTicket t = rig.device().jobs().submit(new JobRequest.ScanToEmail(List.of("a@contoso.example"),
                        "job " + i, "", List.of()));
                assertTrue(t.accepted());
                ids.add(t.jobId());
            }
            int rounds = 0;
            while (!rig.device().jobs().outbox().isEmpty() && rounds++ < 10_000) {
                sendDue(rig);
                rig.clock.advance(Duration.ofSeconds(30)); // let retry backoffs come due
            }
            assertTrue(rig.device().jobs().outbox().isEmpty(), "jobs left in the outbox");
            Map<String, Integer> copies = new HashMap<>();
            for (String m : server.messages()) {
                Matcher id = MESSAGE_ID.matcher(m);
                assertTrue(id.find(), "a message without Message-ID");
                copies.merge(id.group(1), 1, Integer::sum);
            }
            for (String id : ids) {
                assertEquals(1, copies.getOrDefault("<" + id + "@printmail.device>", 0), id);
            }
            assertEquals(JOBS, copies.size());
            List<JobLogEntry> log = rig.device().jobs().jobLog();
            assertEquals(500, log.size(), "the job log keeps the newest 500");
            for (JobLogEntry e : log) {
                assertEquals(JobResult.SENT, e.result(), e.toString());
            }
            Duration elapsed = Duration.between(start, rig.clock.instant());
            assertTrue(elapsed.compareTo(Duration.ofMinutes(JOBS / 30 - 1)) >= 0,
                    "1000 messages at 30/min need over 33 minutes of device time, took " + elapsed);
            System.out.printf("throttled server: %d jobs, %d messages, %d throttled MAILs, device time %s%n",
                    JOBS, server.messages().size(), JOBS / 3, elapsed);
        }
    }
}
