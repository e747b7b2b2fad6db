package org.printmail.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;

import org.printmail.config.DeviceProfile;
import org.printmail.store.AccountId;
import org.printmail.store.AccountRecord;

/**
 * Everything the manager keeps about one account. {@link #lock} serialises every change of the
 * record and every refresh (that is what makes refresh single-flight); {@link #cached} is read
 * without it on the hot path.
 */
final class AccountSlot {
    /** The access token handed out without I/O; times in epoch millis so checking allocates nothing. */
    record CachedToken(String token, long refreshAfterMillis, long expiresAtMillis, long generation) {
        static CachedToken of(AccountRecord r, Duration margin, Instant now, long generation) {
            long expires = r.accessTokenExpiresAt().toEpochMilli();
            // A margin longer than half the token's life would refresh on every call.
            long life = Math.max(0, expires - now.toEpochMilli());
            long effectiveMargin = Math.min(margin.toMillis(), life / 2);
            return new CachedToken(r.accessToken(), expires - effectiveMargin, expires, generation);
        }

        @Override
        public String toString() {
            return "CachedToken[token=<redacted>, refreshAfter=" + Instant.ofEpochMilli(refreshAfterMillis)
                    + ", expires=" + Instant.ofEpochMilli(expiresAtMillis) + "]";
        }
    }

    /** A device-code sign-in in flight and what to fall back to when it does not succeed. */
    static final class SignInAttempt {
        final DeviceProfile profile;
        final DeviceAuthorization authorization;
        volatile AccountStateMachine.Change previous;
        volatile boolean cancelled;
        volatile Future<?> task;

        SignInAttempt(DeviceProfile profile, DeviceAuthorization authorization,
                      AccountStateMachine.Change previous) {
            this.profile = profile;
            this.authorization = authorization;
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

    /** Publishes the record's access token to the hot path (caller holds the lock). */
    void cache(AccountRecord r, Duration margin, Instant now) {
        cached = r == null || r.accessToken() == null || r.accessTokenExpiresAt() == null ? null
                : CachedToken.of(r, margin, now, ++generation);
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
