package org.printmail.webconfig;

import org.printmail.auth.AccountStatus;
import org.printmail.codes.JobCode;
import org.printmail.config.DeviceProfile;
import org.printmail.config.EmailServerSettings;

/** The home page: each account's email service, sign-in state and what to do about it. */
final class StatusPage {
    private final Layout layout;
    private final WebConfigBackend backend;
    private final StatusBoard board;

    StatusPage(Layout layout, WebConfigBackend backend, StatusBoard board) {
        this.layout = layout;
        this.backend = backend;
        this.board = board;
    }

    void register(Dispatcher d) {
        d.get(LoginPage.HOME, Dispatcher.Access.ADMIN, this::render);
    }

    private Response render(Request r) {
        return layout.page(r, "Status", h -> {
            h.open("table", "class", "list", "id", "account-status");
            h.open("tr").el("th", "Account").el("th", "Email service")
                    .el("th", "Firmware profile and sign-in authority").el("th", "Current Status")
                    .el("th", "Authenticated Account").el("th", "Remedy").close("tr");
            for (MailAccount a : MailAccount.values()) {
                EmailServerSettings s = a.settings(backend.settings().current());
                AccountStatus st = board.fresh(a.id());
                h.open("tr");
                h.open("td").el("a", a.title(), "href", a.path()).close("td");
                h.el("td", s.authMethod() + " / " + s.service().displayName());
                DeviceProfile p = backend.inForce().apply(a.id());
                h.el("td", p == null ? "" : p.name() + ": " + EmailServerPage.authorityText(p),
                        "id", "profile-" + a.name().toLowerCase(java.util.Locale.ROOT));
                h.el("td", EmailServerPage.stateText(st));
                h.el("td", st.accountName());
                h.el("td", st.code() == JobCode.OK ? "" : st.code().number() + ": "
                        + a.remedy(st.code().remedy()));
                h.close("tr");
            }
            h.close("table");
            h.open("p").text("Jobs waiting to be sent: ").el("strong",
                    backend.jobs().outbox().size(), "id", "outbox-size")
                    .close("p");
        });
    }
}
