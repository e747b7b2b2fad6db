package org.printmail.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.printmail.codes.JobCode;
import org.printmail.lab.LabFault;
import org.printmail.store.AccountRecord;
import org.printmail.store.TokenVault;

/**
 * A printer's real-time clock stepped hours or days either way (NTP after a wrong boot clock)
 * mid-sign-in, mid-refresh and between keep-alives: every duration is measured on the monotonic
 * clock. The lab keeps the true time, as Microsoft does.
 */
class WallClockStepTest {

    @Test
    void aStepForwardMidSignInNeitherEndsTheCodeNorHidesItsCountdown() throws Exception {
        try (LabRig rig = new LabRig()) {
            DeviceCodePrompt prompt = rig.start();
            rig.sleeper.awaitSleep();
            rig.clock.stepWallClock(Duration.ofDays(2));
            DeviceCodePrompt shown = rig.manager.status(LabRig.DEVICE).prompt().orElseThrow();
            assertEquals(prompt.expiresAt().plus(Duration.ofDays(2)), shown.expiresAt(),
                    "the countdown still shows the code's 15 minutes");
            rig.lab.approve(prompt.userCode(), LabRig.ADMIN);
            rig.sleeper.release();
            assertEquals(JobCode.OK, rig.awaitState(AccountState.SIGNED_IN).code());
        }
    }

    @Test
    void aStepBackMidSignInStillStopsPollingAtTheCodesRealExpiry() throws Exception {
        try (LabRig rig = new LabRig(o -> o.withDeviceCodeLifetime(Duration.ofSeconds(60)), o -> o)) {
            Instant expires = rig.trueTime.instant().plusSeconds(60);
            DeviceCodePrompt prompt = rig.start();
            rig.clock.stepWallClock(Duration.ofHours(-3));
            assertEquals(prompt.expiresAt().minus(Duration.ofHours(3)),
                    rig.manager.status(LabRig.DEVICE).prompt().orElseThrow().expiresAt());
            PollingToExpiryTest.runUntilTheLoopEnds(rig);
            assertEquals(JobCode.SIGN_IN_CODE_EXPIRED, rig.awaitState(AccountState.NOT_SIGNED_IN).code());
            List<Instant> polls = rig.lab.pollTimes(prompt.userCode());
            assertEquals(11, polls.size(), polls.toString());
            assertTrue(polls.stream().allMatch(t -> t.isBefore(expires)), polls.toString());
        }
    }

    @Test
    void aStepForwardDoesNotThrowAwayAGoodAccessToken() throws Exception {
        try (LabRig rig = new LabRig()) {
            AccountRecord r = rig.signIn();
            rig.clock.stepWallClock(Duration.ofDays(2));
            assertEquals(r.accessToken(), rig.manager.accessToken(LabRig.DEVICE));
            assertEquals(0, rig.refreshRequests());
        }
    }

    @Test
    void aStepBackDoesNotKeepHandingOutAnExpiredAccessToken() throws Exception {
        try (LabRig rig = new LabRig()) {
            rig.signIn();
            rig.clock.stepWallClock(Duration.ofDays(-1));
            rig.clock.advance(Duration.ofMinutes(56)); // into the 10-minute margin of a 60-min token
            String token = rig.manager.accessToken(LabRig.DEVICE);
            assertEquals(1, rig.refreshRequests());
            rig.clock.advance(Duration.ofMinutes(5));
            assertTrue(rig.lab.isValid(LabRig.ADMIN, token), "the token handed out is accepted");
        }
    }

    @Test
    void aStepBackMidBackoffDoesNotStretchTheWaitByTheStep() throws Exception {
        try (LabRig rig = new LabRig()) {
            rig.signIn();
            rig.advancePastExpiry();
            rig.lab.injectFault(LabFault.of(LabFault.Kind.HTTP_503, 1));
            rig.accessTokenFails(JobCode.IDENTITY_UNREACHABLE);
            rig.clock.stepWallClock(Duration.ofDays(-1));
            rig.clock.advance(Duration.ofSeconds(31));
            assertTrue(rig.lab.isValid(LabRig.ADMIN, rig.manager.accessToken(LabRig.DEVICE)));
            assertEquals(2, rig.refreshRequests());
        }
    }

    @Test
    void aStepForwardMidBackoffDoesNotLiftTheWaitEarly() throws Exception {
        try (LabRig rig = new LabRig()) {
            rig.signIn();
            rig.advancePastExpiry();
            rig.lab.injectFault(LabFault.of(LabFault.Kind.HTTP_503, 1));
            rig.accessTokenFails(JobCode.IDENTITY_UNREACHABLE);
            rig.clock.stepWallClock(Duration.ofDays(1));
            rig.accessTokenFails(JobCode.IDENTITY_UNREACHABLE);
            assertEquals(1, rig.refreshRequests(), "no request inside the 30 s backoff");
        }
    }

    @Test
    void keepAliveIsNeitherSkippedByAStepBackNorRushedByAStepForward() throws Exception {
        try (LabRig rig = new LabRig()) {
            rig.signIn();
            rig.clock.stepWallClock(Duration.ofDays(20));
            rig.manager.runKeepAlive();
            assertEquals(0, rig.refreshRequests(), "20 days by the wall clock, not by elapsed time");
            assertEquals(90L, rig.manager.status(LabRig.DEVICE).daysUntilLapse().orElseThrow());
            rig.clock.stepWallClock(Duration.ofDays(-40));
            rig.clock.advance(Duration.ofDays(14));
            rig.manager.runKeepAlive();
            assertEquals(1, rig.refreshRequests(), "14 days idle: keep-alive refreshes");
        }
    }

    @Test
    void afterARebootOnAClockThatRunsBehindAStoredTokenIsTrustedNoLongerThanItsLifetime()
            throws Exception {
        try (LabRig rig = new LabRig()) {
            rig.signIn();
            rig.manager.close();
            rig.clock.stepWallClock(Duration.ofDays(-1)); // the real-time clock lost a day
            try (TokenVault reopened = rig.reopenVault();
                 AccountManager restarted = rig.restartOn(reopened)) {
                // Start-up reads the account (Web Config and the panel show its status at once).
                assertEquals(AccountState.SIGNED_IN, restarted.status(LabRig.DEVICE).state());
                rig.clock.advance(Duration.ofMinutes(60));
                String token = restarted.accessToken(LabRig.DEVICE);
                assertTrue(rig.lab.isValid(LabRig.ADMIN, token), "a live token, not the stored dead one");
                assertEquals(1, rig.refreshRequests());
            }
        }
    }
}
