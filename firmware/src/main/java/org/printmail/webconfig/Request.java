package org.printmail.webconfig;

import java.util.Map;

/**
 * One request as the pages see it. {@code session} is never null for admin routes (the
 * dispatcher has checked it is logged in) and for POSTs (the CSRF token was checked), except
 * the log-in form's POST, which checks its own signed token. {@code cookies} is the raw
 * {@code Cookie} header (may be null).
 */
record Request(String method, String path, Map<String, String> query, Form form, Session session,
               String client, String cookies) {
    String param(String name) {
        String v = query.get(name);
        return v == null ? "" : v;
    }
}
