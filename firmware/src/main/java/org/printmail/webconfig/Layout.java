package org.printmail.webconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.printmail.auth.AccountState;
import org.printmail.auth.AccountStatus;
import org.printmail.config.AuthMethod;
import org.printmail.config.DeviceSettings;
import org.printmail.config.EmailServerSettings;
import org.printmail.config.MailServerSettings;
import org.printmail.i18n.Language;
import org.printmail.i18n.Messages;
import org.printmail.i18n.Text;

/**
 * The page frame every Web Config page shares: header, menu, status banners, flash message,
 * and the hidden CSRF field helper. Scripts and styles are same-origin files only (CSP).
 */
final class Layout {
    static final String CSRF_FIELD = "csrf";
    /** Banner when the sign-in is this close to lapsing through inactivity. */
    static final long LAPSE_WARNING_DAYS = 14;
    /** Device Management > Language (its page is another part of Web Config). */
    static final String DEVICE_LANGUAGE = "/device-language";

    private final String deviceName;
    private final WebConfigBackend backend;
    private final StatusBoard board;

    Layout(String deviceName, WebConfigBackend backend, StatusBoard board) {
        this.deviceName = deviceName;
        this.backend = backend;
        this.board = board;
    }

    /** An admin page with menu and banners, in the request's language. */
    Response page(Request req, String title, Consumer<Html> body) {
        Messages m = req.messages();
        Html h = start(m, req.path(), title);
        nav(h, m, req.session());
        h.open("main");
        h.el("h1", title);
        for (Notice n : banners(m)) {
            notice(h, m, n, "banner");
        }
        // Worded now, in this page's language (it may have changed since the notice was left).
        req.session().takeFlash().ifPresent(n -> notice(h, m, n, "flash"));
        body.accept(h);
        h.close("main");
        return Response.html(finish(h));
    }

    /** A page without menu (log-in, errors). */
    Response bare(Request req, int status, String title, Consumer<Html> body) {
        return bare(req.messages(), req.path(), status, title, body);
    }

    private Response bare(Messages m, String path, int status, String title, Consumer<Html> body) {
        Html h = start(m, path, title);
        h.open("main", "class", "narrow");
        h.el("h1", title);
        body.accept(h);
        h.close("main");
        return Response.html(status, finish(h));
    }

    /**
     * An error page in {@code language}: title and remedy are catalogue keys (an empty remedy key
     * shows none). {@code path} is where the language switch returns (when it is a page).
     */
    Response problem(Language language, String path, int status, String titleKey, String remedyKey) {
        Messages m = Messages.of(language);
        return bare(m, path, status, m.text(titleKey), h -> {
            if (!remedyKey.isEmpty()) {
                h.el("p", m.text(remedyKey), "class", "remedy");
            }
            h.open("p").el("a", m.text("webconfig.problem.back"), "href", LoginPage.HOME).close("p");
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

    static void notice(Html h, Messages m, Notice n, String cssClass) {
        h.open("div", "class", cssClass + " " + n.kind().name().toLowerCase(), "role", "status");
        h.el("p", m.render(n.text()), "class", "notice-text");
        String remedy = n.remedyFor() == null ? m.render(n.remedy())
                : n.remedyFor().remedy(m, n.remedy());
        if (!remedy.isEmpty()) {
            h.el("p", remedy, "class", "remedy");
        }
        h.close("div");
    }

    /** Status banners: certificate validation off, sign-in lapsing or lapsed, keep-alive failing. */
    List<Notice> banners(Messages m) {
        List<Notice> out = new ArrayList<>();
        DeviceSettings settings = backend.settings().current();
        for (MailAccount a : MailAccount.values()) {
            EmailServerSettings s = a.settings(settings);
            if (s.authMethod() == AuthMethod.OFF) {
                continue;
            }
            Text title = a.titleText();
            if (!s.mail().certificateValidation()) {
                out.add(Notice.warning(Text.of("webconfig.banner.certificateOff", title),
                        MailServerSettings.certificateWarningText(s.mail().host())));
            }
            AccountStatus st = board.fresh(a.id());
            st.keepAliveWarningText().ifPresent(w -> out.add(Notice.warning(
                    Text.of("webconfig.banner.keepAlive", title, w),
                    Text.of("webconfig.banner.keepAlive.remedy"))));
            if (st.state() == AccountState.SIGNED_IN) {
                st.daysUntilLapse().filter(d -> d <= LAPSE_WARNING_DAYS).ifPresent(d -> out.add(
                        Notice.warning(Text.of("webconfig.banner.lapse", d, title),
                                Text.of("webconfig.banner.lapse.remedy"))));
            } else if (st.state() == AccountState.EXPIRED
                    || st.state() == AccountState.SIGN_IN_REQUIRED) {
                out.add(Notice.error(Text.of("webconfig.banner.code", title,
                        st.code().number(), st.code().titleText()),
                        st.code().remedyText()).remedyFor(a));
            }
        }
        return out;
    }

    /** The warning beside a disabled Certificate Validation, naming the server when known. */
    static String certificateWarning(Messages m, String host) {
        return m.render(MailServerSettings.certificateWarningText(host));
    }

    private Html start(Messages m, String path, String title) {
        Language l = m.language();
        Html h = new Html();
        h.open("html", "lang", l.tag(), "dir", l.direction()).open("head");
        h.empty("meta", "charset", "utf-8");
        h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        h.el("title", title + " - Web Config");
        h.empty("link", "rel", "stylesheet", "href", "/static/webconfig.css");
        h.open("script", "src", "/static/webconfig.js", "defer", Html.ON).close("script");
        h.close("head").open("body");
        h.open("header").el("span", "Web Config", "class", "brand", "dir", "ltr")
                .el("bdi", deviceName, "class", "device");
        languageSwitch(h, m, path);
        h.close("header");
        return h;
    }

    /** Each language by its own name; the current one is not a link. */
    private static void languageSwitch(Html h, Messages m, String path) {
        h.open("ul", "class", "languages", "id", "language-switch", "aria-label",
                m.text("language.label"));
        for (Language l : Language.values()) {
            String name = Messages.of(l).text("language." + l.tag());
            h.open("li");
            if (l == m.language()) {
                h.el("span", name, "lang", l.tag(), "aria-current", "true", "id", "language-" + l.tag());
            } else {
                h.el("a", name, "href", LanguageSwitch.link(l, path), "lang", l.tag(), "hreflang",
                        l.tag(), "id", "language-" + l.tag());
            }
            h.close("li");
        }
        h.close("ul");
    }

    private static String finish(Html h) {
        h.close("body").close("html");
        return "<!DOCTYPE html>" + h;
    }

    /** The menu folds into "Menu" on narrow screens (the script closes it there). */
    private static void nav(Html h, Messages m, Session s) {
        h.open("nav").open("details", "open", Html.ON, "id", "menu")
                .el("summary", m.text("webconfig.menu"));
        h.open("ul");
        link(h, "/status", m.text("webconfig.menu.status"));
        link(h, MailAccount.DEVICE.path(), MailAccount.DEVICE.title(m));
        link(h, MailAccount.DEVICE.connectionTestPath(), m.text("common.menu.connectionTest"));
        link(h, CaCertificatePage.PATH, m.text("common.menu.caCertificate"));
        link(h, MailAccount.FAX.path(), MailAccount.FAX.title(m));
        link(h, ProxyPage.PATH, m.text("common.menu.proxy"));
        link(h, NotificationsPage.PATH, m.text("common.menu.notifications"));
        link(h, AdminPasswordPage.PATH, m.text("common.menu.adminPassword"));
        link(h, DEVICE_LANGUAGE, m.text("common.menu.language"));
        link(h, JobLogPage.PATH, m.text("common.menu.jobLog"));
        h.close("ul");
        form(h, s, "/logout", "logout", f -> f.el("button", m.text("webconfig.logout"), "type",
                "submit", "id", "logout-button"));
        h.close("details").close("nav");
    }

    private static void link(Html h, String href, String text) {
        h.open("li").el("a", text, "href", href).close("li");
    }
}
