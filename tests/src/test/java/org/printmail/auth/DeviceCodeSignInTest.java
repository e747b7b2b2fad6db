package org.printmail.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.printmail.codes.JobCode;
import org.printmail.store.AccountRecord;

/** Every way a device-code sign-in can end, over real HTTPS against the lab identity platform. */
class DeviceCodeSignInTest {
    private LabRig rig;

    @AfterEach
    void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void approvedSignInStoresTheAccountAndShowsSignedIn() throws Exception {
        rig = new LabRig();
        rig.manager.setSenderAddress(LabRig.DEVICE, LabRig.ADMIN);
        DeviceCodePrompt prompt = rig.manager.startSignIn(LabRig.DEVICE, rig.profile);
        assertEquals(rig.lab.latestUserCode().orElseThrow(), prompt.userCode());
        assertEquals(rig.lab.deviceLoginUri(), prompt.verificationUri());
        assertTrue(prompt.message().contains(prompt.userCode()), prompt.message());
        assertEquals(rig.clock.instant().plusSeconds(900), prompt.expiresAt());
        assertEquals(Duration.ofSeconds(5), prompt.interval());
        AccountStatus pending = rig.awaitState(AccountState.SIGN_IN_PENDING);
        assertEquals(JobCode.NOT_SIGNED_IN, pending.code());
        assertEquals(prompt, pending.prompt().orElseThrow());

        assertEquals(Duration.ofSeconds(5), rig.sleeper.awaitSleep());
        rig.lab.approve(prompt.userCode(), LabRig.ADMIN);
        rig.sleeper.release();

        AccountStatus signedIn = rig.awaitState(AccountState.SIGNED_IN);
        assertEquals(JobCode.OK, signedIn.code());
        assertEquals(LabRig.ADMIN, signedIn.accountName());
        assertEquals(90L, signedIn.daysUntilLapse().orElseThrow());
        AccountRecord r = rig.record();
        assertEquals(LabRig.ADMIN, r.accountName());
        assertEquals("LAB", r.service());
        assertTrue(rig.lab.isValid(LabRig.ADMIN, r.accessToken()));
        assertEquals(r.accessToken(), rig.manager.accessToken(LabRig.DEVICE));
        assertEquals(1, rig.pollRequests());
    }

    @Test
    void pendingPollsKeepPollingAtTheInterval() throws Exception {
        rig = new LabRig();
        DeviceCodePrompt prompt = rig.start();
        for (int i = 1; i <= 3; i++) {
            assertEquals(Duration.ofSeconds(5), rig.sleeper.awaitSleep());
            rig.sleeper.release();
        }
        assertEquals(Duration.ofSeconds(5), rig.sleeper.awaitSleep());
        assertEquals(3, rig.pollRequests());
        assertEquals(AccountState.SIGN_IN_PENDING, rig.manager.status(LabRig.DEVICE).state());
        rig.lab.approve(prompt.userCode(), LabRig.ADMIN);
        rig.sleeper.release();
        rig.awaitState(AccountState.SIGNED_IN);
    }

    @Test
    void slowDownAddsFiveSecondsToEveryLaterPoll() throws Exception {
        rig = new LabRig(o -> o.withEmitSlowDown(true), o -> o);
        rig.start();
        rig.sleeper.advanceBy(Duration.ofSeconds(2)); // this device wakes too early
        assertEquals(Duration.ofSeconds(5), rig.sleeper.awaitSleep());
        rig.sleeper.release(); // first poll: fine
        assertEquals(Duration.ofSeconds(5), rig.sleeper.awaitSleep());
        rig.sleeper.release(); // 2 s later: slow_down
        assertEquals(Duration.ofSeconds(10), rig.sleeper.awaitSleep());
        rig.sleeper.advanceBy(null);
        rig.sleeper.release();
        assertEquals(Duration.ofSeconds(10), rig.sleeper.awaitSleep());
        assertEquals(AccountState.SIGN_IN_PENDING, rig.manager.status(LabRig.DEVICE).state());
    }

    @Test
    void declinedSignInEndsWith373AndNotSignedIn() throws Exception {
        rig = new LabRig();
        DeviceCodePrompt prompt = rig.start();
        rig.sleeper.awaitSleep();
        rig.lab.decline(prompt.userCode());
        rig.sleeper.release();
        AccountStatus s = rig.awaitState(AccountState.NOT_SIGNED_IN);
        assertEquals(JobCode.SIGN_IN_DECLINED, s.code());
        assertTrue(s.diagnostics().contains("authorization_declined"), s.diagnostics());
        assertTrue(s.prompt().isEmpty());
        rig.accessTokenFails(JobCode.NOT_SIGNED_IN);
    }

    @Test
    void expiredTokenEndsWith374AndANewCodeCanBeAskedFor() throws Exception {
        rig = new LabRig();
        DeviceCodePrompt first = rig.start();
        rig.sleeper.awaitSleep();
        rig.lab.expireDeviceCode(first.userCode());
        rig.sleeper.release();
        AccountStatus s = rig.awaitState(AccountState.NOT_SIGNED_IN);
        assertEquals(JobCode.SIGN_IN_CODE_EXPIRED, s.code());
        assertTrue(s.diagnostics().contains("expired_token AADSTS70020"), s.diagnostics());

        DeviceCodePrompt second = rig.start();
        assertNotEquals(first.userCode(), second.userCode());
        rig.sleeper.awaitSleep();
        rig.lab.approve(second.userCode(), LabRig.ADMIN);
        rig.sleeper.release();
        rig.awaitState(AccountState.SIGNED_IN);
    }

    @Test
    void codeExpiredErrorStringAlsoEndsWith374() throws Exception {
        rig = new LabRig(o -> o.withExpiredCodeError("code_expired"), o -> o);
        DeviceCodePrompt prompt = rig.start();
        rig.sleeper.awaitSleep();
        rig.lab.expireDeviceCode(prompt.userCode());
        rig.sleeper.release();
        assertEquals(JobCode.SIGN_IN_CODE_EXPIRED, rig.awaitState(AccountState.NOT_SIGNED_IN).code());
    }

    @Test
    void codeLifetimeRunningOutEndsWith374WithoutAnotherPoll() throws Exception {
        rig = new LabRig();
        rig.start();
        rig.sleeper.advanceBy(Duration.ofSeconds(901));
        rig.sleeper.awaitSleep();
        rig.sleeper.release();
        assertEquals(JobCode.SIGN_IN_CODE_EXPIRED, rig.awaitState(AccountState.NOT_SIGNED_IN).code());
        assertEquals(0, rig.pollRequests());
    }

    @Test
    void unknownDeviceCodeEndsWithADistinctConfigurationOutcome() throws Exception {
        rig = new LabRig();
        rig.start();
        rig.sleeper.awaitSleep();
        rig.lab.reset(); // the platform forgets the code: bad_verification_code
        rig.sleeper.release();
        AccountStatus s = rig.awaitState(AccountState.NOT_SIGNED_IN);
        assertEquals(JobCode.IDENTITY_CONFIGURATION, s.code());
        assertTrue(s.diagnostics().contains("bad_verification_code"), s.diagnostics());
    }

    @Test
    void cancelStopsPollingAndRestoresThePreviousState() throws Exception {
        rig = new LabRig();
        rig.signIn();
        DeviceCodePrompt prompt = rig.start();
        assertEquals(JobCode.OK, rig.manager.status(LabRig.DEVICE).code(), "old sign-in still works");
        rig.sleeper.awaitSleep();
        rig.manager.cancelSignIn(LabRig.DEVICE);
        AccountStatus s = rig.awaitState(AccountState.SIGNED_IN);
        assertEquals(JobCode.OK, s.code());
        rig.lab.approve(prompt.userCode(), LabRig.ADMIN);
        rig.sleeper.release();
        int polls = rig.pollRequests();
        rig.sleeper.assertNoSleepWithin(Duration.ofMillis(300));
        assertEquals(polls, rig.pollRequests());
    }

    @Test
    void aNewStartReplacesTheSignInInFlight() throws Exception {
        rig = new LabRig();
        DeviceCodePrompt first = rig.start();
        rig.sleeper.awaitSleep(); // first loop waits
        DeviceCodePrompt second = rig.start();
        rig.lab.approve(first.userCode(), LabRig.ADMIN);
        rig.sleeper.release(); // wakes the cancelled first loop, or the second's first sleep
        rig.sleeper.awaitSleep();
        rig.lab.approve(second.userCode(), LabRig.ADMIN);
        // Two permits: whichever loop took the first one, both are now awake (the cancelled one ends).
        rig.sleeper.release();
        rig.sleeper.release();
        rig.awaitState(AccountState.SIGNED_IN);
        assertEquals(2, rig.lab.deviceCodeRequests());
        rig.sleeper.drain(); // sleeps asked for before the sign-in finished
        rig.sleeper.release();
        rig.sleeper.assertNoSleepWithin(Duration.ofMillis(300));
    }
}
