package org.printmail.smtp;

import java.time.Duration;

/** Where the sender waits (rate governor); tests pass one that moves a clock instead. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = d -> Thread.sleep(Math.max(1, d.toMillis()));

    void sleep(Duration duration) throws InterruptedException;
}
