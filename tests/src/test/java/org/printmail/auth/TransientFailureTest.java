package org.printmail.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.config.DeviceProfile;
import org.printmail.lab.LabFault;
import org.printmail.store.AccountRecord;

/**
 * Everything that is not a verdict on the grant keeps the tokens and the state: the platform's
 * 5xx, 429, unreadable replies, timeouts, refused connections, and outages of any length.
 */
class TransientFailureTest {

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(LabFault.of(LabFault.Kind.HTTP_500, 1)),
                Arguments.of(LabFault.of(LabFault.Kind.HTTP_503, 1)),
                Arguments.of(LabFault.tooManyRequests(1, Duration.ofSeconds(20))),
                Arguments.of(LabFault.of(LabFault.Kind.MALFORMED_JSON, 1)),
                Arguments.of(LabFault.of(LabFault.Kind.TRUNCATED_JSON, 1)),
                Arguments.of(LabFault.of(LabFault.Kind.HTML_ERROR_PAGE, 1)),
                Arguments.of(LabFault.of(LabFault.Kind.CUT_AFTER_ROTATE, 1)),
                Arguments.of(LabFault.slow(1, Duration.ofMillis(1500))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void aTransientFailureKeepsTokensAndStateAndIsRetriedAfterBackoff(LabFault fault) throws Exception {
        try (LabRig rig = new LabRig()) {
            AccountRecord before = rig.signIn();
            // A one-second read timeout turns the slow reply into a timeout.
            rig.current.set(LabRig.withIdentity(rig.profile, s -> LabRig.timeout(s, Duration.ofSeconds(1))));
            rig.advancePastExpiry();
            rig.lab.injectFault(fault);
            rig.accessTokenFails(JobCode.IDENTITY_UNREACHABLE);
            assertEquals(AccountState.SIGNED_IN, rig.manager.status(LabRig.DEVICE).state());
            assertEquals(JobCode.OK, rig.manager.status(LabRig.DEVICE).code());
            assertEquals(before.refreshToken(), rig.record().refreshToken());
            // Within the backoff, callers fail fast without another request.
            rig.accessTokenFails(JobCode.IDENTITY_UNREACHABLE);
            assertEquals(1, rig.refreshRequests());
            rig.clock.advance(Duration.ofSeconds(31));
            assertTrue(rig.lab.isValid(LabRig.ADMIN, rig.manager.accessToken(LabRig.DEVICE)));
            assertEquals(2, rig.refreshRequests());
            assertTrue(rig.events.stream().noneMatch(s -> s.state() != AccountState.SIGNED_IN
                    && s.state() != AccountState.SIGN_IN_PENDING), "no state change on " + fault);
        }
    }

    @Test
    void retryAfterIsHonouredBeyondTheBackoffStep() throws Exception {
        try (LabRig rig = new LabRig()) {
            rig.signIn();
            rig.advancePastExpiry();
            rig.lab.injectFault(LabFault.tooManyRequests(1, Duration.ofSeconds(120)));
            rig.accessTokenFails(JobCode.IDENTITY_UNREACHABLE);
            rig.clock.advance(Duration.ofSeconds(119));
            rig.accessTokenFails(JobCode.IDENTITY_UNREACHABLE);
            assertEquals(1, rig.refreshRequests());
            rig.clock.advance(Duration.ofSeconds(2));
            rig.manager.accessToken(LabRig.DEVICE);
            assertEquals(2, rig.refreshRequests());
        }
    }

    @Test
    void backoffDoublesUpToTheCap() throws Exception {
        try (LabRig rig = new LabRig(o -> o, o -> o.withBackoff(Duration.ofSeconds(30), Duration.ofMinutes(2)))) {
            rig.signIn();
            rig.current.set(deadAuthority(rig));
            rig.advancePastExpiry();
            long[] expected = {30, 60, 120, 120};
            for (long wait : expected) {
                String detail = rig.accessTokenFails(JobCode.IDENTITY_UNREACHABLE).detail();
                assertTrue(detail.endsWith("retrying in " + wait + " s"), detail);
                rig.clock.advance(Duration.ofSeconds(wait));
            }
        }
    }

    @Test
    void aStillValidTokenIsHandedOutWhileThePlatformIsDown() throws Exception {
        try (LabRig rig = new LabRig()) {
            AccountRecord before = rig.signIn();
            rig.current.set(deadAuthority(rig));
            rig.advanceIntoMargin();
            assertEquals(before.accessToken(), rig.manager.accessToken(LabRig.DEVICE));
            rig.advancePastExpiry();
            rig.clock.advance(Duration.ofMinutes(1));
            rig.accessTokenFails(JobCode.IDENTITY_UNREACHABLE);
        }
    }

    @Test
    void anOutageOfAnyLengthNeverTurnsInto361Or370() throws Exception {
        try (LabRig rig = new LabRig()) {
            AccountRecord before = rig.signIn();
            rig.current.set(deadAuthority(rig));
            for (int day = 3; day <= 120; day += 3) {
                rig.clock.advance(Duration.ofDays(3));
                rig.manager.runKeepAlive();
                rig.accessTokenFails(JobCode.IDENTITY_UNREACHABLE);
                assertEquals(JobCode.IDENTITY_UNREACHABLE, assertThrows(PrintmailException.class,
                        () -> rig.manager.forceRefresh(LabRig.DEVICE)).code());
                AccountStatus s = rig.manager.status(LabRig.DEVICE);
                assertEquals(AccountState.SIGNED_IN, s.state(), "day " + day);
                assertEquals(JobCode.OK, s.code());
                assertEquals(before.refreshToken(), rig.record().refreshToken());
                assertEquals(Math.max(0, 90 - day), s.daysUntilLapse().orElseThrow(), "day " + day);
            }
            // Back online after 120 days: only now does the platform's own answer decide.
            rig.current.set(rig.profile);
            rig.clock.advance(Duration.ofHours(1));
            rig.accessTokenFails(JobCode.SIGN_IN_EXPIRED);
            assertEquals(AccountState.EXPIRED, rig.manager.status(LabRig.DEVICE).state());
        }
    }

    static DeviceProfile deadAuthority(LabRig rig) {
        // Port 1 on loopback: nothing listens, the connection is refused at once.
        return LabRig.withIdentity(rig.profile, s -> s.withAuthorityBase(URI.create("https://localhost:1")));
    }
}
