package org.printmail.time;

import java.time.Duration;

/**
 * Where the device waits: between device-code polls, in refresh backoff, in the sender's rate
 * governor. Injected so tests step the loop (and move an adjustable clock) instead of waiting on
 * wall-clock time.
 */
@FunctionalInterface
public interface Sleeper {
    /** Thread.sleep; interruptible, which is how a cancelled sign-in or a closing sender stops waiting. */
    Sleeper SYSTEM = d -> {
        if (d.isNegative() || d.isZero()) {
            return;
        }
        // At least 1 ms for any positive wait, so a loop waiting out a sub-millisecond rest does not spin.
        Thread.sleep(Math.max(1, d.toMillis()));
    };

    void sleep(Duration duration) throws InterruptedException;
}
