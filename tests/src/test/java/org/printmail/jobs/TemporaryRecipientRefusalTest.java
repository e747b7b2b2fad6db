package org.printmail.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.printmail.jobs.JobTypesEndToEndTest.logOf;
import static org.printmail.jobs.JobTypesEndToEndTest.sendDue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.printmail.lab.LabUsers;
import org.printmail.smtp.ScriptedSmtpServer;
import org.printmail.auth.AccountId;
import org.printmail.testing.DeviceRig;

/** A recipient refused with a 4xx at RCPT is retried alone; the others are not sent twice. */
class TemporaryRecipientRefusalTest {
    @Test
    void aRecipientRefusedForNowIsRetriedAloneUntilTheDeadline() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.script()
                .rcpt("busy@contoso.example", "452 4.3.1 Insufficient system resources").start();
             DeviceRig rig = new DeviceRig()) {
            rig.device().settings().update(s -> s.withDeviceMail(s.deviceMail().withMail(
                    s.deviceMail().mail().withPort(server.port()))));
            rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
            JobTicket t = rig.device().jobs().submit(new JobRequest.ScanToEmail(
                    List.of("a@contoso.example", "busy@contoso.example"), "s", "", List.of()));
            sendDue(rig);
            assertEquals(1, server.messages().size(), "a@ got it on the first attempt");
            JobView waiting = rig.device().jobs().outbox().get(0);
            assertEquals(JobState.RETRY_WAIT, waiting.state());
            assertEquals(384, waiting.lastCode());
            assertTrue(waiting.lastMessage().contains("refused for now: busy@contoso.example"), waiting.lastMessage());
            while (!rig.device().jobs().outbox().isEmpty()) {
                rig.clock.set(rig.device().jobs().outbox().get(0).nextAttempt());
                sendDue(rig);
            }
            assertEquals(1, server.messages().size(), "a@ was never sent the message again");
            JobLogEntry e = logOf(rig, t.jobId());
            assertEquals(JobResult.FAILED, e.result());
            assertEquals(384, e.code());
        }
    }
}
