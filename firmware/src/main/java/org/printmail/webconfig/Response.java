package org.printmail.webconfig;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a route answers: status, body and extra headers (the dispatcher adds security headers). */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
    Response {
        headers = Map.copyOf(headers);
    }

    static Response html(int status, String page) {
        return new Response(status, "text/html; charset=utf-8",
                page.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Response html(String page) { return html(200, page); }

    static Response json(String json) {
        return new Response(200, "application/json", json.getBytes(StandardCharsets.UTF_8),
                Map.of());
    }

    /** 303 See Other: every POST answers with a redirect, so reloading never re-submits. */
    static Response redirect(String path) {
        return new Response(303, "text/plain; charset=utf-8", new byte[0], Map.of("Location",
                path));
    }

    Response withStatus(int newStatus) { return new Response(newStatus, contentType, body,
            headers); }

    /**
     * Adds a {@code Set-Cookie} header; an answer may set several (stored under
     * {@code Set-Cookie;2}, ... and written under the plain name).
     */
    Response withCookie(String setCookie) {
        String name = "Set-Cookie";
        for (int n = 2; headers.containsKey(name); n++) {
            name = "Set-Cookie;" + n;
        }
        return withHeader(name, setCookie);
    }

    Response withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Response(status, contentType, body, h);
    }
}
