package org.printmail.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.printmail.jobs.JobTypesEndToEndTest.PDF;
import static org.printmail.jobs.JobTypesEndToEndTest.logOf;
import static org.printmail.jobs.JobTypesEndToEndTest.sendDue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.printmail.auth.AccountState;
import org.printmail.lab.LabUsers;
import org.printmail.lab.RevocationReason;
import org.printmail.auth.AccountId;
import org.printmail.testing.DeviceRig;

/** The vendor guide's codes, each produced by the situation the guide describes. */
class SignInCodesTest {
    private final DeviceRig rig = new DeviceRig();

    @AfterEach
    void close() { rig.close(); }

    private JobTicket scan() {
        return rig.device().jobs().submit(new JobRequest.ScanToEmail(List.of("a@contoso.example"), "s", "",
                List.of(PDF)));
    }

    @Test
    void scanIsRefusedWith360AndTheGuidesMessageWhenNobodySignedIn() {
        Preflight p = rig.device().jobs().preflight(JobType.SCAN_TO_EMAIL, Optional.empty());
        assertFalse(p.ready());
        assertEquals(360, p.code().number());
        assertEquals("To use this feature, you must sign in to the email service. Please contact the administrator.",
                p.message());
        JobTicket t = scan();
        assertFalse(t.accepted());
        JobLogEntry e = logOf(rig, t.jobId());
        assertEquals(JobResult.REFUSED, e.result());
        assertEquals(360, e.code());
        assertTrue(e.remedy().contains("Sign In"));
        assertTrue(rig.device().jobs().outbox().isEmpty());
    }

    @Test
    void deviceUnusedFor90DaysGets361AndItsAlertIsHeldThenFailedAfterTheHold() throws Exception {
        rig.device().settings().update(s -> s.withNotificationRecipients(Map.of("TONER_LOW",
                List.of("ops@contoso.example"))));
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        rig.clock.advance(Duration.ofDays(91)); // keep-alive off here: nothing used the refresh token
        JobTicket t = rig.device().jobs().submit(new JobRequest.Notification(DeviceEvent.TONER_LOW, ""));
        assertTrue(t.accepted(), "an alert is queued even when the sign-in looks fine");
        sendDue(rig);
        rig.awaitState(AccountId.deviceMail(), AccountState.EXPIRED);
        JobView held = rig.device().jobs().outbox().get(0);
        assertEquals(JobState.HELD_FOR_SIGN_IN, held.state());
        assertEquals(361, held.lastCode());
        assertEquals(361, rig.device().jobs().preflight(JobType.SCAN_TO_EMAIL, Optional.empty()).code().number());
        rig.clock.advance(Duration.ofHours(25));
        sendDue(rig);
        JobLogEntry e = logOf(rig, t.jobId());
        assertEquals(JobResult.FAILED, e.result());
        assertEquals(361, e.code());
    }

    @Test
    void revokedSignInGives370WhenTheNextSendNeedsARefresh() throws Exception {
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        JobTicket t = scan();
        assertTrue(t.accepted());
        rig.lab.identity().revoke(LabUsers.ADMIN, RevocationReason.PASSWORD_CHANGED);
        rig.clock.advance(Duration.ofHours(2)); // the access token has expired: a refresh is needed
        sendDue(rig);
        rig.awaitState(AccountId.deviceMail(), AccountState.SIGN_IN_REQUIRED);
        assertEquals(370, rig.device().jobs().outbox().get(0).lastCode());
        assertEquals(370, rig.device().jobs().preflight(JobType.SCAN_TO_EMAIL, Optional.empty()).code().number());
    }

    @Test
    void userWithoutTheirOwnSignInGets370ForScanToMyEmail() throws Exception {
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        Preflight p = rig.device().jobs().preflight(JobType.SCAN_TO_MY_EMAIL, Optional.of("alice"));
        assertEquals(370, p.code().number());
        JobTicket t = rig.device().jobs().submit(new JobRequest.ScanToMyEmail("alice", "s", "", List.of(PDF)));
        assertFalse(t.accepted());
        assertEquals(370, logOf(rig, t.jobId()).code());
    }

    @Test
    void heldJobGoesOutAfterSignInWithoutBeingResubmitted() throws Exception {
        rig.device().settings().update(s -> s.withNotificationRecipients(Map.of("PAPER_JAM",
                List.of("ops@contoso.example"))));
        JobTicket t = rig.device().jobs().submit(new JobRequest.Notification(DeviceEvent.PAPER_JAM, "Rear"));
        assertTrue(t.accepted());
        sendDue(rig);
        assertEquals(JobState.HELD_FOR_SIGN_IN, rig.device().jobs().outbox().get(0).state());
        assertEquals(360, rig.device().jobs().outbox().get(0).lastCode());
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        sendDue(rig);
        assertEquals(JobResult.SENT, logOf(rig, t.jobId()).result());
        assertEquals(1, rig.lab.mail().receivedMessages().length);
    }
}
