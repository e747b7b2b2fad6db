package org.printmail.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.printmail.jobs.JobTypesEndToEndTest.PDF;
import static org.printmail.jobs.JobTypesEndToEndTest.sendDue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.printmail.auth.AccountState;
import org.printmail.codes.JobCode;
import org.printmail.lab.LabUsers;
import org.printmail.lab.RevocationReason;
import org.printmail.i18n.Messages;
import org.printmail.panel.EmailServerStatus;
import org.printmail.panel.JobStatusScreen;
import org.printmail.smtp.ScriptedSmtpServer;
import org.printmail.auth.AccountId;
import org.printmail.testing.DeviceRig;

/**
 * The job log and Job Status as an administrator reads them: held jobs at once, a Conditional
 * Access block held like a revoked sign-in, the recipients, the server's own words with the
 * remedy for their cause, and refusals worded for the administrator.
 */
class JobsAsTheAdminSeesThemTest {
    private static final List<String> TO = List.of("ann@contoso.example", "bob@contoso.example");

    private final DeviceRig rig = new DeviceRig();

    @AfterEach
    void close() { rig.close(); }

    private JobTicket scan() {
        JobTicket t = rig.device().jobs().submit(new JobRequest.ScanToEmail(TO, "s", "", List.of(PDF)));
        assertTrue(t.accepted());
        return t;
    }

    private List<JobLogEntry> linesOf(String jobId) {
        return rig.device().jobs().jobLog().stream().filter(e -> e.jobId().equals(jobId)).toList();
    }

    /** Signs in, queues a scan, then the account loses its sign-in for {@code reason} before the send. */
    private JobTicket scanBlockedBy(RevocationReason reason) throws Exception {
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        JobTicket t = scan();
        rig.lab.identity().revoke(LabUsers.ADMIN, reason);
        rig.clock.advance(Duration.ofHours(2)); // the access token has expired: a refresh is needed
        sendDue(rig);
        rig.awaitState(AccountId.deviceMail(), AccountState.SIGN_IN_REQUIRED);
        return t;
    }

    @Test
    void aJobHeldForSignInShowsAtOnceInTheJobLogAndJobStatusThenItsFinalLine() throws Exception {
        JobTicket t = scanBlockedBy(RevocationReason.PASSWORD_CHANGED);

        List<JobLogEntry> lines = linesOf(t.jobId());
        assertEquals(1, lines.size(), lines.toString());
        JobLogEntry held = lines.get(0);
        assertEquals(JobResult.HELD, held.result());
        assertEquals(370, held.code());
        assertTrue(held.message().contains("sent as soon as the account is signed in again"), held.message());
        assertTrue(held.message().contains("Email Server > Basic > Sign In"), held.message());
        assertEquals(JobCode.SIGN_IN_REQUIRED.remedy(), held.remedy());
        String panel = Messages.stripDirectionalControls(
                JobStatusScreen.render(rig.device().jobs().outbox(), rig.device().jobs().jobLog()));
        assertTrue(panel.contains(JobResult.HELD.labelText().toString()) && panel.contains("code 370"), panel);

        sendDue(rig); // a second pass while still held adds no second HELD line
        assertEquals(1, linesOf(t.jobId()).size());
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        sendDue(rig);
        lines = linesOf(t.jobId());
        assertEquals(List.of(JobResult.SENT, JobResult.HELD), lines.stream().map(JobLogEntry::result).toList());
        assertEquals(TO.size(), rig.lab.mail().receivedMessages().length, "once per recipient");
    }

    @Test
    void aConditionalAccessBlockHoldsTheScanWith371EverywhereInsteadOfFailingIt() throws Exception {
        JobTicket t = scanBlockedBy(RevocationReason.BLOCKED_BY_CONDITIONAL_ACCESS);

        JobView v = rig.device().jobs().outbox().get(0);
        assertEquals(JobState.HELD_FOR_SIGN_IN, v.state());
        assertEquals(371, v.lastCode());
        assertEquals(371, linesOf(t.jobId()).get(0).code());
        assertEquals(371, rig.device().jobs().preflight(JobType.SCAN_TO_EMAIL, Optional.empty()).code().number());
        assertEquals(371, rig.device().accounts().status(AccountId.deviceMail()).code().number());
        String status = Messages.stripDirectionalControls(EmailServerStatus.render(
                rig.device().settings().current(), rig.device().accounts().statuses(), rig.clock));
        assertTrue(status.contains("(code 371)"), status);

        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN); // the policy was fixed
        sendDue(rig);
        assertEquals(JobResult.SENT, linesOf(t.jobId()).get(0).result());
        assertEquals(TO.size(), rig.lab.mail().receivedMessages().length, "the scan was kept and sent, once per recipient");
    }

    @Test
    void theJobLogShowsTheRecipientsToTheAdmin() throws Exception {
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        JobTicket t = scan();
        sendDue(rig);
        JobLogEntry e = linesOf(t.jobId()).get(0);
        assertEquals(JobResult.SENT, e.result());
        assertEquals(TO, e.recipients());
        assertEquals(2, e.recipientCount());
    }

    @Test
    void theServersReplyAndTheRemedyForItsCauseReachTheJobLogAndJobStatus() throws Exception {
        String reply = "550 5.1.8 Access denied, bad outbound sender.";
        try (ScriptedSmtpServer server = ScriptedSmtpServer.script().mailReplies(n -> reply).start()) {
            rig.device().settings().update(s -> s.withDeviceMail(s.deviceMail().withMail(
                    s.deviceMail().mail().withPort(server.port()))));
            rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
            JobTicket t = scan();
            sendDue(rig);
            JobLogEntry e = linesOf(t.jobId()).get(0);
            assertEquals(JobResult.FAILED, e.result());
            assertEquals(382, e.code());
            assertTrue(e.message().contains("the server said: \"" + reply + "\""), e.message());
            assertTrue(e.remedy().contains("Restricted entities"), e.remedy());
            String panel = JobStatusScreen.render(rig.device().jobs().outbox(), rig.device().jobs().jobLog());
            assertTrue(panel.contains(reply) && panel.contains("Restricted entities"), panel);
        }
    }

    @Test
    void aRefusalAfterSignOutIsWordedForTheAdminInTheJobLogAndForTheUserOnThePanel() throws Exception {
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        rig.device().accounts().signOut(AccountId.deviceMail());
        JobTicket t = rig.device().jobs().submit(new JobRequest.ScanToEmail(TO, "test", "", List.of()));
        assertFalse(t.accepted());
        JobLogEntry e = linesOf(t.jobId()).get(0);
        assertEquals(JobResult.REFUSED, e.result());
        assertEquals(360, e.code());
        assertFalse(e.message().contains("contact the administrator"), e.message());
        assertTrue(e.message().contains("not connected to the email service"), e.message());
        assertEquals(Preflight.SIGN_IN_MESSAGE, t.preflight().message(), "the panel keeps the vendor guide's words");
        assertFalse(t.preflight().adminMessage().contains("contact the administrator"));
    }

    @Test
    void theQuotaRemedySaysWhatTheDeviceDoes() {
        assertTrue(JobCode.DAILY_LIMIT.remedy().contains("tries again every hour"), JobCode.DAILY_LIMIT.remedy());
        assertFalse(JobCode.DAILY_LIMIT.remedy().contains("when the provider's 24-hour window passes"));
    }
}
