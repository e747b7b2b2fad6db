package org.printmail.lab;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Microsoft identity platform error response: {@code error}, the AADSTS code and its text.
 * {@link #body} renders it with every field Microsoft sends: error_description (with the trace
 * id, correlation id and timestamp lines), error_codes, timestamp, trace_id, correlation_id and
 * error_uri.
 */
record AadError(int status, String error, int code, String description) {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    static final AadError PENDING = new AadError(400, "authorization_pending", 70016,
            "OAuth 2.0 device flow error. Authorization is pending. Continue polling.");
    /** Not documented by Microsoft; the lab keeps the pending code (see docs/lab.md). */
    static final AadError SLOW_DOWN = new AadError(400, "slow_down", 70016,
            "OAuth 2.0 device flow error. Polling too frequently; wait 5 seconds longer.");
    /** The user cancelled on the consent page: AADSTS65004 UserDeclinedConsent. */
    static final AadError DECLINED = new AadError(400, "authorization_declined", 65004,
            "User declined to consent to access the app.");
    /** Microsoft's code for an unknown device_code is unconfirmed; 9002313 chosen. */
    static final AadError BAD_CODE = new AadError(400, "bad_verification_code", 9002313,
            "Invalid request. Request is malformed or invalid. The provided value for the input "
                    + "parameter 'device_code' is not valid.");
    static final AadError ALREADY_REDEEMED = new AadError(400, "invalid_grant", 54005,
            "OAuth2 Authorization code was already redeemed, please retry with a new valid code "
                    + "or use an existing refresh token.");
    static final AadError BAD_REFRESH_TOKEN = new AadError(400, "invalid_grant", 9002313,
            "Invalid request. Request is malformed or invalid.");
    static final AadError GRANT_OF_OTHER_CLIENT = new AadError(400, "invalid_grant", 70000,
            "Provided grant is invalid or malformed.");
    static final AadError SERVER_ERROR = new AadError(500, "server_error", 50000,
            "There was an error issuing a token or an issue with our sign-in service.");
    static final AadError UNAVAILABLE = new AadError(503, "temporarily_unavailable", 90033,
            "A transient error has occurred. Please try again.");
    static final AadError THROTTLED = new AadError(429, "temporarily_unavailable", 90055,
            "There are too many incoming requests. Please try again later.");
    static final AadError POST_ONLY = new AadError(400, "invalid_request", 900561,
            "The endpoint only accepts POST requests.");

    static AadError expired(String error) {
        return new AadError(400, error, 70020, "The provided value for the input parameter "
                + "'device_code' is not valid. This device code has expired.");
    }

    static AadError missingParameter(String name) {
        return new AadError(400, "invalid_request", 900144,
                "The request body must contain the following parameter: '" + name + "'.");
    }

    static AadError unsupportedGrant(String grantType) {
        return new AadError(400, "unsupported_grant_type", 70003,
                "The app requested an unsupported grant type '" + grantType + "'.");
    }

    static AadError invalidScope(String detail) {
        return new AadError(400, "invalid_scope", 70011, "The provided request must include a "
                + "'scope' input parameter. The provided value for the input parameter 'scope' "
                + "is not valid. " + detail);
    }

    static AadError inactive(String issuedOn, String inactiveFor) {
        return new AadError(400, "invalid_grant", 700082, "The refresh token has expired due to "
                + "inactivity. The token was issued on " + issuedOn + " and was inactive for "
                + inactiveFor + ".");
    }

    /** The JSON object, fields in Microsoft's order. */
    Map<String, Object> body(Clock clock, String traceId, String correlationId) {
        String timestamp = TIMESTAMP.format(clock.instant());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", error);
        m.put("error_description", "AADSTS" + code + ": " + description
                + "\r\nTrace ID: " + traceId + "\r\nCorrelation ID: " + correlationId
                + "\r\nTimestamp: " + timestamp);
        m.put("error_codes", List.of(code));
        m.put("timestamp", timestamp);
        m.put("trace_id", traceId);
        m.put("correlation_id", correlationId);
        m.put("error_uri", "https://login.microsoftonline.com/error?code=" + code);
        return m;
    }

    static String timestamp(java.time.Instant t) { return TIMESTAMP.format(t); }
}
