package org.printmail.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;

import org.printmail.config.DeviceProfile;
import org.printmail.store.AccountRecord;
import org.printmail.time.MonotonicClock;

/**
 * Everything the manager keeps about one account. {@link #lock} serialises every change of the
 * record and every refresh (that is what makes refresh single-flight); {@link #cached} is read
 * without it on the hot path.
 */
final class AccountSlot {
    /**
     * The access token handed out without I/O; deadlines on the monotonic clock (nanos) so a
     * wall-clock step neither keeps a dead token in use nor throws a good one away.
     */
    record CachedToken(String token, long refreshAfterNanos, long expiresAtNanos, long generation) {
        /**
         * The persisted expiry read against the wall clock once, now. It is trusted at most for
         * the lifetime the token was issued with (expiry minus last refresh): after a reboot on a
         * clock that runs behind, a dead token is used at most that long, and the server's
         * rejection forces a refresh sooner.
         */
        static CachedToken of(AccountRecord r, Duration margin, Instant wallNow, long monoNow,
                              long generation) {
            Duration life = Duration.between(wallNow, r.accessTokenExpiresAt());
            Instant issued = r.lastRefresh();
            if (issued != null && issued.isBefore(r.accessTokenExpiresAt())) {
                Duration issuedLife = Duration.between(issued, r.accessTokenExpiresAt());
                life = life.compareTo(issuedLife) > 0 ? issuedLife : life;
            }
            long lifeNanos = Math.max(0, MonotonicClock.saturatedNanos(life));
            // A margin longer than half the token's life would refresh on every call.
            long effectiveMargin = Math.min(margin.toNanos(), lifeNanos / 2);
            long expires = monoNow + lifeNanos;
            return new CachedToken(r.accessToken(), expires - effectiveMargin, expires, generation);
        }

        boolean due(long monoNow) { return monoNow - refreshAfterNanos >= 0; }

        boolean expired(long monoNow) { return monoNow - expiresAtNanos >= 0; }

        @Override
        public String toString() {
            return "CachedToken[token=<redacted>, generation=" + generation + "]";
        }
    }

    /** A device-code sign-in in flight and what to fall back to when it does not succeed. */
    static final class SignInAttempt {
        final DeviceProfile profile;
        final DeviceAuthorization authorization;
        /** When the code arrived and when it lapses, on the monotonic clock. */
        final long issuedNanos;
        final long deadlineNanos;
        volatile AccountStateMachine.Change previous;
        volatile boolean cancelled;
        volatile Future<?> task;

        SignInAttempt(DeviceProfile profile, DeviceAuthorization authorization, long issuedNanos,
                      AccountStateMachine.Change previous) {
            this.profile = profile;
            this.authorization = authorization;
            this.issuedNanos = issuedNanos;
            this.deadlineNanos = issuedNanos + MonotonicClock.saturatedNanos(authorization.lifetime());
            this.previous = previous;
        }

        void cancel() {
            cancelled = true;
            Future<?> t = task;
            if (t != null) {
                t.cancel(true);
            }
        }
    }

    final AccountId id;
    final AccountStateMachine machine;
    final Backoff backoff;
    final ReentrantLock lock = new ReentrantLock();
    volatile CachedToken cached;
    private long generation;
    // Guarded by lock:
    AccountRecord record;
    SignInAttempt attempt;
    String pendingSender;

    AccountSlot(AccountId id, AccountStateMachine machine, Backoff backoff, AccountRecord record) {
        this.id = id;
        this.machine = machine;
        this.backoff = backoff;
        this.record = record;
    }

    /**
     * Publishes the record's access token to the hot path (caller holds the lock). The token
     * already cached keeps its deadlines: saving the record again (a new sender address) must
     * not re-read its expiry from a wall clock that may have been stepped since.
     */
    void cache(AccountRecord r, Duration margin, Instant wallNow, long monoNow) {
        CachedToken c = cached;
        if (c != null && r != null && r.accessToken() != null && r.accessToken().equals(c.token())) {
            return;
        }
        cached = r == null || r.accessToken() == null || r.accessTokenExpiresAt() == null ? null
                : CachedToken.of(r, margin, wallNow, monoNow, ++generation);
    }

    /**
     * Whether the account's tokens may be used: signed in, or a new sign-in is pending on top of a
     * still-good one (re-signing in must not stop mail).
     */
    boolean usable() {
        AccountState s = machine.state();
        if (s == AccountState.SIGNED_IN) {
            return record != null;
        }
        SignInAttempt a = attempt;
        return s == AccountState.SIGN_IN_PENDING && a != null && record != null
                && a.previous.to() == AccountState.SIGNED_IN;
    }
}
