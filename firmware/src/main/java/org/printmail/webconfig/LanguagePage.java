package org.printmail.webconfig;

import java.util.Arrays;
import java.util.Optional;

import org.printmail.config.ConfigException;
import org.printmail.i18n.Language;
import org.printmail.i18n.Messages;
import org.printmail.i18n.Text;

/**
 * Device Management > Language: the device language, which the control panel, the status sheet
 * and notification emails speak. Web Config itself follows each admin's browser (or the admin's
 * switch), so this page says so rather than changing the page it is on. Each language is listed
 * by its own name.
 */
final class LanguagePage {
    static final String PATH = "/device-language";
    static final String FIELD = "language";

    private final Layout layout;
    private final WebConfigBackend backend;

    LanguagePage(Layout layout, WebConfigBackend backend) {
        this.layout = layout;
        this.backend = backend;
    }

    void register(Dispatcher d) {
        d.get(PATH, Dispatcher.Access.ADMIN, r -> render(r, Optional.empty()));
        d.post(PATH, Dispatcher.Access.ADMIN, this::save);
    }

    /** A language's own name ({@code English}, {@code العربية}), the same in every catalogue. */
    static String ownName(Language l) {
        return Messages.of(l).text("language." + l.tag());
    }

    /** Only the exact tags this page offers: anything else is a forged or stale form. */
    static Optional<Language> posted(String value) {
        return Arrays.stream(Language.values()).filter(l -> l.tag().equals(value)).findFirst();
    }

    private Response save(Request r) {
        Optional<Language> chosen = posted(r.form().get(FIELD));
        if (chosen.isEmpty()) {
            return render(r, Optional.of(Text.of("webpages.language.unknown"))).withStatus(400);
        }
        try {
            backend.settings().update(s -> s.withLanguage(chosen.get()));
        } catch (ConfigException e) {
            return render(r, Optional.of(e.detailText())).withStatus(400);
        }
        r.session().flash(Notice.info(Text.of("webpages.language.saved", ownName(chosen.get()))));
        return Response.redirect(PATH);
    }

    private Response render(Request r, Optional<Text> problem) {
        Messages m = r.messages();
        Language current = backend.settings().current().language();
        return layout.page(r, m.text("common.menu.language"), h -> {
            problem.ifPresent(p -> Layout.notice(h, m, Notice.error(p,
                    Text.of("webpages.language.unknown.remedy")), "flash error-summary"));
            h.el("p", m.text("webpages.language.intro"));
            h.el("p", m.text("webpages.language.webConfigNote"), "class", "hint");
            Layout.form(h, r.session(), PATH, "device-language-form", f -> {
                f.open("table", "class", "settings");
                f.open("tr", "class", problem.isPresent() ? "invalid" : null);
                f.open("th").el("label", m.text("webpages.language.field"), "for", FIELD).close("th");
                f.open("td").open("select", "name", FIELD, "id", FIELD, "aria-invalid",
                        problem.isPresent() ? "true" : null);
                for (Language l : Language.values()) {
                    // Each name is in its own language: marked so, for screen readers and checks.
                    f.el("option", ownName(l), "value", l.tag(), "lang", l.tag(), "dir", l.direction(),
                            "selected", Html.on(l == current));
                }
                f.close("select").close("td").close("tr");
                f.close("table");
                f.el("button", m.text("common.button.ok"), "type", "submit", "id", "ok-button");
            });
        });
    }
}
