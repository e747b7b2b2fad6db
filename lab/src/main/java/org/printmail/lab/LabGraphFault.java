package org.printmail.lab;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault the lab's Graph stand-in injects into its next {@code count} answers to one kind of
 * request, like {@link LabFault} for the identity platform.
 *
 * @param status     the HTTP status of {@link Kind#ERROR} (with Microsoft's error body)
 * @param code       the {@code error.code} of {@link Kind#ERROR}, e.g. {@code ErrorSendAsDenied}
 * @param retryAfter the {@code Retry-After} sent with an ERROR (whole seconds), ZERO for none
 * @param delay      how long {@link Kind#SLOW} waits (real time, at most 10 s)
 */
public record LabGraphFault(Target target, Kind kind, int count, int status, String code,
                            Duration retryAfter, Duration delay) {
    /** Which requests the fault applies to. */
    public enum Target { SEND_MAIL, DRAFT_LOOKUP, CREATE_DRAFT, ATTACHMENT, UPLOAD, SEND_DRAFT, DELETE_DRAFT, ANY }

    public enum Kind {
        /** An HTTP error with {@code {"error":{"code":..,"message":..,"innerError":{..}}}}. */
        ERROR,
        /** HTTP 2xx (the status the request would get), JSON content type, not JSON at all. */
        MALFORMED_JSON,
        /** HTTP 2xx, JSON content type, the body cut in the middle. */
        TRUNCATED_JSON,
        /** The connection dropped without an answer; an upload keeps the bytes read up to then. */
        CUT,
        /** The normal answer after {@code delay} of real time. */
        SLOW
    }

    public LabGraphFault {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(kind, "kind");
        if (count < 1) {
            throw new IllegalArgumentException("count: at least 1");
        }
        code = code == null ? "" : code;
        retryAfter = retryAfter == null ? Duration.ZERO : retryAfter;
        delay = delay == null ? Duration.ZERO : delay;
        if (delay.isNegative() || delay.compareTo(LabFault.MAX_DELAY) > 0) {
            throw new IllegalArgumentException("delay: 0.." + LabFault.MAX_DELAY);
        }
    }

    /** An HTTP error answer with Microsoft's error body. */
    public static LabGraphFault error(Target target, int count, int status, String code) {
        return new LabGraphFault(target, Kind.ERROR, count, status, code, Duration.ZERO, Duration.ZERO);
    }

    public static LabGraphFault throttled(Target target, int count, int status, Duration retryAfter) {
        return new LabGraphFault(target, Kind.ERROR, count, status,
                status == 429 ? "ApplicationThrottled" : "ServiceUnavailable", retryAfter, Duration.ZERO);
    }

    public static LabGraphFault of(Target target, Kind kind, int count) {
        return new LabGraphFault(target, kind, count, 0, "", Duration.ZERO, Duration.ZERO);
    }

    public static LabGraphFault slow(Target target, int count, Duration delay) {
        return new LabGraphFault(target, Kind.SLOW, count, 0, "", Duration.ZERO, delay);
    }
}
