package org.printmail.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.nimbusds.common.contenttype.ContentType;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;

/**
 * One error reply of the Microsoft identity platform, kept for diagnostics. Only the machine
 * fields are read: {@code error_description} is deliberately dropped so nothing can branch on it.
 *
 * @param codes the AADSTS numbers of {@code error_codes}
 */
record IdentityError(int httpStatus, String error, List<Integer> codes, String traceId,
                     String correlationId, String timestamp) {
    // Keeps fields echoed into logs and status pages to plain identifiers (no log injection).
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.:+ -]{1,64}");

    IdentityError {
        codes = List.copyOf(codes);
    }

    /**
     * The error object of a JSON error reply; empty when the reply is not one (HTML from a proxy,
     * a truncated body), which the caller must treat as transient, never as a verdict.
     */
    static Optional<IdentityError> parse(HTTPResponse response) {
        ContentType type = response.getEntityContentType();
        String body = response.getBody();
        if (type == null || !type.matches(ContentType.APPLICATION_JSON) || body == null) {
            return Optional.empty();
        }
        try {
            return fromJson(response.getStatusCode(), JSONObjectUtils.parse(body));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    static Optional<IdentityError> fromJson(int status, JSONObject json) {
        if (!(json.get("error") instanceof String error) || !SAFE.matcher(error).matches()) {
            return Optional.empty();
        }
        List<Integer> codes = new ArrayList<>();
        if (json.get("error_codes") instanceof JSONArray array) {
            for (Object o : array) {
                if (o instanceof Number n) {
                    codes.add(n.intValue());
                }
            }
        }
        return Optional.of(new IdentityError(status, error, codes, safe(json.get("trace_id")),
                safe(json.get("correlation_id")), safe(json.get("timestamp"))));
    }

    boolean hasCode(int aadsts) { return codes.contains(aadsts); }

    boolean is(String errorCode) { return error.equals(errorCode); }

    /** One line for support: error, AADSTS codes, trace and correlation ids. */
    String diagnostics() {
        StringBuilder b = new StringBuilder("HTTP ").append(httpStatus).append(' ').append(error);
        for (int c : codes) {
            b.append(" AADSTS").append(c);
        }
        if (!traceId.isEmpty()) {
            b.append(" trace_id=").append(traceId);
        }
        if (!correlationId.isEmpty()) {
            b.append(" correlation_id=").append(correlationId);
        }
        if (!timestamp.isEmpty()) {
            b.append(" at ").append(timestamp);
        }
        return b.toString();
    }

    /** AADSTS codes for messages, e.g. "AADSTS700082" or "error invalid_grant" when none. */
    String label() {
        return codes.isEmpty() ? "error " + error : "AADSTS" + codes.get(0) + ", " + error;
    }

    private static String safe(Object value) {
        return value instanceof String s && SAFE.matcher(s).matches() ? s : "";
    }
}
