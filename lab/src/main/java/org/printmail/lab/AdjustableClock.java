package org.printmail.lab;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests (and the lab) move by hand, shared by the device under test and the lab services
 * so expiry, keep-alive and backoff are exercised without waiting. It also keeps elapsed time
 * ({@link #nanos()}, the device's monotonic clock in tests): {@link #advance} and a forward
 * {@link #set} are time passing and move both; {@link #stepWallClock} is an NTP step or a wrong
 * real-time clock corrected, and moves the wall time only.
 */
public final class AdjustableClock extends Clock {
    private final AtomicReference<Instant> now;
    private final AtomicLong elapsedNanos = new AtomicLong(1_000_000_000L);

    public AdjustableClock(Instant start) { this.now = new AtomicReference<>(start); }

    public static AdjustableClock startingAt(String isoInstant) {
        return new AdjustableClock(Instant.parse(isoInstant));
    }

    /** Time passes: wall and elapsed time both move (a negative duration moves the wall only). */
    public synchronized void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
        if (!d.isNegative()) {
            elapsedNanos.addAndGet(d.toNanos());
        }
    }

    /** Time passes until {@code t}; setting an earlier time steps the wall clock back only. */
    public synchronized void set(Instant t) {
        Duration d = Duration.between(now.get(), t);
        now.set(t);
        if (!d.isNegative()) {
            elapsedNanos.addAndGet(d.toNanos());
        }
    }

    /** The wall clock is stepped (NTP, an admin) by {@code d} either way; no time passes. */
    public void stepWallClock(Duration d) { now.updateAndGet(t -> t.plus(d)); }

    /** Elapsed time in nanoseconds, as {@link System#nanoTime()}: only differences mean anything. */
    public long nanos() { return elapsedNanos.get(); }

    @Override
    public Instant instant() { return now.get(); }

    @Override
    public ZoneId getZone() { return ZoneOffset.UTC; }

    @Override
    public Clock withZone(ZoneId zone) {
        if (zone.equals(ZoneOffset.UTC)) {
            return this;
        }
        throw new UnsupportedOperationException("AdjustableClock is UTC only");
    }
}
