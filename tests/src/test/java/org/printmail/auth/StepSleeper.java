package org.printmail.auth;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.printmail.lab.AdjustableClock;
import org.printmail.time.Sleeper;

/**
 * The poll loop's sleeper in tests: each sleep is reported to the test, waits until the test
 * releases it, then moves the shared clock by the requested time (or a fixed step). No test waits
 * on wall-clock time for a poll interval.
 */
final class StepSleeper implements Sleeper {
    private final AdjustableClock clock;
    private final BlockingQueue<Duration> requested = new LinkedBlockingQueue<>();
    private final Semaphore permits = new Semaphore(0);
    private volatile Duration fixedStep;

    StepSleeper(AdjustableClock clock) { this.clock = clock; }

    @Override
    public void sleep(Duration d) throws InterruptedException {
        requested.put(d);
        permits.acquire();
        Duration step = fixedStep;
        clock.advance(step != null ? step : d);
    }

    /** The next wait the poll loop asks for (fails the test after 10 s of real time). */
    Duration awaitSleep() throws InterruptedException {
        Duration d = requested.poll(10, TimeUnit.SECONDS);
        assertNotNull(d, "the poll loop did not ask to sleep");
        return d;
    }

    /** The next wait asked for within a short real-time window, or null when the loop has ended. */
    Duration nextSleepWithin(Duration window) throws InterruptedException {
        return requested.poll(window.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Fails when the poll loop asks to sleep again within a short real-time window. */
    void assertNoSleepWithin(Duration window) throws InterruptedException {
        Duration d = requested.poll(window.toMillis(), TimeUnit.MILLISECONDS);
        assertNull(d, "the poll loop is still running");
    }

    /** Forgets the sleeps asked for so far. */
    void drain() { requested.clear(); }

    /** Lets one pending sleep finish. */
    void release() { permits.release(); }

    /** Moves the clock by this much per sleep whatever is asked (a device polling too early). */
    void advanceBy(Duration step) { fixedStep = step; }
}
