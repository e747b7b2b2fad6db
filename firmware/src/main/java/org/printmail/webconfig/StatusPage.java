package org.printmail.webconfig;

import org.printmail.auth.AccountStatus;
import org.printmail.codes.JobCode;
import org.printmail.config.DeviceProfile;
import org.printmail.config.EmailServerSettings;
import org.printmail.i18n.Messages;

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
        Messages m = r.messages();
        return layout.page(r, r.t("webconfig.status.title"), h -> {
            h.open("table", "class", "list", "id", "account-status");
            h.open("tr").el("th", r.t("webconfig.status.account"))
                    .el("th", m.render(EmailServerForm.label(EmailServerForm.SERVICE)))
                    .el("th", r.t("webconfig.status.profile")).el("th", r.t("webconfig.currentStatus"))
                    .el("th", r.t("webconfig.authenticatedAccount")).el("th", r.t("webconfig.remedy"))
                    .close("tr");
            for (MailAccount a : MailAccount.values()) {
                EmailServerSettings s = a.settings(backend.settings().current());
                AccountStatus st = board.fresh(a.id());
                h.open("tr");
                h.open("td").el("a", a.title(m), "href", a.path()).close("td");
                h.el("td", m.text("webconfig.status.service", s.authMethod().displayNameText(),
                        s.service().displayNameText()));
                DeviceProfile p = backend.inForce().apply(a.id());
                h.el("td", p == null ? "" : m.text("webconfig.status.profileAndAuthority", p.name(),
                                EmailServerPage.authorityText(m, p)),
                        "id", "profile-" + a.name().toLowerCase(java.util.Locale.ROOT));
                h.el("td", EmailServerPage.stateText(m, st));
                h.open("td").ltr(st.accountName()).close("td");
                h.el("td", st.code() == JobCode.OK ? "" : st.code().number() + ": "
                        + a.remedy(m, st.code().remedyText()));
                h.close("tr");
            }
            h.close("table");
            h.open("p").text(r.t("webconfig.status.outbox")).text(" ").el("strong",
                    backend.jobs().outbox().size(), "id", "outbox-size")
                    .close("p");
        });
    }
}
