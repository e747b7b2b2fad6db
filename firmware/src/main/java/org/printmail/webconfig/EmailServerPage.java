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
import org.printmail.config.MailServerSettings;
import org.printmail.config.MailTransport;
import org.printmail.config.SecureConnection;

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
                    a.fieldPrefix());
            backend.settings().update(d -> a.with(d, next));
            r.session().state(draftKey(a), null);
            keepSenderWithAccount(a, next);
            r.session().flash(current.transport() == next.transport() ? Notice.info("The settings were saved to the device.")
                    : TransportSwitch.check(backend.accounts(), board.fresh(a.id()), a.id(), next.transport()));
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
        // Every invalid field, each with its own message shown beside it.
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        error.ifPresent(e -> e.problems().forEach(p -> bad.putIfAbsent(EmailServerForm.fieldOf(p), p.detail())));
        return layout.page(r, a.title(), h -> {
            h.open("div", "class", "banner info", "id", "ca-banner");
            h.text("Secure functions (STARTTLS, SSL/TLS) need the email server's CA certificate on the device. ");
            h.el("a", "CA Certificate", "href", CaCertificatePage.PATH, "id",
                    "ca-certificate-link");
            h.close("div");
            error.ifPresent(e -> Layout.notice(h, Notice.error(e.detail(), e.remedy()),
                    "flash error-summary"));
            Layout.form(h, r.session(), a.path(), "email-server-form", f -> {
                f.open("table", "class", "settings");
                select(f, EmailServerForm.AUTH_METHOD, form, bad,
                        Map.of(AuthMethod.OFF.name(), "Off", AuthMethod.OAUTH2.name(), "OAuth2"));
                serviceSelect(f, form, bad);
                transportSelect(f, form, bad);
                profileRows(f, backend.inForce().apply(a.id()));
                text(f, EmailServerForm.SENDER, form, bad, "Empty: the signed-in account."
                        + " ASCII before the @ (the device does not send SMTPUTF8).");
                text(f, EmailServerForm.TENANT, form, bad,
                        "Exchange Online only: a tenant ID or domain. Empty: any work or school account.");
                text(f, EmailServerForm.HOST, form, bad, "For example smtp.office365.com."
                        + " A Unicode name is saved in its punycode (xn--) form.");
                text(f, EmailServerForm.PORT, form, bad, "587 for STARTTLS, 465 for SSL/TLS.");
                select(f, EmailServerForm.SECURITY, form, bad,
                        Map.of(SecureConnection.STARTTLS.name(), "STARTTLS",
                                SecureConnection.SSL_TLS.name(), "SSL/TLS"));
                certValidation(f, form, bad);
                f.close("table");
                // The form's first submit button, so Enter in any field means OK (HTML implicit
                // submission); Sign In and Sign Out come after it, outside the form.
                f.el("button", "OK", "type", "submit", "name", "action", "value", "ok", "id",
                        "ok-button");
            });
            h.open("table", "class", "settings", "id", "sign-in-status");
            statusRows(h, a, st);
            h.close("table");
            h.open("p").el("a", "Connection Test", "href", a.connectionTestPath(), "id",
                    "connection-test-link")
                    .close("p");
        });
    }

    /**
     * After the settings form in the page: Sign In still sends the form (its service and tenant,
     * kept as a draft) through the {@code form} attribute; Sign Out only links to its
     * confirmation page, which names what is erased.
     */
    private static void statusRows(Html f, MailAccount a, AccountStatus st) {
        f.open("tr").el("th", "Current Status").open("td");
        f.el("span", stateText(st), "id", "current-status");
        if (st.state() == AccountState.SIGNED_IN) {
            f.el("a", "Sign Out", "href", a.signOutPath(), "class", "button", "id",
                    "sign-out-button");
        } else {
            f.el("button", "Sign In", "type", "submit", "form", "email-server-form", "name",
                    "action", "value", "signin", "id", "sign-in-button");
        }
        f.close("td").close("tr");
        f.open("tr").el("th", "Authenticated Account").open("td")
                .el("span", st.accountName(), "id",
                        "authenticated-account").close("td").close("tr");
        // OAuth2 keeps no password; the field shows only a mask, never a value.
        f.open("tr").el("th", "Authenticated Password").open("td")
                .el("span", "********", "id", "authenticated-password", "class",
                        "mask").close("td").close("tr");
    }

    /** Which firmware profile and sign-in authority the account uses now (read-only). */
    private static void profileRows(Html f, DeviceProfile p) {
        if (p == null) {
            return;
        }
        f.open("tr").el("th", "Firmware Profile").open("td").el("span", p.name(), "id",
                "firmware-profile").close("td").close("tr");
        f.open("tr").el("th", "Sign-in Authority").open("td").el("span", authorityText(p), "id",
                "sign-in-authority").close("td").close("tr");
    }

    /** e.g. "https://login.microsoftonline.com (tenant organizations, client ID 9e5f...)". */
    static String authorityText(DeviceProfile p) {
        return p.identity().authorityBase() + " (tenant " + p.identity().tenant() + ", client ID "
                + p.identity().clientId() + ")";
    }

    /** Current Status, with the same code the banner and the jobs show (371/372, not 370). */
    static String stateText(AccountStatus st) {
        return switch (st.state()) {
            case NOT_SIGNED_IN -> "Not signed in";
            case SIGN_IN_PENDING -> "Signing in (waiting for the code to be entered)";
            case SIGNED_IN -> "Signed in";
            case EXPIRED -> "Expired: sign in again (361)";
            case SIGN_IN_REQUIRED -> switch (st.code()) {
                case SIGN_IN_BLOCKED_BY_POLICY, IDENTITY_CONFIGURATION -> "Sign-in required: "
                        + st.code().title().toLowerCase(java.util.Locale.ROOT)
                        + " (" + st.code().number() + ")";
                default -> "Sign-in required (370)";
            };
        };
    }

    private static void transportSelect(Html f, EmailServerForm form, Map<String, String> bad) {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        for (MailTransport t : MailTransport.values()) {
            options.put(t.name(), t.displayName());
        }
        select(f, EmailServerForm.TRANSPORT, form, bad, options);
    }

    private void serviceSelect(Html f, EmailServerForm form, Map<String, String> bad) {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        for (EmailService s : EmailService.values()) {
            if (backend.profiles().containsKey(s)) {
                options.put(s.name(), s.displayName());
            }
        }
        select(f, EmailServerForm.SERVICE, form, bad, options);
    }

    private static void select(Html f, String field, EmailServerForm form, Map<String, String> bad,
            Map<String, String> options) {
        row(f, field, bad, () -> {
            f.open("select", "name", field, "id", field, "aria-invalid",
                    bad.containsKey(field) ? "true" : null);
            options.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(o -> f.el("option", o.getValue(),
                    "value", o.getKey(), "selected", Html.on(o.getKey().equals(form.get(field)))));
            f.close("select");
        }, "");
    }

    private static void text(Html f, String field, EmailServerForm form, Map<String, String> bad,
            String hint) {
        row(f, field, bad, () -> f.empty("input", "type", "text", "name", field, "id", field,
                "value", form.get(field), "aria-invalid", bad.containsKey(field) ? "true" : null),
                        hint);
    }

    private static void certValidation(Html f, EmailServerForm form, Map<String, String> bad) {
        String field = EmailServerForm.CERT_VALIDATION;
        boolean on = !"disable".equals(form.get(field));
        row(f, field, bad, () -> {
            f.open("label").empty("input", "type", "radio", "name", field, "value", "enable", "id",
                    "certValidation-enable",
                    "checked", Html.on(on)).text(" Enable").close("label");
            f.open("label").empty("input", "type", "radio", "name", field, "value", "disable", "id",
                    "certValidation-disable",
                    "checked", Html.on(!on)).text(" Disable").close("label");
            if (!on) {
                f.el("p", MailServerSettings.certificateWarning(form.get(EmailServerForm.HOST)), "class",
                        "warning", "id", "cert-validation-warning");
            }
        }, "");
    }

    private static void row(Html f, String field, Map<String, String> bad, Runnable input, String hint) {
        f.open("tr", "class", bad.containsKey(field) ? "invalid" : null);
        f.open("th").el("label", EmailServerForm.LABELS.get(field), "for", field).close("th");
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
        DeviceProfile p = backend.profiles().get(form.service(backend.profiles(), a.fieldPrefix()))
                .forTransport(form.transport(a.fieldPrefix()));
        String tenant = form.get(EmailServerForm.TENANT);
        if (!tenant.isEmpty() && !tenant.matches("[A-Za-z0-9.-]{1,253}")) {
            // The tenant becomes part of the sign-in URL: only plain tenant ids and domains pass.
            throw new ConfigException(a.fieldPrefix() + " > Tenant",
                    "must be a tenant ID or a domain name");
        }
        return tenant.isEmpty() ? p : p.withIdentity(p.identity().withTenant(tenant));
    }
}
