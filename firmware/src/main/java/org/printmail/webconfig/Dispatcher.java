package org.printmail.webconfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point of every request: exact-match routing, session and log-in checks, the
 * CSRF check on every POST, security headers on every answer, and a generic error page instead
 * of a stack trace.
 */
final class Dispatcher implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    static final String LOGIN = "/login";
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /** Who may reach a route. */
    enum Access { PUBLIC, ADMIN, API }

    private record Entry(Access access, Route route) { }

    private final Map<String, Entry> routes = new HashMap<>();
    private final Map<String, Response> statics = new HashMap<>();
    private final Sessions sessions;
    private final Layout layout;

    Dispatcher(Sessions sessions, Layout layout) {
        this.sessions = sessions;
        this.layout = layout;
    }

    void get(String path, Access access, Route route) { routes.put("GET " + path, new Entry(access,
            route)); }

    void post(String path, Access access, Route route) { routes.put("POST " + path,
            new Entry(access, route)); }

    void staticResource(String path, String contentType, byte[] content) {
        statics.put(path, new Response(200, contentType, content, Map.of()));
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Response r;
            try {
                r = dispatch(ex);
            } catch (RuntimeException e) {
                // Class name only: exception messages could carry request data.
                LOG.warn("Web Config request {} failed: {}", ex.getRequestURI().getRawPath(),
                        e.getClass().getName());
                r = layout.problem(500, "Something went wrong",
                        "Reload the page. If it happens again, restart the device.");
            }
            write(ex, r);
        }
    }

    private Response dispatch(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        URI uri = ex.getRequestURI();
        String path = uri.getRawPath();
        if (!method.equals("GET") && !method.equals("POST")) {
            return layout.problem(405, "Method not allowed", "");
        }
        if (method.equals("GET") && statics.containsKey(path)) {
            return statics.get(path).withHeader("Cache-Control", "no-cache");
        }
        Entry entry = routes.get(method + " " + path);
        if (entry == null) {
            return layout.problem(404, "Page not found", "Use the menu to open a page.");
        }
        Optional<Session> found = sessions.find(ex.getRequestHeaders().getFirst("Cookie"));
        String client = ex.getRemoteAddress().getAddress().getHostAddress();
        Map<String, String> query = FormParser.urlEncoded(uri.getRawQuery());

        if (entry.access() != Access.PUBLIC && found.map(s -> !s.admin()).orElse(true)) {
            if (method.equals("POST")) {
                discardBody(ex);
            }
            return notLoggedIn(entry.access(), method, path, found);
        }
        Form form = Form.EMPTY;
        if (method.equals("POST")) {
            if (!sameOrigin(ex.getRequestHeaders())) {
                discardBody(ex);
                return refused();
            }
            try (InputStream in = ex.getRequestBody()) {
                form = FormParser.parse(ex.getRequestHeaders().getFirst("Content-Type"), in);
            } catch (FormParser.BadBody e) {
                return layout.problem(e.status, "The form could not be read", e.getMessage());
            }
            if (found.isEmpty() || !Sessions.csrfMatches(found.get(),
                    form.fields().get(Layout.CSRF_FIELD))) {
                return refused();
            }
        }
        Session session = found.orElse(null);
        Response response = entry.route().handle(new Request(method, path, query, form, session,
                client));
        return response;
    }

    private Response notLoggedIn(Access access, String method, String path,
            Optional<Session> found) {
        if (access == Access.API) {
            return new Response(401, "application/json",
                    "{\"error\":\"login required\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
        }
        Session anon = found.orElseGet(() -> sessions.create(false));
        if (method.equals("GET")) {
            anon.returnTo(path); // a known route path, never a caller-supplied URL
        }
        Response r = Response.redirect(LOGIN);
        return found.isPresent() ? r : r.withHeader("Set-Cookie", sessions.setCookie(anon));
    }

    private Response refused() {
        return layout.problem(403, "Request refused",
                "The form had expired or did not come from this page. Reload the page and try again.");
    }

    /** Defence in depth beside the token: a browser's Origin, when sent, must be this server. */
    private static boolean sameOrigin(Headers h) {
        String origin = h.getFirst("Origin");
        String host = h.getFirst("Host");
        return origin == null || (host != null && origin.equalsIgnoreCase("https://" + host));
    }

    private static void write(HttpExchange ex, Response r) throws IOException {
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", r.contentType());
        h.set("Content-Security-Policy", CSP);
        h.set("X-Frame-Options", "DENY");
        h.set("X-Content-Type-Options", "nosniff");
        // "same-origin", not "no-referrer": the latter makes browsers send "Origin: null" on our own forms.
        h.set("Referrer-Policy", "same-origin");
        h.set("Cross-Origin-Opener-Policy", "same-origin");
        h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        h.set("Strict-Transport-Security", "max-age=31536000");
        h.set("Cache-Control", "no-store");
        r.headers().forEach(h::set);
        byte[] body = r.body();
        try {
            ex.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        } finally {
            ex.close(); // also for empty bodies (redirects): an unclosed exchange stalls the connection
        }
    }

    /**
     * A POST refused before its form was read: read the body now (bounded), or close the
     * connection, so it is never taken for the next request on a kept-alive connection.
     */
    private static void discardBody(HttpExchange ex) {
        try (InputStream in = ex.getRequestBody()) {
            if (in.readNBytes((int) MAX_LEFTOVER).length >= MAX_LEFTOVER) {
                ex.getResponseHeaders().set("Connection", "close");
            }
        } catch (IOException e) {
            ex.getResponseHeaders().set("Connection", "close");
        }
    }

    private static final long MAX_LEFTOVER = 300 * 1024;
}
