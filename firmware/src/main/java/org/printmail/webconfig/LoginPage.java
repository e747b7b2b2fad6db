package org.printmail.webconfig;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

import org.printmail.i18n.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Administrator log-in and log-out. The form needs no server-side session: its CSRF token is
 * signed and bound to a nonce in the browser's pre-login cookie ({@link LoginTokens}), so a
 * flood of visitors cannot evict anything the administrator's log-in depends on. A right
 * password also leaves a known-browser cookie, which gives that browser its own lockout key.
 */
final class LoginPage {
    private static final Logger LOG = LoggerFactory.getLogger(LoginPage.class);
    static final String HOME = "/status";

    private final Layout layout;
    private final Sessions sessions;
    private final AdminPassword password;
    private final LoginGuard guard;
    private final LoginTokens tokens;
    private final Predicate<String> adminPage;

    LoginPage(Layout layout, Sessions sessions, AdminPassword password, LoginGuard guard,
              LoginTokens tokens, Predicate<String> adminPage) {
        this.layout = layout;
        this.sessions = sessions;
        this.password = password;
        this.guard = guard;
        this.tokens = tokens;
        this.adminPage = adminPage;
    }

    void register(Dispatcher d) {
        d.get(Dispatcher.LOGIN, Dispatcher.Access.PUBLIC, this::show);
        d.post(Dispatcher.LOGIN, Dispatcher.Access.LOGIN_FORM, this::logIn);
        d.post("/logout", Dispatcher.Access.ADMIN, this::logOut);
        d.get("/", Dispatcher.Access.ADMIN, r -> Response.redirect(HOME));
    }

    static String preLoginCookie(String value) {
        return Sessions.COOKIE + "=" + value + "; Path=/; Secure; HttpOnly; SameSite=Strict";
    }

    private Response show(Request r) {
        if (r.session() != null && r.session().admin()) {
            return Response.redirect(HOME);
        }
        Optional<LoginTokens.PreLogin> pre = LoginTokens.preLogin(
                Sessions.cookieValue(r.cookies(), Sessions.COOKIE));
        if (pre.isPresent()) {
            return render(r, pre.get().nonce(), 200, Optional.empty());
        }
        String cookie = tokens.preLoginCookie("");
        return render(r, LoginTokens.preLogin(cookie).orElseThrow().nonce(), 200, Optional.empty())
                .withCookie(preLoginCookie(cookie));
    }

    private Response logIn(Request r) {
        Optional<LoginTokens.PreLogin> pre = LoginTokens.preLogin(
                Sessions.cookieValue(r.cookies(), Sessions.COOKIE));
        if (pre.isEmpty() || !tokens.formTokenValid(r.form().fields().get(Layout.CSRF_FIELD),
                pre.get().nonce())) {
            return layout.problem(r.language(), r.path(), 403, "webconfig.problem.refused",
                    "webconfig.problem.refused.remedy");
        }
        String nonce = pre.get().nonce();
        Optional<String> known = tokens.knownBrowser(r.cookies());
        LoginGuard.Attempt a = guard.attempt(LoginGuard.key(r.client(), known), known.isEmpty(),
                () -> password.matches(r.form().fields().get("password")));
        switch (a.outcome()) {
            case LOCKED:
                return render(r, nonce, 429, Optional.of(lockedNotice(
                        a.waitFor().orElseThrow())));
            case BUSY:
                return render(r, nonce, 429, Optional.of(busyNotice()));
            case WRONG:
                LOG.warn("Web Config: failed administrator log-in from {}", r.client());
                Notice n = a.waitFor().map(w -> lockedNotice(w)).orElse(Notice.error(
                        Text.of("webconfig.login.wrong"), Text.of("webconfig.login.wrong.remedy")));
                return render(r, nonce, 401, Optional.of(n));
            default:
                break;
        }
        Session admin = sessions.create();
        String back = pre.get().returnTo();
        String next = adminPage.test(back) ? back : HOME;
        Response ok = Response.redirect(next).withCookie(sessions.setCookie(admin));
        return known.isPresent() ? ok : ok.withCookie(tokens.knownBrowserCookie(
                tokens.knownBrowserValue()));
    }

    private Response logOut(Request r) {
        sessions.invalidate(r.session());
        return Response.redirect(Dispatcher.LOGIN).withHeader("Set-Cookie", sessions.clearCookie());
    }

    /** Too many failed log-ins: when to try again, in the reader's language. */
    static Notice lockedNotice(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return Notice.error(Text.of("webconfig.login.locked"),
                Text.of("webconfig.login.locked.remedy", seconds));
    }

    static Notice busyNotice() {
        return Notice.error(Text.of("webconfig.login.busy"), Text.of("webconfig.login.busy.remedy"));
    }

    private Response render(Request r, String nonce, int status, Optional<Notice> notice) {
        return layout.bare(r, status, r.t("webconfig.login.title"), h -> {
            notice.ifPresent(n -> Layout.notice(h, r.messages(), n, "flash"));
            h.open("form", "method", "post", "action", Dispatcher.LOGIN, "id", "login-form");
            h.empty("input", "type", "hidden", "name", Layout.CSRF_FIELD, "value",
                    tokens.formToken(nonce));
            h.el("label", r.t("webconfig.login.password"), "for", "password");
            h.empty("input", "type", "password", "id", "password", "name", "password",
                    "autocomplete", "current-password", "required", Html.ON, "autofocus", Html.ON);
            h.el("button", r.t("common.button.ok"), "type", "submit", "id", "login-button");
            h.close("form");
        });
    }
}
