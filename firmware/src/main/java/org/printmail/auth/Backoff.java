package org.printmail.auth;

import java.time.Duration;
import java.util.Optional;

import org.printmail.time.MonotonicClock;

/**
 * Capped exponential backoff after transient failures, honouring the server's Retry-After (up to
 * an hour, so a broken header cannot silence the device for days). Measured on the monotonic
 * clock, so a wall-clock step neither lifts the wait early nor stretches it by the step.
 * Thread-safe.
 */
final class Backoff {
    private static final Duration RETRY_AFTER_CEILING = Duration.ofHours(1);
    private final Duration base;
    private final Duration cap;
    private final MonotonicClock clock;
    private int failures;
    private boolean waiting;
    private long notBeforeNanos;

    Backoff(Duration base, Duration cap, MonotonicClock clock) {
        this.base = base;
        this.cap = cap;
        this.clock = clock;
    }

    /** Records a failure and returns how long to wait before the next attempt. */
    synchronized Duration failed(Optional<Duration> retryAfter) {
        failures++;
        Duration wait = base.multipliedBy(1L << Math.min(failures - 1, 30));
        if (wait.compareTo(cap) > 0 || wait.isNegative()) {
            wait = cap;
        }
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get().compareTo(RETRY_AFTER_CEILING) > 0
                    ? RETRY_AFTER_CEILING : retryAfter.get();
            wait = asked.compareTo(wait) > 0 ? asked : wait;
        }
        waiting = true;
        notBeforeNanos = clock.after(wait);
        return wait;
    }

    synchronized boolean blocks() { return waiting && clock.nanos() - notBeforeNanos < 0; }

    /** How long the wait still lasts (zero when none). */
    synchronized Duration remaining() {
        return blocks() ? Duration.ofNanos(notBeforeNanos - clock.nanos()) : Duration.ZERO;
    }

    synchronized int failures() { return failures; }

    synchronized void reset() {
        failures = 0;
        waiting = false;
    }
}
