package org.printmail.webconfig;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Administrator log-in and log-out. */
final class LoginPage {
    private static final Logger LOG = LoggerFactory.getLogger(LoginPage.class);
    static final String HOME = "/status";

    private final Layout layout;
    private final Sessions sessions;
    private final AdminPassword password;
    private final LoginGuard guard;

    LoginPage(Layout layout, Sessions sessions, AdminPassword password, LoginGuard guard) {
        this.layout = layout;
        this.sessions = sessions;
        this.password = password;
        this.guard = guard;
    }

    void register(Dispatcher d) {
        d.get(Dispatcher.LOGIN, Dispatcher.Access.PUBLIC, this::show);
        d.post(Dispatcher.LOGIN, Dispatcher.Access.PUBLIC, this::logIn);
        d.post("/logout", Dispatcher.Access.ADMIN, this::logOut);
        d.get("/", Dispatcher.Access.ADMIN, r -> Response.redirect(HOME));
    }

    private Response show(Request r) {
        if (r.session() != null && r.session().admin()) {
            return Response.redirect(HOME);
        }
        Session s = r.session() != null ? r.session() : sessions.create(false);
        Response page = render(s, 200, Optional.empty());
        return r.session() != null ? page : page.withHeader("Set-Cookie", sessions.setCookie(s));
    }

    private Response logIn(Request r) {
        LoginGuard.Attempt a = guard.attempt(r.client(), () -> password.matches(r.form().fields().get("password")));
        if (a.outcome() == LoginGuard.Outcome.LOCKED) {
            return render(r.session(), 429, Optional.of(lockedNotice(a.waitFor().orElseThrow())));
        }
        if (a.outcome() == LoginGuard.Outcome.WRONG) {
            LOG.warn("Web Config: failed administrator log-in from {}", r.client());
            Notice n = a.waitFor().map(LoginPage::lockedNotice).orElse(Notice.error("The password is not correct.",
                    "Enter the administrator password."));
            return render(r.session(), 401, Optional.of(n));
        }
        Session admin = sessions.promote(r.session());
        String next = admin.returnTo().isEmpty() ? HOME : admin.returnTo();
        admin.returnTo("");
        return Response.redirect(next).withHeader("Set-Cookie", sessions.setCookie(admin));
    }

    private Response logOut(Request r) {
        sessions.invalidate(r.session());
        return Response.redirect(Dispatcher.LOGIN).withHeader("Set-Cookie", sessions.clearCookie());
    }

    static Notice lockedNotice(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return Notice.error("Too many failed log-ins.", "Try again in " + seconds + " seconds.");
    }

    private Response render(Session s, int status, Optional<Notice> notice) {
        return layout.bare(status, "Administrator Log In", h -> {
            notice.ifPresent(n -> Layout.notice(h, n, "flash"));
            Layout.form(h, s, Dispatcher.LOGIN, "login-form", f -> {
                f.el("label", "Current password", "for", "password");
                f.empty("input", "type", "password", "id", "password", "name", "password",
                        "autocomplete", "current-password", "required", Html.ON, "autofocus",
                                Html.ON);
                f.el("button", "OK", "type", "submit", "id", "login-button");
            });
        });
    }
}
