package org.printmail.webconfig;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One logged-in browser's server-side session, created by a right password with a fresh id and
 * CSRF token, so a planted id is useless.
 */
final class Session {
    private final String id;
    private final String csrfToken;
    private final boolean admin;
    private volatile Instant lastSeen;
    private volatile String returnTo = "";
    private volatile Notice flash;
    /** Per-page state that must survive a redirect: form drafts, connection test results. */
    private final Map<String, Object> pageState = new ConcurrentHashMap<>();

    Session(String id, String csrfToken, boolean admin, Instant now) {
        this.id = id;
        this.csrfToken = csrfToken;
        this.admin = admin;
        this.lastSeen = now;
    }

    String id() { return id; }

    String csrfToken() { return csrfToken; }

    boolean admin() { return admin; }

    Instant lastSeen() { return lastSeen; }

    void touch(Instant now) { lastSeen = now; }

    String returnTo() { return returnTo; }

    void returnTo(String path) { returnTo = path; }

    /** A one-time message shown on the next page (Post/Redirect/Get). */
    void flash(Notice notice) { flash = notice; }

    Optional<Notice> takeFlash() {
        Notice n = flash;
        flash = null;
        return Optional.ofNullable(n);
    }

    @SuppressWarnings("unchecked")
    <T> Optional<T> state(String key) { return Optional.ofNullable((T) pageState.get(key)); }

    void state(String key, Object value) {
        if (value == null) {
            pageState.remove(key);
        } else {
            pageState.put(key, value);
        }
    }

    @Override
    public String toString() { return "Session[admin=" + admin + "]"; }
}
