package org.printmail.smtp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Keeps the bearer token (and its XOAUTH2 base64 form) out of every string we pass on, even when
 * a server echoes what it received.
 */
final class Redactor {
    static final Redactor NONE = new Redactor(List.of());
    private static final String MARK = "[redacted]";

    private final List<String> secrets;

    private Redactor(List<String> secrets) { this.secrets = secrets; }

    static Redactor forToken(String username, String token) {
        if (token == null || token.isEmpty()) {
            return NONE;
        }
        return new Redactor(List.of(token, xoauth2Payload(username, token)));
    }

    /** The SASL XOAUTH2 initial response, exactly as Angus sends it. */
    static String xoauth2Payload(String username, String token) {
        String raw = "user=" + username + "\u0001auth=Bearer " + token + "\u0001\u0001";
        return Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    String clean(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MARK);
        }
        return out;
    }

    boolean leaksInto(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && !clean(m).equals(m)) {
                return true;
            }
        }
        return false;
    }

    /** The cause to attach: the original unless a message in its chain holds a secret. */
    Throwable safeCause(Throwable t) {
        return t == null || leaksInto(t) ? null : t;
    }
}
