package org.printmail.time;

import java.time.Duration;

/**
 * Elapsed time for durations (token lifetimes, backoff, keep-alive, the sign-in code's countdown,
 * lockouts). Unlike the wall {@link java.time.Clock} it does not move when the real-time clock is
 * stepped: a printer often boots with a wrong clock that NTP corrects hours or days later. The
 * wall clock stays in use for display, logs and what is persisted across reboots.
 */
@FunctionalInterface
public interface MonotonicClock {
    /** {@link System#nanoTime()}: only differences between readings mean anything. */
    MonotonicClock SYSTEM = System::nanoTime;

    /** Nanoseconds from an arbitrary origin fixed for the life of the process. */
    long nanos();

    /** Time elapsed since an earlier reading of this clock. */
    default Duration since(long earlierNanos) { return Duration.ofNanos(nanos() - earlierNanos); }

    /** The reading {@code d} from now (saturating, so a huge duration cannot wrap around). */
    default long after(Duration d) {
        long now = nanos();
        long add = saturatedNanos(d);
        long sum = now + add;
        return ((now ^ sum) & (add ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    /** Nanoseconds of the duration, capped at about 292 years either way. */
    static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
        }
    }
}
