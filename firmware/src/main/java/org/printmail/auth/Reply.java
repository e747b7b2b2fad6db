package org.printmail.auth;

import java.time.Duration;
import java.util.Optional;

import org.printmail.codes.JobCode;
import org.printmail.i18n.Text;

/** What one call to the identity platform came back with. */
sealed interface Reply<T> permits Reply.Granted, Reply.Rejected, Reply.Unreachable {

    /** A success response, parsed. */
    record Granted<T>(T value) implements Reply<T> { }

    /** An OAuth error object the platform really sent (HTTP 4xx with Microsoft's error JSON). */
    record Rejected<T>(IdentityError error) implements Reply<T> { }

    /**
     * No verdict: connection failure, timeout, 5xx, 429, or a reply that could not be parsed.
     * Tokens are never touched on this outcome.
     *
     * @param retryAfter the server's Retry-After, when it sent one
     * @param code       375, or 377 when the office proxy refused the device's credentials
     */
    record Unreachable<T>(Text reason, Optional<Duration> retryAfter, JobCode code)
            implements Reply<T> {
        Unreachable(Text reason, Optional<Duration> retryAfter) {
            this(reason, retryAfter, JobCode.IDENTITY_UNREACHABLE);
        }
    }
}
