package org.printmail.webconfig;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.printmail.auth.MonotonicClock;

/**
 * Lockout with exponential backoff per client address: after {@code threshold} failed log-ins
 * the client must wait {@code base}, then twice as long after each further failure, up to
 * {@code max}. While locked, attempts are refused without checking the password. Measured on
 * the monotonic clock: stepping the device's clock back must not lock the admin out for the
 * step, nor stepping it forward lift a lockout.
 */
final class LoginGuard {
    private static final int MAX_TRACKED = 4096;

    private record Failures(int count, long lockedUntilNanos) {
        boolean locked(long now) { return now - lockedUntilNanos < 0; }
    }

    private final Map<String, Failures> byClient = new ConcurrentHashMap<>();
    private final MonotonicClock clock;
    private final int threshold;
    private final Duration base;
    private final Duration max;

    LoginGuard(MonotonicClock clock, int threshold, Duration base, Duration max) {
        this.clock = clock;
        this.threshold = threshold;
        this.base = base;
        this.max = max;
    }

    /** How long the client must still wait, if it is locked out. */
    Optional<Duration> lockedFor(String client) {
        Failures f = byClient.get(client);
        long now = clock.nanos();
        if (f == null || !f.locked(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(f.lockedUntilNanos() - now));
    }

    void failed(String client) {
        if (byClient.size() >= MAX_TRACKED && !byClient.containsKey(client)) {
            // Bounded memory: forget clients that are not locked out; locked ones stay locked.
            long now = clock.nanos();
            byClient.values().removeIf(f -> !f.locked(now));
        }
        byClient.compute(client, (k, f) -> {
            int count = f == null ? 1 : f.count() + 1;
            Duration wait = Duration.ZERO;
            if (count >= threshold) {
                int doublings = Math.min(count - threshold, 20);
                wait = base.multipliedBy(1L << doublings);
                wait = wait.compareTo(max) > 0 ? max : wait;
            }
            return new Failures(count, clock.after(wait));
        });
    }

    void succeeded(String client) { byClient.remove(client); }

    /** How a password check went: refused unchecked while locked, wrong, or right. */
    enum Outcome { LOCKED, WRONG, RIGHT }

    /** The outcome, and how long the client must now wait (after a lockout or a failure that caused one). */
    record Attempt(Outcome outcome, Optional<Duration> waitFor) { }

    /**
     * Checks the lock, runs the password check and counts its result as one step, so parallel
     * guesses cannot all pass the lock check before the first failure is counted.
     */
    synchronized Attempt attempt(String client, java.util.function.BooleanSupplier passwordCheck) {
        Optional<Duration> locked = lockedFor(client);
        if (locked.isPresent()) {
            return new Attempt(Outcome.LOCKED, locked);
        }
        if (!passwordCheck.getAsBoolean()) {
            failed(client);
            return new Attempt(Outcome.WRONG, lockedFor(client));
        }
        succeeded(client);
        return new Attempt(Outcome.RIGHT, Optional.empty());
    }
}
