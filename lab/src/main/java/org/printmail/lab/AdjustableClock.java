package org.printmail.lab;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests (and the lab) move by hand, shared by the device under test and the lab services
 * so expiry, keep-alive and backoff are exercised without waiting.
 */
public final class AdjustableClock extends Clock {
    private final AtomicReference<Instant> now;

    public AdjustableClock(Instant start) { this.now = new AtomicReference<>(start); }

    public static AdjustableClock startingAt(String isoInstant) {
        return new AdjustableClock(Instant.parse(isoInstant));
    }

    public void advance(Duration d) { now.updateAndGet(t -> t.plus(d)); }

    public void set(Instant t) { now.set(t); }

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
