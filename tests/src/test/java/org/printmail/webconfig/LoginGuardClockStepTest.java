package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.printmail.lab.AdjustableClock;

/** A Web Config lockout lasts its time whatever the device's wall clock does meanwhile. */
class LoginGuardClockStepTest {
    private static final String CLIENT = "127.0.0.1";
    private final AdjustableClock clock = AdjustableClock.startingAt("2026-11-28T08:00:00Z");
    private final LoginGuard guard = new LoginGuard(clock::nanos, 5, Duration.ofSeconds(30),
            Duration.ofMinutes(15), 1000);

    private void lockOut() {
        for (int i = 0; i < 5; i++) {
            guard.attempt(CLIENT, false, () -> false);
        }
        assertEquals(Optional.of(Duration.ofSeconds(30)), guard.lockedFor(CLIENT));
    }

    @Test
    void aClockSteppedBackADayDoesNotLockTheAdminOutForTheDay() {
        lockOut();
        clock.stepWallClock(Duration.ofDays(-1));
        clock.advance(Duration.ofSeconds(31));
        assertEquals(LoginGuard.Outcome.RIGHT, guard.attempt(CLIENT, false, () -> true).outcome());
    }

    @Test
    void aClockSteppedForwardHoursDoesNotLiftALockout() {
        lockOut();
        clock.stepWallClock(Duration.ofHours(5));
        assertEquals(LoginGuard.Outcome.LOCKED, guard.attempt(CLIENT, false, () -> true).outcome());
        assertEquals(Optional.of(Duration.ofSeconds(30)), guard.lockedFor(CLIENT));
    }
}
