package org.printmail.webconfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed values that let the log-in work without server-side state a flood could evict:
 * the log-in form's CSRF token (bound to a random nonce in the browser's pre-login cookie,
 * short-lived) and the known-browser cookie a successful log-in leaves (so strangers sharing
 * the admin's address cannot lock that browser out). HMAC-SHA256 with a random key kept
 * owner-only in the data folder, so known browsers stay known across restarts.
 */
final class LoginTokens {
    /** Set by a successful log-in; identifies a browser the administrator has used. */
    static final String KNOWN_COOKIE = "__Host-webconfig-known";
    static final Duration FORM_LIFETIME = Duration.ofMinutes(30);
    static final Duration KNOWN_LIFETIME = Duration.ofDays(180);
    private static final String PRE = "pre.";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** What the pre-login cookie carries: the form's nonce and the page first asked for. */
    record PreLogin(String nonce, String returnTo) { }

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;
    private final Clock clock;

    private LoginTokens(byte[] key, Clock clock) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.clock = clock;
    }

    static LoginTokens openOrCreate(Path file, Clock clock) {
        try {
            if (Files.exists(file)) {
                return new LoginTokens(Base64.getDecoder().decode(
                        Files.readString(file, StandardCharsets.US_ASCII).trim()), clock);
            }
            byte[] k = new byte[32];
            new SecureRandom().nextBytes(k);
            AdminPassword.write(file, Base64.getEncoder().encodeToString(k));
            return new LoginTokens(k, clock);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Web Config: cannot read or write its signing key "
                    + file.getFileName() + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** A pre-login cookie value: fresh nonce, and the page to return to (a known route). */
    String preLoginCookie(String returnTo) {
        return PRE + randomId() + (returnTo.isEmpty() ? ""
                : "." + B64.encodeToString(returnTo.getBytes(StandardCharsets.UTF_8)));
    }

    /** The pre-login cookie's content, if the value is one. */
    static Optional<PreLogin> preLogin(String cookieValue) {
        if (cookieValue == null || !cookieValue.startsWith(PRE)) {
            return Optional.empty();
        }
        String[] parts = cookieValue.substring(PRE.length()).split("\\.", -1);
        try {
            String back = parts.length > 1
                    ? new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    : "";
            return Optional.of(new PreLogin(parts[0], back));
        } catch (IllegalArgumentException e) {
            return Optional.of(new PreLogin(parts[0], ""));
        }
    }

    /** The log-in form's token: expiry and the nonce, signed for the log-in form only. */
    String formToken(String nonce) {
        long expires = clock.instant().plus(FORM_LIFETIME).getEpochSecond();
        return expires + "." + sign("login-form", expires + "." + nonce);
    }

    boolean formTokenValid(String token, String nonce) {
        return valid("login-form", token, nonce);
    }

    /** A new known-browser cookie value: expiry, random browser id, signature. */
    String knownBrowserValue() {
        String id = randomId();
        long expires = clock.instant().plus(KNOWN_LIFETIME).getEpochSecond();
        return expires + "." + id + "." + sign("known-browser", expires + "." + id);
    }

    /** The browser id of a valid known-browser cookie in a {@code Cookie} header. */
    Optional<String> knownBrowser(String cookieHeader) {
        String v = Sessions.cookieValue(cookieHeader, KNOWN_COOKIE);
        if (v == null) {
            return Optional.empty();
        }
        String[] parts = v.split("\\.", -1);
        if (parts.length != 3 || !valid("known-browser", parts[0] + "." + parts[2], parts[1])) {
            return Optional.empty();
        }
        return Optional.of(parts[1]);
    }

    String knownBrowserCookie(String value) {
        return KNOWN_COOKIE + "=" + value + "; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age="
                + KNOWN_LIFETIME.toSeconds();
    }

    /** {@code token} is {@code <expires>.<mac>} over {@code <expires>.<subject>}. */
    private boolean valid(String purpose, String token, String subject) {
        if (token == null || subject == null || subject.isEmpty()) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            return false;
        }
        long expires;
        try {
            expires = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        String expected = sign(purpose, expires + "." + subject);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))
                && clock.instant().getEpochSecond() < expires;
    }

    private String sign(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return B64.encodeToString(mac.doFinal((purpose + "|" + value)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private String randomId() {
        byte[] b = new byte[18];
        random.nextBytes(b);
        return B64.encodeToString(b);
    }
}
