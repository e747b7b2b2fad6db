package org.printmail.webconfig;

import java.time.Duration;
import java.util.Optional;

import org.printmail.i18n.Messages;
import org.printmail.i18n.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device Management > Administrator Password. A change needs the current password; afterwards
 * every other session is logged out and this one continues under a new id.
 */
final class AdminPasswordPage {
    static final String PATH = "/admin-password";
    private static final Logger LOG = LoggerFactory.getLogger(AdminPasswordPage.class);

    private final Layout layout;
    private final Sessions sessions;
    private final AdminPassword password;
    private final LoginGuard guard;

    AdminPasswordPage(Layout layout, Sessions sessions, AdminPassword password, LoginGuard guard) {
        this.layout = layout;
        this.sessions = sessions;
        this.password = password;
        this.guard = guard;
    }

    void register(Dispatcher d) {
        d.get(PATH, Dispatcher.Access.ADMIN, r -> render(r, Optional.empty()));
        d.post(PATH, Dispatcher.Access.ADMIN, this::change);
    }

    private Response change(Request r) {
        // The current-password check is a log-in attempt: same lockout, same counting, same log line,
        // so a stolen session cannot be used to guess the password.
        LoginGuard.Attempt a = guard.attempt(LoginGuard.key(r.client(), Optional.empty()), false,
                () -> password.matches(r.form().get("current")));
        if (a.outcome() == LoginGuard.Outcome.BUSY) {
            return render(r, Optional.of(Text.of("webpages.password.busy"))).withStatus(429);
        }
        if (a.outcome() == LoginGuard.Outcome.LOCKED) {
            Duration wait = a.waitFor().orElseThrow();
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            return render(r, Optional.of(Text.of("webpages.password.locked", seconds))).withStatus(429);
        }
        if (a.outcome() == LoginGuard.Outcome.WRONG) {
            LOG.warn("Web Config: wrong current password on the password change form from {}", r.client());
            return render(r, Optional.of(Text.of("webpages.password.currentWrong"))).withStatus(400);
        }
        Optional<Text> problem = password.change(r.form().get("current"), r.form().get("new"),
                r.form().get("confirm"));
        if (problem.isPresent()) {
            return render(r, problem).withStatus(400);
        }
        LOG.info("Web Config: administrator password changed from {}", r.client());
        Session fresh = sessions.invalidateAllBut(r.session());
        fresh.flash(Notice.info(Text.of("webpages.password.changed")));
        return Response.redirect(PATH).withHeader("Set-Cookie", sessions.setCookie(fresh));
    }

    private Response render(Request r, Optional<Text> problem) {
        Messages m = r.messages();
        return layout.page(r, m.text("common.menu.adminPassword"), h -> {
            problem.ifPresent(p -> Layout.notice(h, m, Notice.error(p,
                    Text.of("webpages.common.correctField")), "flash error-summary"));
            Layout.form(h, r.session(), PATH, "admin-password-form", f -> {
                field(f, "current", m.text("webpages.password.current"), "current-password");
                field(f, "new", m.text("webpages.password.new"), "new-password");
                field(f, "confirm", m.text("webpages.password.confirm"), "new-password");
                f.el("button", m.text("common.button.ok"), "type", "submit", "id", "ok-button");
            });
        });
    }

    private static void field(Html f, String name, String label, String autocomplete) {
        f.open("p").el("label", label, "for", name);
        f.empty("input", "type", "password", "id", name, "name", name, "autocomplete", autocomplete,
                "required", Html.ON);
        f.close("p");
    }
}
