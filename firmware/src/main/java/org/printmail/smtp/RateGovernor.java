package org.printmail.smtp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import org.printmail.time.Sleeper;

/**
 * At most N messages in any rolling minute for one mailbox. A sliding log rather than a refilling
 * bucket: a bucket of 30 that refills at 30/min lets 60 through in some 60-second window, which
 * is exactly what Exchange's "30 messages per minute" counts against. Public because the Graph
 * transport (package {@code graph}) is held to the same per-mailbox limit.
 */
public final class RateGovernor {
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perMinute;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Deque<Instant> recent = new ArrayDeque<>();

    public RateGovernor(int perMinute, Clock clock, Sleeper sleeper) {
        this.perMinute = perMinute;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits (through the sleeper) until one more message fits the window, then counts it. */
    public void acquire() throws InterruptedException {
        if (perMinute <= 0) {
            return;
        }
        while (true) {
            Duration wait = tryAcquire();
            if (wait.isZero()) {
                return;
            }
            sleeper.sleep(wait);
        }
    }

    /** Zero when the message was counted, else how long until a slot frees. */
    synchronized Duration tryAcquire() {
        Instant now = clock.instant();
        while (!recent.isEmpty() && !recent.peekFirst().plus(WINDOW).isAfter(now)) {
            recent.removeFirst();
        }
        if (recent.size() < perMinute) {
            recent.addLast(now);
            return Duration.ZERO;
        }
        return Duration.between(now, recent.peekFirst().plus(WINDOW));
    }
}
