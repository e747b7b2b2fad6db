package org.printmail.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.printmail.codes.JobCode;

/** Keep-alive stops the 90-day inactivity expiry (AADSTS700082) on a device that rarely sends. */
class KeepAliveTest {

    @Test
    void anIdleAccountIsRefreshedOnceItsRefreshTokenIsUnusedForFourteenDays() throws Exception {
        try (LabRig rig = new LabRig()) {
            rig.signIn();
            rig.clock.advance(Duration.ofDays(14).minusMinutes(1));
            rig.manager.runKeepAlive();
            assertEquals(0, rig.refreshRequests());
            rig.clock.advance(Duration.ofMinutes(1));
            rig.manager.runKeepAlive();
            assertEquals(1, rig.refreshRequests());
            Instant refreshedAt = rig.clock.instant();
            assertEquals(refreshedAt, rig.record().lastUsed());
            assertEquals(90L, rig.manager.status(LabRig.DEVICE).daysUntilLapse().orElseThrow());
            rig.clock.advance(Duration.ofDays(1));
            rig.manager.runKeepAlive();
            assertEquals(1, rig.refreshRequests(), "the next one is due 14 days after this one");
        }
    }

    @Test
    void keepAliveCarriesAnAccountPastNinetyDaysWithoutMail() throws Exception {
        try (LabRig rig = new LabRig()) {
            rig.signIn();
            for (int day = 1; day <= 200; day++) {
                rig.clock.advance(Duration.ofDays(1));
                rig.manager.runKeepAlive();
            }
            assertEquals(200 / 14, rig.refreshRequests());
            assertTrue(rig.lab.isValid(LabRig.ADMIN, rig.manager.accessToken(LabRig.DEVICE)));
        }
    }

    @Test
    void thePeriodIsConfigurable() throws Exception {
        try (LabRig rig = new LabRig(o -> o, o -> o.withKeepAliveAfter(Duration.ofDays(3)))) {
            rig.signIn();
            rig.clock.advance(Duration.ofDays(3));
            rig.manager.runKeepAlive();
            assertEquals(1, rig.refreshRequests());
        }
    }

    @Test
    void aFailingKeepAliveShowsTheDaysLeftBeforeTheSignInLapses() throws Exception {
        try (LabRig rig = new LabRig()) {
            rig.signIn();
            rig.current.set(TransientFailureTest.deadAuthority(rig));
            rig.clock.advance(Duration.ofDays(14));
            rig.events.clear();
            rig.manager.runKeepAlive();
            AccountStatus s = rig.await(x -> x.keepAliveWarning().isPresent());
            assertEquals(AccountState.SIGNED_IN, s.state());
            assertEquals(76L, s.daysUntilLapse().orElseThrow());
            assertTrue(s.keepAliveWarning().get().contains("lapses in 76 days"), s.keepAliveWarning().get());
            assertTrue(s.diagnostics().startsWith("unreachable"), s.diagnostics());

            rig.clock.advance(Duration.ofDays(10));
            rig.manager.runKeepAlive();
            AccountStatus later = rig.await(x -> x.keepAliveWarning().isPresent());
            assertTrue(later.keepAliveWarning().get().contains("lapses in 66 days"));

            rig.current.set(rig.profile); // the network is back
            rig.clock.advance(Duration.ofHours(1));
            rig.manager.runKeepAlive();
            AccountStatus healed = rig.await(x -> x.keepAliveWarning().isEmpty());
            assertEquals(AccountState.SIGNED_IN, healed.state());
            assertEquals(90L, healed.daysUntilLapse().orElseThrow());
        }
    }

    @Test
    void aKeepAliveThatFindsTheGrantExpiredSays361() throws Exception {
        try (LabRig rig = new LabRig()) {
            rig.signIn();
            rig.lab.expireRefreshTokens(LabRig.ADMIN);
            rig.clock.advance(Duration.ofDays(14));
            rig.manager.runKeepAlive();
            AccountStatus s = rig.awaitState(AccountState.EXPIRED);
            assertEquals(JobCode.SIGN_IN_EXPIRED, s.code());
        }
    }

    @Test
    void theBuiltInSchedulerRunsKeepAlive() throws Exception {
        try (LabRig rig = new LabRig(o -> o, o -> o.withKeepAliveCheckEvery(Duration.ofMillis(50)))) {
            rig.signIn();
            rig.clock.advance(Duration.ofDays(15));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (rig.refreshRequests() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, rig.refreshRequests());
        }
    }
}
