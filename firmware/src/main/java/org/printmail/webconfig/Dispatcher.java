package org.printmail.webconfig;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.printmail.i18n.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point of every request: exact-match routing, session and log-in checks, the
 * CSRF check on every POST, security headers on every answer, and a generic error page instead
 * of a stack trace.
 */
final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    static final String LOGIN = "/login";
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /**
     * Who may reach a route. {@code LOGIN_FORM}: a public POST that carries no session; its
     * route checks the form's signed token itself ({@link LoginTokens}).
     */
    enum Access { PUBLIC, LOGIN_FORM, ADMIN, API }

    private record Entry(Access access, Route route) { }

    private final Map<String, Entry> routes = new HashMap<>();
    private final Map<String, Response> statics = new HashMap<>();
    private final Sessions sessions;
    private final LoginTokens tokens;
    private final Layout layout;

    Dispatcher(Sessions sessions, LoginTokens tokens, Layout layout) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.layout = layout;
        get(LanguageSwitch.PATH, Access.PUBLIC, r -> LanguageSwitch.answer(r, this::isPage));
    }

    /**
     * The language of a request: the Web Config switch's cookie when it names a language the
     * device has, else the browser's {@code Accept-Language}, else English.
     */
    static Language language(String cookieHeader, String acceptLanguage) {
        return LanguageSwitch.chosen(cookieHeader).orElseGet(() -> Language.negotiate(acceptLanguage));
    }

    /** Whether {@code path} is a page (public or admin) a browser may be sent back to. */
    boolean isPage(String path) {
        Entry e = routes.get("GET " + path);
        return e != null && (e.access() == Access.PUBLIC || e.access() == Access.ADMIN)
                && !path.equals(LanguageSwitch.PATH);
    }

    /** Whether {@code path} is an admin page a browser may be sent back to after log-in. */
    boolean isAdminPage(String path) {
        Entry e = routes.get("GET " + path);
        return e != null && e.access() == Access.ADMIN;
    }

    void get(String path, Access access, Route route) { routes.put("GET " + path, new Entry(access,
            route)); }

    void post(String path, Access access, Route route) { routes.put("POST " + path,
            new Entry(access, route)); }

    void staticResource(String path, String contentType, byte[] content) {
        statics.put(path, new Response(200, contentType, content, Map.of()));
    }

    /**
     * What the HTTP server hands over: the request head, and the body, read on demand with the
     * server's size and time limits.
     */
    interface Exchange {
        String method();

        String rawPath();

        String rawQuery();

        String header(String name);

        String client();

        /** The body, at most {@code max} bytes; {@link FormParser.BadBody} when larger or late. */
        byte[] body(int max) throws FormParser.BadBody;
    }

    /** The answer to one request; never throws, never shows an exception. */
    Response answer(Exchange ex) {
        Language language = Language.ENGLISH;
        try {
            language = language(ex.header("Cookie"), ex.header("Accept-Language"));
            return dispatch(ex, language);
        } catch (RuntimeException e) {
            // Class name only: exception messages could carry request data.
            LOG.warn("Web Config request {} failed: {}", ex.rawPath(), e.getClass().getName());
            return layout.problem(language, ex.rawPath(), 500, "webconfig.problem.failed",
                    "webconfig.problem.failed.remedy");
        }
    }

    /** The page for an error the server found before any route ran (malformed request, etc.). */
    Response serverError(int status, Language language) {
        if (status == 404) {
            return notFound(language, "");
        }
        if (status >= 500) {
            return layout.problem(language, "", status, "webconfig.problem.failed",
                    "webconfig.problem.failed.remedy");
        }
        return layout.problem(language, "", status, "webconfig.problem.unreadable",
                "webconfig.problem.unreadable.remedy");
    }

    private Response notFound(Language language, String path) {
        return layout.problem(language, path, 404, "webconfig.problem.notFound",
                "webconfig.problem.notFound.remedy");
    }

    /** Headers on every answer, pages, redirects and errors alike. */
    static Map<String, String> securityHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", CSP);
        h.put("X-Frame-Options", "DENY");
        h.put("X-Content-Type-Options", "nosniff");
        // "same-origin", not "no-referrer": the latter makes browsers send "Origin: null" on our own forms.
        h.put("Referrer-Policy", "same-origin");
        h.put("Cross-Origin-Opener-Policy", "same-origin");
        h.put("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        h.put("Strict-Transport-Security", "max-age=31536000");
        h.put("Cache-Control", "no-store");
        return h;
    }

    private Response dispatch(Exchange ex, Language language) {
        String method = ex.method();
        String path = ex.rawPath();
        if (!method.equals("GET") && !method.equals("POST")) {
            return layout.problem(language, path, 405, "webconfig.problem.method", "");
        }
        if (method.equals("GET") && statics.containsKey(path)) {
            return statics.get(path).withHeader("Cache-Control", "no-cache");
        }
        Entry entry = routes.get(method + " " + path);
        if (entry == null) {
            return notFound(language, path);
        }
        Optional<Session> found = sessions.find(ex.header("Cookie"));
        String client = ex.client();
        Map<String, String> query = FormParser.urlEncoded(ex.rawQuery());

        boolean open = entry.access() == Access.PUBLIC || entry.access() == Access.LOGIN_FORM;
        if (!open && found.map(s -> !s.admin()).orElse(true)) {
            return notLoggedIn(entry.access(), method, path, found);
        }
        Form form = Form.EMPTY;
        if (method.equals("POST")) {
            if (!sameOrigin(ex)) {
                return refused(language, path);
            }
            try {
                form = FormParser.parse(ex.header("Content-Type"), ex.body(FormParser.MAX_BODY));
            } catch (FormParser.BadBody e) {
                return layout.problem(language, path, e.status, "webconfig.problem.form",
                        "webconfig.problem.form." + e.status);
            }
            if (entry.access() != Access.LOGIN_FORM && (found.isEmpty()
                    || !Sessions.csrfMatches(found.get(), form.fields().get(Layout.CSRF_FIELD)))) {
                return refused(language, path);
            }
        }
        Session session = found.orElse(null);
        return entry.route().handle(new Request(method, path, query, form, session, client,
                ex.header("Cookie"), language));
    }

    private Response notLoggedIn(Access access, String method, String path,
            Optional<Session> found) {
        if (access == Access.API) {
            return new Response(401, "application/json",
                    "{\"error\":\"login required\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
        }
        Response r = Response.redirect(LOGIN);
        // No server state for a visitor: the page to return to (a known route path, never a
        // caller-supplied URL) rides in the signed log-in form's pre-login cookie.
        return method.equals("GET") ? r.withCookie(LoginPage.preLoginCookie(tokens
                .preLoginCookie(path))) : r;
    }

    /** The answer to a form whose token or origin is wrong (the log-in form's too). */
    Response refused(Language language, String path) {
        return layout.problem(language, path, 403, "webconfig.problem.refused",
                "webconfig.problem.refused.remedy");
    }

    /** Defence in depth beside the token: a browser's Origin, when sent, must be this server. */
    private static boolean sameOrigin(Exchange ex) {
        String origin = ex.header("Origin");
        String host = ex.header("Host");
        return origin == null || (host != null && origin.equalsIgnoreCase("https://" + host));
    }
}
