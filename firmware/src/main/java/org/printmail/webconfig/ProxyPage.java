package org.printmail.webconfig;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.printmail.codes.PrintmailException;
import org.printmail.config.ConfigException;
import org.printmail.config.ProxySettings;

/**
 * Network > Proxy: the office proxy every HTTPS call of the device goes through (sign-in,
 * refresh, the Connection Test's sign-in check), its no-proxy list, and whether SMTP uses it or a
 * SOCKS proxy. The password is write-only: the field is always empty, empty keeps the stored
 * one, and "Clear" removes it.
 */
final class ProxyPage {
    static final String PATH = "/network/proxy";
    /** Field name -> label, in page order; errors from {@link ProxySettings#validate()} use these. */
    static final Map<String, String> LABELS = labels();

    private final Layout layout;
    private final WebConfigBackend backend;

    ProxyPage(Layout layout, WebConfigBackend backend) {
        this.layout = layout;
        this.backend = backend;
    }

    void register(Dispatcher d) {
        d.get(PATH, Dispatcher.Access.ADMIN, r -> render(r, values(backend.settings().current().proxy()), null));
        d.post(PATH, Dispatcher.Access.ADMIN, this::save);
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("proxyHost", "Proxy Server");
        m.put("proxyPort", "Proxy Port Number");
        m.put("proxyUser", "Proxy User Name");
        m.put("proxyPassword", "Proxy Password");
        m.put("noProxy", "No Proxy For");
        m.put("smtpRoute", "SMTP Through Proxy");
        m.put("socksHost", "SOCKS Server");
        m.put("socksPort", "SOCKS Port Number");
        return m;
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
        for (String f : LABELS.keySet()) {
            if (!f.equals("proxyPassword")) {
                typed.put(f, r.form().get(f).trim());
            }
        }
        try {
            ProxySettings.SmtpRoute smtp = Arrays.stream(ProxySettings.SmtpRoute.values())
                    .filter(s -> s.name().equals(typed.get("smtpRoute"))).findFirst()
                    .orElseThrow(() -> new ConfigException("Network > SMTP Through Proxy",
                            "choose Direct, HTTP CONNECT or SOCKS"));
            ProxySettings next = new ProxySettings(typed.get("proxyHost"), port(typed, "proxyPort"),
                    typed.get("proxyUser"), Arrays.asList(typed.get("noProxy").split("[,\\s]+")), smtp,
                    typed.get("socksHost"), port(typed, "socksPort"));
            backend.settings().update(s -> s.withProxy(next));
            String password = r.form().get("proxyPassword");
            if (backend.proxyPassword() != null) {
                try {
                    if ("clear".equals(r.form().get("clearPassword"))) {
                        backend.proxyPassword().write("");
                    } else if (!password.isEmpty()) {
                        backend.proxyPassword().write(password);
                    }
                } catch (PrintmailException e) {
                    throw new ConfigException("Network > " + LABELS.get("proxyPassword"), e.detail());
                }
            }
            r.session().flash(Notice.info("The proxy settings were saved; they apply to the next connection."));
            return Response.redirect(PATH);
        } catch (ConfigException e) {
            return render(r, typed, e).withStatus(400);
        }
    }

    private static int port(Map<String, String> typed, String field) {
        String v = typed.get(field);
        try {
            return v.isEmpty() ? 0 : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ConfigException("Network > " + LABELS.get(field), "must be a whole number");
        }
    }

    private Response render(Request r, Map<String, String> values, ConfigException error) {
        boolean stored = backend.proxyPassword() != null && backend.proxyPassword().isSet();
        return layout.page(r, "Network > Proxy", h -> {
            if (error != null) {
                Layout.notice(h, Notice.error(error.detail(), "Correct the named field and click OK."),
                        "flash error-summary");
            }
            h.el("p", "Sign-in and every other HTTPS connection of the device go through this proxy"
                    + " (HTTP CONNECT; certificates are still checked end to end). Empty Proxy Server:"
                    + " no proxy.");
            Layout.form(h, r.session(), PATH, "proxy-form", f -> {
                f.open("table", "class", "settings");
                for (Map.Entry<String, String> field : LABELS.entrySet()) {
                    String name = field.getKey();
                    boolean bad = error != null && error.field().endsWith("> " + field.getValue());
                    f.open("tr", "class", bad ? "invalid" : null);
                    f.open("th").el("label", field.getValue(), "for", name).close("th").open("td");
                    if (name.equals("smtpRoute")) {
                        f.open("select", "name", name, "id", name);
                        for (ProxySettings.SmtpRoute s : ProxySettings.SmtpRoute.values()) {
                            f.el("option", switch (s) {
                                case DIRECT -> "Direct";
                                case HTTP_CONNECT -> "Through the proxy (HTTP CONNECT)";
                                case SOCKS -> "Through a SOCKS5 proxy";
                            }, "value", s.name(), "selected", Html.on(s.name().equals(values.get(name))));
                        }
                        f.close("select");
                    } else if (name.equals("proxyPassword")) {
                        // Never shown back: empty keeps the stored password.
                        f.empty("input", "type", "password", "name", name, "id", name, "value", "",
                                "autocomplete", "new-password");
                        f.el("span", stored ? "A password is stored; leave empty to keep it." : "None stored.",
                                "class", "hint", "id", "proxy-password-state");
                        f.open("label").empty("input", "type", "checkbox", "name", "clearPassword",
                                "value", "clear", "id", "clearPassword").text(" Clear").close("label");
                    } else {
                        f.empty("input", "type", "text", "name", name, "id", name, "value",
                                values.getOrDefault(name, ""), "aria-invalid", bad ? "true" : null);
                    }
                    f.close("td").close("tr");
                }
                f.close("table");
                f.el("button", "OK", "type", "submit", "id", "ok-button");
            });
        });
    }
}
