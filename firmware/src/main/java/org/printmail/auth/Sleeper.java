package org.printmail.auth;

import java.time.Duration;

/**
 * Waits between device-code polls. Injected so tests step the poll loop (and move an adjustable
 * clock) instead of waiting on wall-clock time.
 */
@FunctionalInterface
public interface Sleeper {
    /** Thread.sleep; interruptible, which is how a cancelled sign-in stops waiting. */
    Sleeper SYSTEM = d -> Thread.sleep(Math.max(0, d.toMillis()));

    void sleep(Duration duration) throws InterruptedException;
}
