package org.printmail.auth;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

import org.printmail.config.ProxyRoute;
import org.printmail.time.MonotonicClock;
import org.printmail.time.Sleeper;

/**
 * Tunables of the account manager, validated on construction.
 *
 * @param tokenMargin            an access token is refreshed when less than this is left (10 min);
 *                               capped at half the token's lifetime so short-lived tokens still cache
 * @param keepAliveAfter         refresh an account whose refresh token is unused this long (14 d)
 * @param refreshInactivityLimit Microsoft's refresh-token MaxInactiveTime (90 d), for days left
 * @param backoffBase            first wait after a transient failure (doubles per failure)
 * @param backoffCap             longest wait between attempts (a Retry-After is honoured beyond
 *                               it, up to one hour)
 * @param keepAliveCheckEvery    how often the built-in scheduler runs keep-alive; zero turns the
 *                               scheduler off (the caller then calls {@code runKeepAlive()})
 * @param requestIdToken         add {@code openid profile} to the sign-in scopes so the id_token
 *                               names the signed-in account (as MSAL does)
 * @param sleeper                how the device-code poll loop waits
 * @param monotonic              elapsed time for every duration (expiry, backoff, keep-alive,
 *                               the code's countdown), immune to wall-clock steps
 * @param proxy                  the office proxy for sign-in and refresh, read on every call
 */
public record AuthOptions(Duration tokenMargin, Duration keepAliveAfter,
                          Duration refreshInactivityLimit, Duration backoffBase,
                          Duration backoffCap, Duration keepAliveCheckEvery,
                          boolean requestIdToken, Sleeper sleeper,
                          MonotonicClock monotonic, Supplier<ProxyRoute> proxy) {
    public AuthOptions {
        notNegative("tokenMargin", tokenMargin);
        positive("keepAliveAfter", keepAliveAfter);
        positive("refreshInactivityLimit", refreshInactivityLimit);
        positive("backoffBase", backoffBase);
        positive("backoffCap", backoffCap);
        notNegative("keepAliveCheckEvery", keepAliveCheckEvery);
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(monotonic, "monotonic");
        Objects.requireNonNull(proxy, "proxy");
        if (backoffCap.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("backoffCap: must not be shorter than backoffBase");
        }
    }

    public static AuthOptions defaults() {
        return new AuthOptions(Duration.ofMinutes(10), Duration.ofDays(14), Duration.ofDays(90),
                Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofHours(1), true,
                Sleeper.SYSTEM, MonotonicClock.SYSTEM, () -> ProxyRoute.DIRECT);
    }

    public AuthOptions withTokenMargin(Duration d) {
        return new AuthOptions(d, keepAliveAfter, refreshInactivityLimit, backoffBase, backoffCap,
                keepAliveCheckEvery, requestIdToken, sleeper, monotonic, proxy);
    }

    public AuthOptions withKeepAliveAfter(Duration d) {
        return new AuthOptions(tokenMargin, d, refreshInactivityLimit, backoffBase, backoffCap,
                keepAliveCheckEvery, requestIdToken, sleeper, monotonic, proxy);
    }

    public AuthOptions withBackoff(Duration base, Duration cap) {
        return new AuthOptions(tokenMargin, keepAliveAfter, refreshInactivityLimit, base, cap,
                keepAliveCheckEvery, requestIdToken, sleeper, monotonic, proxy);
    }

    public AuthOptions withKeepAliveCheckEvery(Duration d) {
        return new AuthOptions(tokenMargin, keepAliveAfter, refreshInactivityLimit, backoffBase,
                backoffCap, d, requestIdToken, sleeper, monotonic, proxy);
    }

    public AuthOptions withRequestIdToken(boolean on) {
        return new AuthOptions(tokenMargin, keepAliveAfter, refreshInactivityLimit, backoffBase,
                backoffCap, keepAliveCheckEvery, on, sleeper, monotonic, proxy);
    }

    public AuthOptions withSleeper(Sleeper s) {
        return new AuthOptions(tokenMargin, keepAliveAfter, refreshInactivityLimit, backoffBase,
                backoffCap, keepAliveCheckEvery, requestIdToken, s, monotonic, proxy);
    }

    public AuthOptions withMonotonic(MonotonicClock m) {
        return new AuthOptions(tokenMargin, keepAliveAfter, refreshInactivityLimit, backoffBase,
                backoffCap, keepAliveCheckEvery, requestIdToken, sleeper, m, proxy);
    }

    public AuthOptions withProxy(Supplier<ProxyRoute> p) {
        return new AuthOptions(tokenMargin, keepAliveAfter, refreshInactivityLimit, backoffBase,
                backoffCap, keepAliveCheckEvery, requestIdToken, sleeper, monotonic, p);
    }

    private static void positive(String field, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + ": must be a positive duration, was " + d);
        }
    }

    private static void notNegative(String field, Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(field + ": must not be negative, was " + d);
        }
    }
}
