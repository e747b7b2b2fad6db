package org.printmail.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.printmail.codes.JobCode;
import org.printmail.lab.AdjustableClock;
import org.printmail.auth.AccountId;

/** The one transition method: allowed moves, since-times, events, failing listeners. */
class AccountStateMachineTest {
    private final AdjustableClock clock = AdjustableClock.startingAt("2025-03-01T09:00:00Z");
    private final List<AccountListener> listeners = new CopyOnWriteArrayList<>();
    private final List<AccountStatus> seen = new ArrayList<>();

    private AccountStateMachine machine() {
        listeners.add(seen::add);
        return new AccountStateMachine(AccountId.deviceMail(), clock, clock::nanos, Duration.ofDays(90), listeners,
                AccountStateMachine.Change.to(AccountState.NOT_SIGNED_IN, JobCode.NOT_SIGNED_IN,
                        "not signed in"), clock.instant(), null);
    }

    @Test
    void everyTransitionIsPublishedWithItsReasonSinceAndCode() {
        AccountStateMachine m = machine();
        clock.advance(Duration.ofMinutes(1));
        m.transition(AccountStateMachine.Change.to(AccountState.SIGN_IN_PENDING, JobCode.NOT_SIGNED_IN, "code shown"));
        clock.advance(Duration.ofMinutes(1));
        m.refreshTokenUsed(clock.instant());
        AccountStatus s = m.transition(AccountStateMachine.Change.to(AccountState.SIGNED_IN, JobCode.OK, "signed in"));
        assertEquals(2, seen.size());
        assertEquals(s, seen.get(1));
        assertEquals(clock.instant(), s.since());
        assertEquals("signed in", s.reason());
        assertEquals(90L, s.daysUntilLapse().orElseThrow());
    }

    @Test
    void reEnteringAStateKeepsItsSinceTime() {
        AccountStateMachine m = machine();
        var since = m.status().since();
        clock.advance(Duration.ofHours(1));
        AccountStatus s = m.transition(AccountStateMachine.Change.to(AccountState.NOT_SIGNED_IN,
                JobCode.SIGN_IN_DECLINED, "declined"));
        assertEquals(since, s.since());
        assertEquals(JobCode.SIGN_IN_DECLINED, s.code());
    }

    @Test
    void movesThatSkipASignInAreRefused() {
        AccountStateMachine m = machine();
        assertThrows(IllegalStateException.class, () -> m.transition(
                AccountStateMachine.Change.to(AccountState.SIGNED_IN, JobCode.OK, "")));
        assertThrows(IllegalStateException.class, () -> m.transition(
                AccountStateMachine.Change.to(AccountState.EXPIRED, JobCode.SIGN_IN_EXPIRED, "")));
        assertEquals(AccountState.NOT_SIGNED_IN, m.state());
        assertEquals(0, seen.size());
    }

    @Test
    void aFailingListenerDoesNotStopTheOthersOrTheTransition() {
        listeners.add(s -> {
            throw new IllegalStateException("panel crashed");
        });
        AccountStateMachine m = machine();
        m.transition(AccountStateMachine.Change.to(AccountState.SIGN_IN_PENDING, JobCode.NOT_SIGNED_IN, ""));
        assertEquals(AccountState.SIGN_IN_PENDING, m.state());
        assertEquals(1, seen.size());
    }

    @Test
    void daysLeftCountDownFromTheLastUseOfTheRefreshToken() {
        AccountStateMachine m = machine();
        m.refreshTokenUsed(clock.instant());
        clock.advance(Duration.ofDays(30).plusHours(1));
        assertEquals(59, m.daysUntilLapse());
        clock.advance(Duration.ofDays(100));
        assertEquals(0, m.daysUntilLapse());
    }
}
