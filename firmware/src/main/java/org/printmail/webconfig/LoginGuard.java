package org.printmail.webconfig;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

import org.printmail.time.MonotonicClock;

/**
 * How fast the administrator password can be guessed, and by whom it can be locked.
 *
 * <ul>
 * <li>Failures are counted per <em>key</em>: a browser the administrator has logged in with
 * before (signed known-browser cookie) has its own key, so strangers sharing its address (NAT,
 * proxy, same PC) cannot lock it; every other browser is keyed by its client address.</li>
 * <li>Failures decay: one is forgotten per {@code max} (the longest wait) that passes. From
 * {@code threshold} on, the key waits {@code base}, doubling per further failure up to
 * {@code max}; while it waits even the right password is refused unchecked.</li>
 * <li>A device-wide ceiling (token bucket on the injected clock) bounds password checks from
 * browsers not known, so rotating addresses does not multiply the rate: one account, one budget.
 * Over the ceiling the attempt is refused unchecked ({@link Outcome#BUSY}) and not counted.</li>
 * <li>No global lock: a failure is counted before the slow check runs (so parallel guesses
 * cannot slip past the threshold), and at most {@link #PARALLEL_CHECKS} PBKDF2 checks run at
 * once, so guessing never holds the threads that serve logged-in pages.</li>
 * </ul>
 */
final class LoginGuard {
    static final int PARALLEL_CHECKS = 2;
    private static final int MAX_TRACKED = 4096;

    /** Failures of one key: a decaying score and the end of its current wait. */
    private record Failures(double score, long atNanos, long lockedUntilNanos) {
        boolean waiting(long now) { return now - lockedUntilNanos < 0; }
    }

    /** How a password check went: refused unchecked while locked or over the ceiling, wrong, right. */
    enum Outcome { LOCKED, BUSY, WRONG, RIGHT }

    /** The outcome, and how long the key must now wait (locked, or the failure that locked it). */
    record Attempt(Outcome outcome, Optional<Duration> waitFor) { }

    private final Map<String, Failures> byKey = new ConcurrentHashMap<>();
    private final Semaphore checking = new Semaphore(PARALLEL_CHECKS);
    private final MonotonicClock clock;
    private final int threshold;
    private final Duration base;
    private final Duration max;
    private final double checksPerSecond;
    private final double burst;
    private double tokens;
    private long refilledAt;

    LoginGuard(MonotonicClock clock, int threshold, Duration base, Duration max, double checksPerSecond) {
        this.clock = clock;
        this.threshold = threshold;
        this.base = base;
        this.max = max;
        this.checksPerSecond = checksPerSecond;
        this.burst = Math.max(1, Math.ceil(checksPerSecond * 3));
        this.tokens = burst;
        this.refilledAt = clock.nanos();
    }

    /** The key of an attempt: the known browser's id if it has one, else the client address. */
    static String key(String client, Optional<String> knownBrowser) {
        return knownBrowser.map(b -> "browser:" + b).orElse("address:" + client);
    }

    /**
     * One password check for {@code key}. {@code ceiling} applies the device-wide rate (log-in
     * from browsers not known); the password form of a logged-in session passes false.
     */
    Attempt attempt(String key, boolean ceiling, BooleanSupplier passwordCheck) {
        long now = clock.nanos();
        Optional<Duration> locked = lockedFor(key, now);
        if (locked.isPresent()) {
            return new Attempt(Outcome.LOCKED, locked);
        }
        if (ceiling && !takeToken(now)) {
            return new Attempt(Outcome.BUSY, Optional.of(Duration.ofSeconds(2)));
        }
        if (!checking.tryAcquire()) {
            return new Attempt(Outcome.BUSY, Optional.of(Duration.ofSeconds(2)));
        }
        Failures counted = countFailure(key, now);
        try {
            if (passwordCheck.getAsBoolean()) {
                byKey.remove(key);
                return new Attempt(Outcome.RIGHT, Optional.empty());
            }
        } finally {
            checking.release();
        }
        return new Attempt(Outcome.WRONG, counted.waiting(now)
                ? Optional.of(Duration.ofNanos(counted.lockedUntilNanos() - now)) : Optional.empty());
    }

    /** The control panel's password reset: every lock and the device-wide budget start afresh. */
    synchronized void clearAll() {
        byKey.clear();
        tokens = burst;
    }

    /** How long {@code key} must still wait, if it is locked out. */
    Optional<Duration> lockedFor(String key) {
        return lockedFor(key, clock.nanos());
    }

    private Optional<Duration> lockedFor(String key, long now) {
        Failures f = byKey.get(key);
        if (f == null || !f.waiting(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(f.lockedUntilNanos() - now));
    }

    /** Counted before the check runs, so parallel guesses all count; a right password clears it. */
    private Failures countFailure(String key, long now) {
        if (byKey.size() >= MAX_TRACKED && !byKey.containsKey(key)) {
            // Bounded memory: forget keys that are not waiting; waiting ones keep waiting.
            byKey.values().removeIf(f -> !f.waiting(now));
        }
        return byKey.compute(key, (k, f) -> {
            double score = (f == null ? 0 : decayed(f, now)) + 1;
            long until = now;
            if (score >= threshold) {
                int doublings = (int) Math.min(Math.ceil(score) - threshold, 20);
                Duration wait = base.multipliedBy(1L << doublings);
                until = now + MonotonicClock.saturatedNanos(wait.compareTo(max) > 0 ? max : wait);
            }
            return new Failures(score, now, until);
        });
    }

    /** One failure forgotten per {@code max} since the last one. */
    private double decayed(Failures f, long now) {
        double periods = (now - f.atNanos()) / (double) max.toNanos();
        return Math.max(0, f.score() - Math.max(0, periods));
    }

    private synchronized boolean takeToken(long now) {
        double seconds = Math.max(0, (now - refilledAt) / 1e9);
        tokens = Math.min(burst, tokens + seconds * checksPerSecond);
        refilledAt = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
