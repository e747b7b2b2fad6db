package org.printmail.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Capped exponential backoff after transient failures, honouring the server's Retry-After (up to
 * an hour, so a broken header cannot silence the device for days). Thread-safe.
 */
final class Backoff {
    private static final Duration RETRY_AFTER_CEILING = Duration.ofHours(1);
    private final Duration base;
    private final Duration cap;
    private int failures;
    private Instant notBefore = Instant.MIN;

    Backoff(Duration base, Duration cap) {
        this.base = base;
        this.cap = cap;
    }

    /** Records a failure and returns how long to wait before the next attempt. */
    synchronized Duration failed(Instant now, Optional<Duration> retryAfter) {
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
        notBefore = now.plus(wait);
        return wait;
    }

    synchronized boolean blocks(Instant now) { return now.isBefore(notBefore); }

    synchronized Instant notBefore() { return notBefore; }

    synchronized int failures() { return failures; }

    synchronized void reset() {
        failures = 0;
        notBefore = Instant.MIN;
    }
}
