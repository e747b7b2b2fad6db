package org.printmail.graph;

import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One HTTP answer from Graph as the transport reads it: status, the parsed JSON body (a missing
 * node when the body was empty), {@code error.code} of an error body, and {@code Retry-After}.
 */
record GraphReply(int status, JsonNode body, String errorCode, Optional<Duration> retryAfter,
                  Optional<String> location) {
    boolean ok() { return status >= 200 && status < 300; }

    /** e.g. {@code HTTP 403 ErrorSendAsDenied}: Microsoft's words, never a token. */
    String describe() {
        return "HTTP " + status + (errorCode.isEmpty() ? "" : " " + errorCode);
    }
}
