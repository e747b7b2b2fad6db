package org.printmail.webconfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side sessions of the logged-in administrator, keyed by random 256-bit ids, with an
 * idle timeout and a cap (oldest evicted first). The log-in form needs no session
 * ({@link LoginTokens}), so visitors who have not logged in create none.
 */
final class Sessions {
    /** {@code __Host-} makes the browser insist on Secure, Path=/ and no Domain. */
    static final String COOKIE = "__Host-webconfig";
    private static final int MAX_SESSIONS = 256;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idleTimeout;

    Sessions(Clock clock, Duration idleTimeout) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
    }

    /** The live session named by the request's cookie header, touched; empty if none or idle too long. */
    Optional<Session> find(String cookieHeader) {
        String id = cookieValue(cookieHeader, COOKIE);
        if (id == null) {
            return Optional.empty();
        }
        Session s = byId.get(id);
        if (s == null) {
            return Optional.empty();
        }
        if (s.lastSeen().plus(idleTimeout).isBefore(clock.instant())) {
            byId.remove(id);
            return Optional.empty();
        }
        s.touch(clock.instant());
        return Optional.of(s);
    }

    /** A logged-in session with a fresh id and CSRF token (log-in keeps no planted id). */
    Session create() {
        if (byId.size() >= MAX_SESSIONS) {
            evictOldest();
        }
        Session s = new Session(randomToken(), randomToken(), true, clock.instant());
        byId.put(s.id(), s);
        return s;
    }

    void invalidate(Session s) { byId.remove(s.id()); }

    void invalidateAll() { byId.clear(); }

    /** After a password change: every other session ends, this one continues under a new id. */
    Session invalidateAllBut(Session keep) {
        byId.clear();
        Session s = create();
        s.returnTo(keep.returnTo());
        return s;
    }

    String setCookie(Session s) {
        return COOKIE + "=" + s.id() + "; Path=/; Secure; HttpOnly; SameSite=Strict";
    }

    String clearCookie() {
        return COOKIE + "=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0";
    }

    /** Constant-time comparison of the form's token with the session's. */
    static boolean csrfMatches(Session s, String submitted) {
        return submitted != null
                && MessageDigest.isEqual(s.csrfToken().getBytes(StandardCharsets.US_ASCII),
                submitted.getBytes(StandardCharsets.US_ASCII));
    }

    /** Only a right password creates a session, so the cap is never reached by strangers. */
    private void evictOldest() {
        byId.values().stream().min(Comparator.comparing(Session::lastSeen))
                .ifPresent(this::invalidate);
    }

    private String randomToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The value of cookie {@code name} in a {@code Cookie} request header, or null. */
    static String cookieValue(String header, String name) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String p = part.trim();
            if (p.startsWith(name + "=")) {
                return p.substring(name.length() + 1);
            }
        }
        return null;
    }
}
