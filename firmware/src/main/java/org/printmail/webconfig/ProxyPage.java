package org.printmail.webconfig;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.printmail.codes.PrintmailException;
import org.printmail.config.ConfigException;
import org.printmail.config.ProxySettings;
import org.printmail.i18n.Messages;
import org.printmail.i18n.Text;

/**
 * Network > Proxy: the office proxy every HTTPS call of the device goes through (sign-in,
 * refresh, the Connection Test's sign-in check), its no-proxy list, and whether SMTP uses it or a
 * SOCKS proxy. The password is write-only: the field is always empty, empty keeps the stored
 * one, and "Clear" removes it.
 */
final class ProxyPage {
    static final String PATH = "/network/proxy";
    /** Form field -> its name in the settings ({@code config.field.*}: label and problems), in page order. */
    static final Map<String, String> FIELDS = fields();

    private final Layout layout;
    private final WebConfigBackend backend;

    ProxyPage(Layout layout, WebConfigBackend backend) {
        this.layout = layout;
        this.backend = backend;
    }

    void register(Dispatcher d) {
        d.get(PATH, Dispatcher.Access.ADMIN, r -> render(r, values(backend.settings().current().proxy()),
                Optional.empty()));
        d.post(PATH, Dispatcher.Access.ADMIN, this::save);
    }

    /** An invalid field: which one (a form field name) and what is wrong, in any language. */
    private record Problem(String field, Text text) { }

    private static Map<String, String> fields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("proxyHost", "proxyServer");
        m.put("proxyPort", "proxyPort");
        m.put("proxyUser", "proxyUser");
        m.put("proxyPassword", "proxyPassword");
        m.put("noProxy", "noProxy");
        m.put("smtpRoute", "smtpThroughProxy");
        m.put("socksHost", "socksServer");
        m.put("socksPort", "socksPort");
        return m;
    }

    private static Text label(String field) { return Text.of("config.field." + FIELDS.get(field)); }

    /** Whether a settings problem names this form field (its field text holds the field's key). */
    private static boolean names(ConfigException e, String field) {
        String key = "config.field." + FIELDS.get(field);
        return key.equals(e.fieldText().key()) || e.fieldText().args().stream().anyMatch(a -> key.equals(a.key()));
    }

    private static Map<String, String> values(ProxySettings p) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("proxyHost", p.host());
        v.put("proxyPort", p.port() == 0 ? "" : Integer.toString(p.port()));
        v.put("proxyUser", p.username());
        v.put("noProxy", String.join(", ", p.noProxy()));
        v.put("smtpRoute", p.smtp().name());
        v.put("socksHost", p.socksHost());
        v.put("socksPort", p.socksPort() == 0 ? "" : Integer.toString(p.socksPort()));
        return v;
    }

    private Response save(Request r) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String f : FIELDS.keySet()) {
            if (!f.equals("proxyPassword")) {
                typed.put(f, r.form().get(f).trim());
            }
        }
        Optional<ProxySettings.SmtpRoute> smtp = Arrays.stream(ProxySettings.SmtpRoute.values())
                .filter(s -> s.name().equals(typed.get("smtpRoute"))).findFirst();
        if (smtp.isEmpty()) {
            return refuse(r, typed, new Problem("smtpRoute", Text.of("webpages.proxy.unknownRoute",
                    label("smtpRoute"))));
        }
        for (String port : List.of("proxyPort", "socksPort")) {
            if (!typed.get(port).matches("[0-9]{0,9}")) {
                return refuse(r, typed, new Problem(port, Text.of("webpages.proxy.notNumber", label(port))));
            }
        }
        ProxySettings next = new ProxySettings(typed.get("proxyHost"), port(typed, "proxyPort"),
                typed.get("proxyUser"), Arrays.asList(typed.get("noProxy").split("[,\\s]+")), smtp.get(),
                typed.get("socksHost"), port(typed, "socksPort"));
        try {
            backend.settings().update(s -> s.withProxy(next));
        } catch (ConfigException e) {
            String field = FIELDS.keySet().stream().filter(f -> names(e, f)).findFirst().orElse("");
            return refuse(r, typed, new Problem(field, e.detailText()));
        }
        String password = r.form().get("proxyPassword");
        if (backend.proxyPassword() != null) {
            try {
                if ("clear".equals(r.form().get("clearPassword"))) {
                    backend.proxyPassword().write("");
                } else if (!password.isEmpty()) {
                    backend.proxyPassword().write(password);
                }
            } catch (PrintmailException e) {
                return refuse(r, typed, new Problem("proxyPassword", Text.of("webpages.proxy.passwordNotSaved",
                        label("proxyPassword"), e.detailText())));
            }
        }
        r.session().flash(Notice.info(Text.of("webpages.proxy.saved")));
        return Response.redirect(PATH);
    }

    private Response refuse(Request r, Map<String, String> typed, Problem problem) {
        return render(r, typed, Optional.of(problem)).withStatus(400);
    }

    private static int port(Map<String, String> typed, String field) {
        String v = typed.get(field);
        return v.isEmpty() ? 0 : Integer.parseInt(v);
    }

    private Response render(Request r, Map<String, String> values, Optional<Problem> error) {
        boolean stored = backend.proxyPassword() != null && backend.proxyPassword().isSet();
        Messages m = r.messages();
        return layout.page(r, m.text("common.menu.proxy"), h -> {
            error.ifPresent(e -> Layout.notice(h, m, Notice.error(e.text(),
                    Text.of("webpages.common.correctField")), "flash error-summary"));
            h.el("p", m.text("webpages.proxy.intro"));
            Layout.form(h, r.session(), PATH, "proxy-form", f -> {
                f.open("table", "class", "settings");
                for (String name : FIELDS.keySet()) {
                    boolean bad = error.map(e -> e.field().equals(name)).orElse(false);
                    f.open("tr", "class", bad ? "invalid" : null);
                    f.open("th").el("label", m.render(label(name)), "for", name).close("th").open("td");
                    if (name.equals("smtpRoute")) {
                        f.open("select", "name", name, "id", name);
                        for (ProxySettings.SmtpRoute s : ProxySettings.SmtpRoute.values()) {
                            f.el("option", m.text("webpages.proxy.route." + s.name().toLowerCase(
                                    java.util.Locale.ROOT)), "value", s.name(),
                                    "selected", Html.on(s.name().equals(values.get(name))));
                        }
                        f.close("select");
                    } else if (name.equals("proxyPassword")) {
                        // Never shown back: empty keeps the stored password.
                        f.empty("input", "type", "password", "name", name, "id", name, "value", "",
                                "autocomplete", "new-password");
                        f.el("span", m.text(stored ? "webpages.proxy.passwordStored" : "webpages.proxy.passwordNone"),
                                "class", "hint", "id", "proxy-password-state");
                        f.open("label").empty("input", "type", "checkbox", "name", "clearPassword",
                                "value", "clear", "id", "clearPassword").text(" " + m.text("webpages.proxy.clear"))
                                .close("label");
                    } else {
                        f.empty("input", "type", "text", "name", name, "id", name, "value",
                                values.getOrDefault(name, ""), "aria-invalid", bad ? "true" : null,
                                "dir", "ltr");
                    }
                    f.close("td").close("tr");
                }
                f.close("table");
                f.el("button", m.text("common.button.ok"), "type", "submit", "id", "ok-button");
            });
        });
    }
}
