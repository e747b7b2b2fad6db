package org.printmail.webconfig;

import java.util.Map;
import java.util.Optional;

import org.printmail.auth.AccountState;
import org.printmail.auth.AccountStatus;
import org.printmail.codes.PrintmailException;
import org.printmail.config.AuthMethod;
import org.printmail.config.ConfigException;
import org.printmail.config.DeviceProfile;
import org.printmail.config.EmailServerSettings;
import org.printmail.config.EmailService;
import org.printmail.config.MailTransport;
import org.printmail.config.SecureConnection;
import org.printmail.i18n.Messages;
import org.printmail.i18n.Text;

/**
 * Network > Email Server > Basic (and Fax > Fax Server > Email Server Settings): the seed's
 * fields, Sign In / Sign Out, and OK to apply with errors that name the field.
 */
final class EmailServerPage {

    private final Layout layout;
    private final WebConfigBackend backend;
    private final StatusBoard board;

    EmailServerPage(Layout layout, WebConfigBackend backend, StatusBoard board) {
        this.layout = layout;
        this.backend = backend;
        this.board = board;
    }

    void register(Dispatcher d) {
        for (MailAccount a : MailAccount.values()) {
            d.get(a.path(), Dispatcher.Access.ADMIN, r -> render(r, a, draft(r.session(), a),
                    Optional.empty()));
            d.post(a.path(), Dispatcher.Access.ADMIN, r -> submit(r, a));
        }
    }

    static String draftKey(MailAccount a) { return "draft:" + a.name(); }

    /** What the form shows: the unsaved draft of this session if any, else the saved settings. */
    EmailServerForm draft(Session s, MailAccount a) {
        Optional<EmailServerForm> d = s.state(draftKey(a));
        return d.orElseGet(() -> EmailServerForm.of(a.settings(backend.settings().current())));
    }

    private Response submit(Request r, MailAccount a) {
        EmailServerForm form = EmailServerForm.of(r.form());
        Session s = r.session();
        switch (r.form().get("action")) {
            case "signin" -> {
                s.state(draftKey(a), form);
                return Response.redirect(a.signInPath());
            }
            case "ok" -> {
                return apply(r, a, form);
            }
            default -> {
                return Response.redirect(a.path());
            }
        }
    }

    private Response apply(Request r, MailAccount a, EmailServerForm form) {
        try {
            EmailServerSettings current = a.settings(backend.settings().current());
            EmailServerSettings next = form.toSettings(backend.profiles(), current,
                    a.fieldPrefixText());
            backend.settings().update(d -> a.with(d, next));
            r.session().state(draftKey(a), null);
            keepSenderWithAccount(a, next);
            r.session().flash(current.transport() == next.transport()
                    ? Notice.info(Text.of("webconfig.emailServer.saved"))
                    : TransportSwitch.check(backend.accounts(), board.fresh(a.id()), a.id(),
                            next.transport()));
            return Response.redirect(a.path());
        } catch (ConfigException e) {
            return render(r, a, form, Optional.of(e)).withStatus(400);
        }
    }

    private void keepSenderWithAccount(MailAccount a, EmailServerSettings next) {
        AccountStatus st = board.fresh(a.id());
        if (st.state() == AccountState.SIGNED_IN) {
            String sender = next.senderAddress().isEmpty() ? st.accountName() : next.senderAddress();
            try {
                backend.accounts().setSenderAddress(a.id(), sender);
            } catch (PrintmailException e) {
                // The saved settings already hold the address; the account copy is a convenience.
            }
        }
    }

    private Response render(Request r, MailAccount a, EmailServerForm form,
            Optional<ConfigException> error) {
        AccountStatus st = board.fresh(a.id());
        Messages m = r.messages();
        // Every invalid field, each with its own message shown beside it.
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        error.ifPresent(e -> e.problems().forEach(p -> bad.putIfAbsent(EmailServerForm.fieldOf(p),
                m.render(p.detailText()))));
        return layout.page(r, a.title(m), h -> {
            h.open("div", "class", "banner info", "id", "ca-banner");
            h.text(m.text("webconfig.emailServer.caBanner")).text(" ");
            h.el("a", m.text("webconfig.menu.caCertificate.short"), "href", CaCertificatePage.PATH, "id",
                    "ca-certificate-link");
            h.close("div");
            error.ifPresent(e -> Layout.notice(h, m, Notice.error(e.detailText(),
                    e.remedyText()), "flash error-summary"));
            Layout.form(h, r.session(), a.path(), "email-server-form", f -> {
                f.open("table", "class", "settings");
                select(f, m, EmailServerForm.AUTH_METHOD, form, bad,
                        Map.of(AuthMethod.OFF.name(), m.render(AuthMethod.OFF.displayNameText()),
                                AuthMethod.OAUTH2.name(), m.render(AuthMethod.OAUTH2.displayNameText())));
                serviceSelect(f, m, form, bad);
                transportSelect(f, m, form, bad);
                profileRows(f, m, backend.inForce().apply(a.id()));
                text(f, m, EmailServerForm.SENDER, form, bad, m.text("webconfig.hint.sender"));
                text(f, m, EmailServerForm.TENANT, form, bad, m.text("webconfig.hint.tenant"));
                text(f, m, EmailServerForm.HOST, form, bad, m.text("webconfig.hint.host",
                        "smtp.office365.com", "xn--"));
                text(f, m, EmailServerForm.PORT, form, bad, m.text("webconfig.hint.port"));
                select(f, m, EmailServerForm.SECURITY, form, bad,
                        Map.of(SecureConnection.STARTTLS.name(),
                                m.render(SecureConnection.STARTTLS.displayNameText()),
                                SecureConnection.SSL_TLS.name(),
                                m.render(SecureConnection.SSL_TLS.displayNameText())));
                certValidation(f, m, form, bad);
                f.close("table");
                // The form's first submit button, so Enter in any field means OK (HTML implicit
                // submission); Sign In and Sign Out come after it, outside the form.
                f.el("button", m.text("common.button.ok"), "type", "submit", "name", "action", "value", "ok",
                        "id", "ok-button");
            });
            h.open("table", "class", "settings", "id", "sign-in-status");
            statusRows(h, m, a, st);
            h.close("table");
            h.open("p").el("a", m.text("webconfig.connectionTest"), "href", a.connectionTestPath(), "id",
                    "connection-test-link")
                    .close("p");
        });
    }

    /**
     * After the settings form in the page: Sign In still sends the form (its service and tenant,
     * kept as a draft) through the {@code form} attribute; Sign Out only links to its
     * confirmation page, which names what is erased.
     */
    private static void statusRows(Html f, Messages m, MailAccount a, AccountStatus st) {
        f.open("tr").el("th", m.text("webconfig.currentStatus")).open("td");
        f.el("span", stateText(m, st), "id", "current-status");
        if (st.state() == AccountState.SIGNED_IN) {
            f.el("a", m.text("webconfig.signOut"), "href", a.signOutPath(), "class", "button", "id",
                    "sign-out-button");
        } else {
            f.el("button", m.text("webconfig.signIn"), "type", "submit", "form", "email-server-form",
                    "name", "action", "value", "signin", "id", "sign-in-button");
        }
        f.close("td").close("tr");
        f.open("tr").el("th", m.text("webconfig.authenticatedAccount")).open("td")
                .open("span", "id", "authenticated-account").ltr(st.accountName()).close("span")
                .close("td").close("tr");
        // OAuth2 keeps no password; the field shows only a mask, never a value.
        f.open("tr").el("th", m.text("webconfig.authenticatedPassword")).open("td")
                .el("span", "********", "id", "authenticated-password", "class",
                        "mask").close("td").close("tr");
    }

    /** Which firmware profile and sign-in authority the account uses now (read-only). */
    private static void profileRows(Html f, Messages m, DeviceProfile p) {
        if (p == null) {
            return;
        }
        f.open("tr").el("th", m.text("webconfig.field.profile")).open("td")
                .el("bdi", p.name(), "dir", "ltr", "id",
                "firmware-profile").close("td").close("tr");
        f.open("tr").el("th", m.text("webconfig.field.authority")).open("td").el("span",
                authorityText(m, p), "id", "sign-in-authority").close("td").close("tr");
    }

    /** e.g. "https://login.microsoftonline.com (tenant organizations, client ID 9e5f...)". */
    static String authorityText(Messages m, DeviceProfile p) {
        return m.text("webconfig.authority", p.identity().authorityBase(), p.identity().tenant(),
                p.identity().clientId());
    }

    /** Current Status, with the same code the banner and the jobs show (371/372, not 370). */
    static String stateText(Messages m, AccountStatus st) {
        return switch (st.state()) {
            case NOT_SIGNED_IN, SIGN_IN_PENDING, SIGNED_IN -> m.render(st.stateText());
            case EXPIRED -> m.text("webconfig.state.expired");
            case SIGN_IN_REQUIRED -> switch (st.code()) {
                // Words of the catalogue only: no isolates needed, and none are left to show.
                case SIGN_IN_BLOCKED_BY_POLICY, IDENTITY_CONFIGURATION -> Messages.stripDirectionalControls(
                        m.text("webconfig.state.requiredBecause",
                                m.render(st.code().titleText()).toLowerCase(m.language().locale()),
                                st.code().number()));
                default -> m.text("webconfig.state.required");
            };
        };
    }

    private static void transportSelect(Html f, Messages m, EmailServerForm form, Map<String, String> bad) {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        for (MailTransport t : MailTransport.values()) {
            options.put(t.name(), m.render(t.displayNameText()));
        }
        select(f, m, EmailServerForm.TRANSPORT, form, bad, options);
    }

    private void serviceSelect(Html f, Messages m, EmailServerForm form, Map<String, String> bad) {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        for (EmailService s : EmailService.values()) {
            if (backend.profiles().containsKey(s)) {
                options.put(s.name(), m.render(s.displayNameText()));
            }
        }
        select(f, m, EmailServerForm.SERVICE, form, bad, options);
    }

    private static void select(Html f, Messages m, String field, EmailServerForm form,
            Map<String, String> bad, Map<String, String> options) {
        row(f, m, field, bad, () -> {
            f.open("select", "name", field, "id", field, "aria-invalid",
                    bad.containsKey(field) ? "true" : null);
            options.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(o -> f.el("option", o.getValue(),
                    "value", o.getKey(), "selected", Html.on(o.getKey().equals(form.get(field)))));
            f.close("select");
        }, "");
    }

    private static void text(Html f, Messages m, String field, EmailServerForm form,
            Map<String, String> bad, String hint) {
        row(f, m, field, bad, () -> f.empty("input", "type", "text", "name", field, "id", field,
                "value", form.get(field), "aria-invalid", bad.containsKey(field) ? "true" : null,
                "dir", "ltr"), hint);
    }

    private static void certValidation(Html f, Messages m, EmailServerForm form, Map<String, String> bad) {
        String field = EmailServerForm.CERT_VALIDATION;
        boolean on = !"disable".equals(form.get(field));
        row(f, m, field, bad, () -> {
            f.open("label").empty("input", "type", "radio", "name", field, "value", "enable", "id",
                    "certValidation-enable",
                    "checked", Html.on(on)).text(" ").text(m.text("webconfig.enable")).close("label");
            f.open("label").empty("input", "type", "radio", "name", field, "value", "disable", "id",
                    "certValidation-disable",
                    "checked", Html.on(!on)).text(" ").text(m.text("webconfig.disable")).close("label");
            if (!on) {
                f.el("p", Layout.certificateWarning(m, form.get(EmailServerForm.HOST)), "class",
                        "warning", "id", "cert-validation-warning");
            }
        }, "");
    }

    private static void row(Html f, Messages m, String field, Map<String, String> bad, Runnable input,
            String hint) {
        f.open("tr", "class", bad.containsKey(field) ? "invalid" : null);
        f.open("th").el("label", m.render(EmailServerForm.label(field)), "for", field).close("th");
        f.open("td");
        input.run();
        if (bad.containsKey(field)) {
            f.el("span", bad.get(field), "class", "field-error", "id", field + "-error");
        }
        if (!hint.isEmpty()) {
            f.el("span", hint, "class", "hint");
        }
        f.close("td").close("tr");
    }

    /** The profile the chosen service maps to, with the form's tenant override. */
    static DeviceProfile profileFor(WebConfigBackend backend, EmailServerForm form, MailAccount a) {
        DeviceProfile p = backend.profiles().get(form.service(backend.profiles(), a.fieldPrefixText()))
                .forTransport(form.transport(a.fieldPrefixText()));
        String tenant = form.get(EmailServerForm.TENANT);
        if (!tenant.isEmpty() && !tenant.matches("[A-Za-z0-9.-]{1,253}")) {
            // The tenant becomes part of the sign-in URL: only plain tenant ids and domains pass.
            throw new ConfigException(EmailServerForm.fieldText(a, EmailServerForm.TENANT),
                    Text.of("config.problem.tenant"));
        }
        return tenant.isEmpty() ? p : p.withIdentity(p.identity().withTenant(tenant));
    }
}
