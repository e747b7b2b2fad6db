package org.printmail.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;

import com.nimbusds.oauth2.sdk.device.DeviceCode;
import org.junit.jupiter.api.Test;
import org.printmail.testing.LogCapture;
import org.printmail.codes.PrintmailException;
import org.printmail.lab.LabFault;
import org.printmail.lab.RevocationReason;

/**
 * Runs sign-in, refresh, forced refresh, keep-alive (good and failing), faults, a revoked grant
 * and sign-out with every java.util.logging record captured at ALL levels, then checks that no
 * access token, refresh token or device code appears in a log line, an exception message or an
 * AccountStatus.
 */
class SecretsNeverLeakTest {

    @Test
    void noTokenRefreshTokenOrDeviceCodeAppearsInLogsMessagesOrStatuses() throws Exception {
        Set<String> secrets = new HashSet<>();
        List<String> exposed = new ArrayList<>();
        try (LogCapture capture = LogCapture.start(Level.ALL); LabRig rig = new LabRig()) {
            rig.manager.setSenderAddress(LabRig.DEVICE, LabRig.ADMIN);
            DeviceCodePrompt prompt = rig.start();
            secrets.add(deviceCodeInFlight(rig));
            rig.sleeper.awaitSleep();
            rig.sleeper.release(); // one pending poll
            rig.sleeper.awaitSleep();
            rig.lab.approve(prompt.userCode(), LabRig.ADMIN);
            rig.sleeper.release();
            rig.awaitState(AccountState.SIGNED_IN);
            collect(rig, secrets);

            rig.advancePastExpiry();
            secrets.add(rig.manager.accessToken(LabRig.DEVICE));
            secrets.add(rig.manager.forceRefresh(LabRig.DEVICE));
            collect(rig, secrets);
            rig.clock.advance(Duration.ofDays(14));
            rig.manager.runKeepAlive();
            collect(rig, secrets);

            rig.lab.injectFault(LabFault.of(LabFault.Kind.CUT_AFTER_ROTATE, 1));
            rig.advancePastExpiry();
            exposed.add(assertThrows(PrintmailException.class,
                    () -> rig.manager.accessToken(LabRig.DEVICE)).getMessage());
            rig.current.set(TransientFailureTest.deadAuthority(rig));
            rig.clock.advance(Duration.ofDays(14));
            rig.manager.runKeepAlive();
            rig.current.set(rig.profile);
            rig.clock.advance(Duration.ofHours(1));
            secrets.add(rig.manager.accessToken(LabRig.DEVICE));
            collect(rig, secrets);

            rig.lab.revoke(LabRig.ADMIN, RevocationReason.PASSWORD_CHANGED);
            rig.advancePastExpiry();
            exposed.add(assertThrows(PrintmailException.class,
                    () -> rig.manager.accessToken(LabRig.DEVICE)).getMessage());
            rig.manager.signOut(LabRig.DEVICE);

            rig.events.forEach(s -> exposed.add(s.toString()));
            rig.manager.statuses().forEach(s -> exposed.add(s.toString()));
            exposed.addAll(capture.lines());
            assertTrue(capture.size() > 10, "the flow logged: " + capture.size());
        }
        secrets.removeIf(s -> s == null || s.isEmpty());
        assertTrue(secrets.size() >= 6, "secrets seen: " + secrets.size());
        for (String line : exposed) {
            for (String secret : secrets) {
                assertFalse(line.contains(secret), "a secret leaked into: " + line);
            }
        }
    }

    @Test
    void valueTypesHoldingSecretsRedactThemInToString() {
        TokenGrant g = new TokenGrant("at-SECRET", Duration.ofSeconds(1), Optional.of("rt-SECRET"),
                Optional.empty());
        AccountSlot.CachedToken c = new AccountSlot.CachedToken("at-SECRET", 1, 2, 3);
        DeviceAuthorization d = new DeviceAuthorization(
                new DeviceCode("dc-SECRET"),
                new DeviceCodePrompt("ABC", URI.create("https://x"), "m",
                        Instant.EPOCH, Duration.ofSeconds(5)), Duration.ofSeconds(900));
        for (Object o : List.of(g, c, d)) {
            assertFalse(o.toString().contains("SECRET"), o.toString());
        }
    }

    private static String deviceCodeInFlight(LabRig rig) {
        AccountSlot slot = rig.accounts.slot(LabRig.DEVICE);
        slot.lock.lock();
        try {
            return slot.attempt.authorization.deviceCode().getValue();
        } finally {
            slot.lock.unlock();
        }
    }

    private static void collect(LabRig rig, Set<String> secrets) {
        rig.vault.find(LabRig.DEVICE.vaultKey()).ifPresent(r -> {
            secrets.add(r.accessToken());
            secrets.add(r.refreshToken());
        });
    }
}
