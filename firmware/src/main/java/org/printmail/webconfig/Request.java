package org.printmail.webconfig;

import java.util.Map;

import org.printmail.i18n.Language;
import org.printmail.i18n.Messages;

/**
 * One request as the pages see it. {@code session} is never null for admin routes (the
 * dispatcher has checked it is logged in) and for POSTs (the CSRF token was checked), except
 * the log-in form's POST, which checks its own signed token. {@code cookies} is the raw
 * {@code Cookie} header (may be null). {@code language} is the admin's: the Web Config switch
 * when used, else the browser's {@code Accept-Language}, else English.
 */
record Request(String method, String path, Map<String, String> query, Form form, Session session,
               String client, String cookies, Language language) {
    /** The catalogue in the language this admin reads Web Config in. */
    Messages messages() { return Messages.of(language); }

    /** {@code messages().text(key, args)}. */
    String t(String key, Object... args) { return messages().text(key, args); }

    String param(String name) {
        String v = query.get(name);
        return v == null ? "" : v;
    }
}
