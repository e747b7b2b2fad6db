package org.printmail.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.printmail.codes.JobCode;
import org.printmail.lab.LabFault;
import org.printmail.store.AccountRecord;
import org.printmail.store.TokenVault;

/** The token manager over real HTTPS: margin, single flight, rotation, lost responses. */
class TokenRefreshTest {
    private LabRig rig;

    @AfterEach
    void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void cachedTokenIsHandedOutWithoutARequestUntilTheMarginIsReached() throws Exception {
        rig = new LabRig();
        AccountRecord r = rig.signIn();
        rig.clock.set(r.accessTokenExpiresAt().minus(Duration.ofMinutes(10)).minusSeconds(1));
        assertEquals(r.accessToken(), rig.manager.accessToken(LabRig.DEVICE));
        assertEquals(0, rig.refreshRequests());
        rig.clock.advance(Duration.ofSeconds(2));
        String fresh = rig.manager.accessToken(LabRig.DEVICE);
        assertNotEquals(r.accessToken(), fresh);
        assertEquals(1, rig.refreshRequests());
        assertTrue(rig.lab.isValid(LabRig.ADMIN, fresh));
    }

    @Test
    void marginIsConfigurable() throws Exception {
        rig = new LabRig(o -> o, o -> o.withTokenMargin(Duration.ofMinutes(2)));
        AccountRecord r = rig.signIn();
        rig.clock.set(r.accessTokenExpiresAt().minus(Duration.ofMinutes(3)));
        assertEquals(r.accessToken(), rig.manager.accessToken(LabRig.DEVICE));
        rig.clock.set(r.accessTokenExpiresAt().minus(Duration.ofMinutes(1)));
        assertNotEquals(r.accessToken(), rig.manager.accessToken(LabRig.DEVICE));
    }

    @Test
    void rotatedRefreshTokenIsCommittedBeforeTheNewTokenIsHandedOut() throws Exception {
        GatedVault[] gated = new GatedVault[1];
        rig = new LabRig(o -> o, o -> o, v -> gated[0] = new GatedVault(v));
        AccountRecord before = rig.signIn();
        rig.advancePastExpiry();
        gated[0].gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> caller = pool.submit(() -> rig.manager.accessToken(LabRig.DEVICE));
            assertTrue(gated[0].putStarted.await(10, TimeUnit.SECONDS));
            Thread.sleep(200);
            assertFalse(caller.isDone(), "token handed out while its refresh token was uncommitted");
            gated[0].gate.countDown();
            String token = caller.get(10, TimeUnit.SECONDS);
            AccountRecord after;
            try (TokenVault reopened = rig.reopenVault()) {
                after = reopened.find(LabRig.DEVICE.vaultKey()).orElseThrow();
            }
            assertEquals(token, after.accessToken());
            assertNotEquals(before.refreshToken(), after.refreshToken());
            assertEquals(rig.clock.instant(), after.lastUsed());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedCommitHandsOutNothingNewAndKeepsTheOldRefreshToken() throws Exception {
        GatedVault[] gated = new GatedVault[1];
        rig = new LabRig(o -> o, o -> o, v -> gated[0] = new GatedVault(v));
        AccountRecord before = rig.signIn();
        rig.advancePastExpiry();
        gated[0].failPuts = true;
        rig.accessTokenFails(JobCode.SETTINGS_INVALID);
        assertEquals(before.refreshToken(), rig.record().refreshToken());
        gated[0].failPuts = false;
        String token = rig.manager.accessToken(LabRig.DEVICE); // the old one still redeems
        assertTrue(rig.lab.isValid(LabRig.ADMIN, token));
        assertEquals(AccountState.SIGNED_IN, rig.manager.status(LabRig.DEVICE).state());
    }

    @Test
    void hundredConcurrentCallersAtExpiryCauseExactlyOneRefreshRequest() throws Exception {
        rig = new LabRig();
        rig.signIn();
        rig.advancePastExpiry();
        int callers = 100;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return rig.manager.accessToken(LabRig.DEVICE);
                }));
            }
            go.countDown();
            Set<String> tokens = new HashSet<>();
            for (Future<String> f : results) {
                tokens.add(f.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, rig.refreshRequests());
            assertEquals(1, tokens.size());
            assertEquals(rig.record().accessToken(), tokens.iterator().next());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aResponseWithoutRefreshTokenKeepsTheOldOne() throws Exception {
        rig = new LabRig();
        AccountRecord before = rig.signIn();
        rig.advancePastExpiry();
        rig.lab.injectFault(LabFault.of(LabFault.Kind.OMIT_REFRESH_TOKEN, 1));
        String token = rig.manager.accessToken(LabRig.DEVICE);
        assertTrue(rig.lab.isValid(LabRig.ADMIN, token));
        assertEquals(before.refreshToken(), rig.record().refreshToken());
        rig.advancePastExpiry();
        assertTrue(rig.lab.isValid(LabRig.ADMIN, rig.manager.accessToken(LabRig.DEVICE)));
        assertEquals(2, rig.refreshRequests());
    }

    @Test
    void aRefreshWhoseResponseIsLostAfterRotationDoesNotLoseTheSignIn() throws Exception {
        rig = new LabRig();
        AccountRecord before = rig.signIn();
        rig.advancePastExpiry();
        rig.lab.injectFault(LabFault.of(LabFault.Kind.CUT_AFTER_ROTATE, 1));
        rig.accessTokenFails(JobCode.IDENTITY_UNREACHABLE);
        assertEquals(1, rig.refreshRequests(), "the lost POST must not be re-sent silently");
        assertEquals(before.refreshToken(), rig.record().refreshToken());
        assertEquals(AccountState.SIGNED_IN, rig.manager.status(LabRig.DEVICE).state());

        rig.clock.advance(Duration.ofSeconds(31)); // past the first backoff step
        String token = rig.manager.accessToken(LabRig.DEVICE);
        assertTrue(rig.lab.isValid(LabRig.ADMIN, token));
        assertNotEquals(before.refreshToken(), rig.record().refreshToken());
        assertEquals(2, rig.refreshRequests());
    }

    @Test
    void aLostResponseInsideTheMarginHandsOutTheStillValidToken() throws Exception {
        rig = new LabRig();
        AccountRecord before = rig.signIn();
        rig.advanceIntoMargin();
        rig.lab.injectFault(LabFault.of(LabFault.Kind.CUT_AFTER_ROTATE, 1));
        assertEquals(before.accessToken(), rig.manager.accessToken(LabRig.DEVICE));
        assertEquals(before.accessToken(), rig.manager.accessToken(LabRig.DEVICE));
        assertEquals(1, rig.refreshRequests(), "backoff holds the second caller");
    }

    @Test
    void forcedRefreshReplacesAStillFreshToken() throws Exception {
        rig = new LabRig();
        AccountRecord before = rig.signIn();
        String forced = rig.manager.forceRefresh(LabRig.DEVICE);
        assertNotEquals(before.accessToken(), forced);
        assertEquals(forced, rig.manager.accessToken(LabRig.DEVICE));
        assertEquals(1, rig.refreshRequests());
    }

    @Test
    void theRotatedRefreshTokenWorksAfterARestart() throws Exception {
        rig = new LabRig();
        rig.signIn();
        rig.advancePastExpiry();
        rig.manager.accessToken(LabRig.DEVICE);
        rig.manager.close();
        rig.advancePastExpiry();
        try (TokenVault reopened = rig.reopenVault();
             AccountManager restarted = rig.restartOn(reopened)) {
            assertEquals(AccountState.SIGNED_IN, restarted.status(LabRig.DEVICE).state());
            assertEquals(LabRig.ADMIN, restarted.senderAddress(LabRig.DEVICE));
            assertTrue(rig.lab.isValid(LabRig.ADMIN, restarted.accessToken(LabRig.DEVICE)));
        }
        assertEquals(2, rig.refreshRequests());
    }

    @Test
    void noAccountMeans360() {
        rig = new LabRig();
        rig.accessTokenFails(JobCode.NOT_SIGNED_IN);
        assertEquals(JobCode.NOT_SIGNED_IN, rig.manager.status(LabRig.DEVICE).code());
        assertEquals(0, rig.refreshRequests());
    }

    @Test
    void signOutErasesTheAccount() throws Exception {
        rig = new LabRig();
        rig.signIn();
        rig.manager.signOut(LabRig.DEVICE);
        assertTrue(rig.vault.find(LabRig.DEVICE.vaultKey()).isEmpty());
        AccountStatus s = rig.awaitState(AccountState.NOT_SIGNED_IN);
        assertEquals(JobCode.NOT_SIGNED_IN, s.code());
        rig.accessTokenFails(JobCode.NOT_SIGNED_IN);
    }
}
