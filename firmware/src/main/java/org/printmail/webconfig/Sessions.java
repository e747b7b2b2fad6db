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
 * Server-side sessions keyed by random 256-bit ids, with an idle timeout and a cap (oldest
 * evicted first) so anonymous visitors cannot exhaust the device's memory.
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
        String id = cookieValue(cookieHeader);
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

    Session create(boolean admin) {
        if (byId.size() >= MAX_SESSIONS) {
            evictOldest();
        }
        Session s = new Session(randomToken(), randomToken(), admin, clock.instant());
        byId.put(s.id(), s);
        return s;
    }

    /** Ends the old session and starts a logged-in one with a fresh id and CSRF token. */
    Session promote(Session anonymous) {
        byId.remove(anonymous.id());
        Session s = create(true);
        s.returnTo(anonymous.returnTo());
        return s;
    }

    void invalidate(Session s) { byId.remove(s.id()); }

    /** After a password change: every other session ends, this one continues under a new id. */
    Session invalidateAllBut(Session keep) {
        byId.clear();
        Session s = create(true);
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

    /** Anonymous sessions go first, so a flood of log-in page visits cannot end an admin's session. */
    private void evictOldest() {
        Comparator<Session> order = Comparator.comparing(Session::admin).thenComparing(Session::lastSeen);
        byId.values().stream().min(order).ifPresent(this::invalidate);
    }

    private String randomToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String cookieValue(String header) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String p = part.trim();
            if (p.startsWith(COOKIE + "=")) {
                return p.substring(COOKIE.length() + 1);
            }
        }
        return null;
    }
}
