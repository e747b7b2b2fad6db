package org.printmail.webconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.printmail.auth.AccountState;
import org.printmail.auth.AccountStatus;
import org.printmail.config.AuthMethod;
import org.printmail.config.DeviceSettings;
import org.printmail.config.EmailServerSettings;

/**
 * The page frame every Web Config page shares: header, menu, status banners, flash message,
 * and the hidden CSRF field helper. Scripts and styles are same-origin files only (CSP).
 */
final class Layout {
    static final String CSRF_FIELD = "csrf";
    /** Banner when the sign-in is this close to lapsing through inactivity. */
    static final long LAPSE_WARNING_DAYS = 14;

    private final String deviceName;
    private final WebConfigBackend backend;
    private final StatusBoard board;

    Layout(String deviceName, WebConfigBackend backend, StatusBoard board) {
        this.deviceName = deviceName;
        this.backend = backend;
        this.board = board;
    }

    /** An admin page with menu and banners. */
    Response page(Request req, String title, Consumer<Html> body) {
        Html h = start(title);
        nav(h, req.session());
        h.open("main");
        h.el("h1", title);
        for (Notice n : banners()) {
            notice(h, n, "banner");
        }
        req.session().takeFlash().ifPresent(n -> notice(h, n, "flash"));
        body.accept(h);
        h.close("main");
        return Response.html(finish(h));
    }

    /** A page without menu (log-in, errors). */
    Response bare(int status, String title, Consumer<Html> body) {
        Html h = start(title);
        h.open("main", "class", "narrow");
        h.el("h1", title);
        body.accept(h);
        h.close("main");
        return Response.html(status, finish(h));
    }

    Response problem(int status, String title, String remedy) {
        return bare(status, title, h -> {
            h.el("p", remedy, "class", "remedy");
            h.open("p").el("a", "Back to Web Config", "href", "/status").close("p");
        });
    }

    static void csrf(Html h, Session s) {
        h.empty("input", "type", "hidden", "name", CSRF_FIELD, "value", s.csrfToken());
    }

    /** A POST form with its CSRF token; {@code body} adds the fields and buttons. */
    static void form(Html h, Session s, String action, String id, Consumer<Html> body) {
        h.open("form", "method", "post", "action", action, "id", id);
        csrf(h, s);
        body.accept(h);
        h.close("form");
    }

    static void notice(Html h, Notice n, String cssClass) {
        h.open("div", "class", cssClass + " " + n.kind().name().toLowerCase(), "role", "status");
        h.el("p", n.text(), "class", "notice-text");
        if (!n.remedy().isEmpty()) {
            h.el("p", n.remedy(), "class", "remedy");
        }
        h.close("div");
    }

    /** Status banners: certificate validation off, sign-in lapsing or lapsed, keep-alive failing. */
    List<Notice> banners() {
        List<Notice> out = new ArrayList<>();
        DeviceSettings settings = backend.settings().current();
        for (MailAccount a : MailAccount.values()) {
            EmailServerSettings s = a.settings(settings);
            if (s.authMethod() == AuthMethod.OFF) {
                continue;
            }
            s.mail().certificateWarning().ifPresent(w -> out.add(Notice.warning(
                    a.title() + ": Certificate Validation is disabled.", w)));
            AccountStatus st = board.fresh(a.id());
            st.keepAliveWarning().ifPresent(w -> out.add(Notice.warning(a.title() + ": " + w,
                    "Check the network and the Connection Test; sign in again if it keeps failing.")));
            if (st.state() == AccountState.SIGNED_IN) {
                st.daysUntilLapse().filter(d -> d <= LAPSE_WARNING_DAYS).ifPresent(d -> out.add(Notice.warning(
                        a.title() + ": the sign-in expires in " + d + (d == 1 ? " day" : " days")
                                + " unless the device is used.",
                        "Run the Connection Test or send a message to keep the sign-in alive, or sign in again.")));
            } else if (st.state() == AccountState.EXPIRED
                    || st.state() == AccountState.SIGN_IN_REQUIRED) {
                out.add(Notice.error(a.title() + ": " + st.code().number() + " "
                        + st.code().title(),
                        a.remedy(st.code().remedy())));
            }
        }
        return out;
    }

    private Html start(String title) {
        Html h = new Html();
        h.open("html", "lang", "en").open("head");
        h.empty("meta", "charset", "utf-8");
        h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        h.el("title", title + " - Web Config");
        h.empty("link", "rel", "stylesheet", "href", "/static/webconfig.css");
        h.open("script", "src", "/static/webconfig.js", "defer", Html.ON).close("script");
        h.close("head").open("body");
        h.open("header").el("span", "Web Config", "class", "brand").el("span", deviceName, "class",
                "device")
                .close("header");
        return h;
    }

    private static String finish(Html h) {
        h.close("body").close("html");
        return "<!DOCTYPE html>" + h;
    }

    /** The menu folds into "Menu" on narrow screens (the script closes it there). */
    private static void nav(Html h, Session s) {
        h.open("nav").open("details", "open", Html.ON, "id", "menu").el("summary", "Menu");
        h.open("ul");
        link(h, "/status", "Status");
        link(h, MailAccount.DEVICE.path(), "Network > Email Server > Basic");
        link(h, MailAccount.DEVICE.connectionTestPath(),
                "Network > Email Server > Connection Test");
        link(h, CaCertificatePage.PATH, "Network Security > CA Certificate");
        link(h, MailAccount.FAX.path(), "Fax > Fax Server > Email Server Settings");
        link(h, ProxyPage.PATH, "Network > Proxy");
        link(h, NotificationsPage.PATH, "Device Management > Email Notifications");
        link(h, AdminPasswordPage.PATH, "Device Management > Administrator Password");
        link(h, JobLogPage.PATH, "Job Status > Job Log");
        h.close("ul");
        form(h, s, "/logout", "logout", f -> f.el("button", "Log Out", "type", "submit", "id",
                "logout-button"));
        h.close("details").close("nav");
    }

    private static void link(Html h, String href, String text) {
        h.open("li").el("a", text, "href", href).close("li");
    }
}
