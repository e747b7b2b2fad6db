package org.printmail.lab;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault the lab identity platform injects into its next {@code count} responses.
 *
 * @param kind       what goes wrong
 * @param count      how many responses it applies to (at least 1)
 * @param retryAfter the {@code Retry-After} of {@link Kind#HTTP_429} (whole seconds), else ZERO
 * @param delay      how long {@link Kind#SLOW} waits (real time, at most 10 s), else ZERO
 */
public record LabFault(Kind kind, int count, Duration retryAfter, Duration delay) {
    /** Longest real-time delay a SLOW fault may ask for, so a test can never hang on it. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(10);

    public enum Kind {
        /** HTTP 500 with an AADSTS error body ({@code server_error}). */
        HTTP_500,
        /** HTTP 503 with an AADSTS error body ({@code temporarily_unavailable}). */
        HTTP_503,
        /** HTTP 429 with {@code Retry-After} and a throttling error body. */
        HTTP_429,
        /** HTTP 200, JSON content type, body is not JSON at all. */
        MALFORMED_JSON,
        /** HTTP 200, JSON content type, body cut in the middle. */
        TRUNCATED_JSON,
        /** HTTP 502 with a text/html error page (a proxy or gateway answering). */
        HTML_ERROR_PAGE,
        /** The normal response, but only after {@code delay} of real time. */
        SLOW,
        /**
         * The grant is performed (refresh rotated, new tokens recorded; device code redeemed),
         * then the connection is dropped without any response.
         */
        CUT_AFTER_ROTATE,
        /** A successful refresh response without {@code refresh_token} (client keeps the old). */
        OMIT_REFRESH_TOKEN
    }

    public LabFault {
        Objects.requireNonNull(kind, "kind");
        if (count < 1) {
            throw new IllegalArgumentException("count: at least 1, was " + count);
        }
        retryAfter = retryAfter == null ? Duration.ZERO : retryAfter;
        delay = delay == null ? Duration.ZERO : delay;
        if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("delay: 0.." + MAX_DELAY + ", was " + delay);
        }
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter: must not be negative");
        }
    }

    /** A fault without parameters (500, 503, malformed, truncated, HTML, cut, omit). */
    public static LabFault of(Kind kind, int count) {
        return new LabFault(kind, count, Duration.ZERO, Duration.ZERO);
    }

    public static LabFault tooManyRequests(int count, Duration retryAfter) {
        return new LabFault(Kind.HTTP_429, count, retryAfter, Duration.ZERO);
    }

    public static LabFault slow(int count, Duration delay) {
        return new LabFault(Kind.SLOW, count, Duration.ZERO, delay);
    }
}
