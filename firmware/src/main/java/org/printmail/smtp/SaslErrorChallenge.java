package org.printmail.smtp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.printmail.i18n.Text;

/**
 * The SASL error challenge a server sends instead of 235/535 when it refuses a bearer token
 * (RFC 7628 section 3.2.2; Google's XOAUTH2): {@code 334 <base64 JSON>} with {@code status},
 * {@code schemes} and {@code scope}. Fields are server text, kept printable and bounded before
 * they reach a log line or a page.
 *
 * @param status what the server said of the token, e.g. "401" or "invalid_token"; "" if absent
 * @param scope  the scope the server asks for; "" if absent
 */
record SaslErrorChallenge(String status, String scope) {
    static final int FIELD_LIMIT = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The challenge in a {@code 334} reply line; empty when the line is not one. */
    static Optional<SaslErrorChallenge> parse(String reply) {
        String line = reply == null ? "" : reply.strip();
        if (!line.startsWith("334")) {
            return Optional.empty();
        }
        String payload = line.substring(3).strip();
        try {
            byte[] json = Base64.getDecoder().decode(payload);
            JsonNode root = JSON.readTree(new String(json, StandardCharsets.UTF_8));
            if (root == null || !root.isObject()) {
                return Optional.of(new SaslErrorChallenge("", ""));
            }
            return Optional.of(new SaslErrorChallenge(field(root, "status"), field(root, "scope")));
        } catch (IllegalArgumentException | JsonProcessingException e) {
            // Still a refusal (the server did not say 235); only its reason is unreadable.
            return Optional.of(new SaslErrorChallenge("", ""));
        }
    }

    /** For the job log: {@code status "401", scope "mail"}, or a plain note when unreadable. */
    Text describe() {
        if (status.isEmpty()) {
            return Text.of("smtp.challenge");
        }
        return scope.isEmpty() ? Text.of("smtp.challengeStatus", status)
                : Text.of("smtp.challengeStatusScope", status, scope);
    }

    private static String field(JsonNode root, String name) {
        JsonNode n = root.get(name);
        return n == null || !n.isValueNode() ? "" : printable(n.asText());
    }

    /** Letters, digits and a few separators only, at most {@link #FIELD_LIMIT} characters. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < FIELD_LIMIT; i++) {
            char c = text.charAt(i);
            boolean safe = c < 128 && (Character.isLetterOrDigit(c) || " ._-:/+=,".indexOf(c) >= 0);
            out.append(safe ? c : '?');
        }
        return out.toString();
    }
}
