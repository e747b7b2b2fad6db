package org.printmail.webconfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.printmail.config.ConfigException;
import org.printmail.i18n.Messages;
import org.printmail.i18n.Text;
import org.printmail.jobs.DeviceEvent;

/** Device Management > Email Notifications: recipients for each device event's email alert. */
final class NotificationsPage {
    static final String PATH = "/notifications";

    private final Layout layout;
    private final WebConfigBackend backend;

    NotificationsPage(Layout layout, WebConfigBackend backend) {
        this.layout = layout;
        this.backend = backend;
    }

    void register(Dispatcher d) {
        d.get(PATH, Dispatcher.Access.ADMIN, r -> {
            Map<String, String> values = new LinkedHashMap<>();
            backend.settings().current().notificationRecipients().forEach((k, v) -> values.put(k,
                    String.join(", ", v)));
            return render(r, values, null);
        });
        d.post(PATH, Dispatcher.Access.ADMIN, this::save);
    }

    private Response save(Request r) {
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, List<String>> recipients = new LinkedHashMap<>();
        for (DeviceEvent e : DeviceEvent.values()) {
            String v = r.form().get(e.name());
            typed.put(e.name(), v);
            List<String> list = new ArrayList<>(Arrays.stream(v.split("[,;\\s]+")).filter(s -> !s.isEmpty()).toList());
            if (!list.isEmpty()) {
                recipients.put(e.name(), list);
            }
        }
        try {
            backend.settings().update(s -> s.withNotificationRecipients(recipients));
            r.session().flash(Notice.info(Text.of("webpages.notifications.saved")));
            return Response.redirect(PATH);
        } catch (ConfigException e) {
            return render(r, typed, e).withStatus(400);
        }
    }

    /** Whether the problem is about this event's recipients (settings name it as the jobs layer words it). */
    private static boolean names(ConfigException problem, DeviceEvent e) {
        Text field = problem.fieldText();
        return field.args().size() == 1 && (field.args().get(0).equals(e.displayNameText())
                || e.name().equals(field.args().get(0).value()));
    }

    private Response render(Request r, Map<String, String> values, ConfigException error) {
        Messages m = r.messages();
        return layout.page(r, m.text("common.menu.notifications"), h -> {
            if (error != null) {
                h.open("div", "class", "flash error-summary error", "role", "status");
                for (ConfigException p : error.problems()) {
                    h.el("p", m.render(p.detailText()), "class", "notice-text");
                }
                h.el("p", m.text("webpages.common.correctField"), "class", "remedy");
                h.close("div");
            }
            h.el("p", m.text("webpages.notifications.intro"));
            Layout.form(h, r.session(), PATH, "notifications-form", f -> {
                f.open("table", "class", "settings");
                for (DeviceEvent e : DeviceEvent.values()) {
                    boolean bad = error != null && error.problems().stream().anyMatch(p -> names(p, e));
                    f.open("tr", "class", bad ? "invalid" : null);
                    f.open("th").el("label", m.render(e.displayNameText()), "for", e.name()).close("th");
                    f.open("td").empty("input", "type", "text", "name", e.name(), "id", e.name(),
                            "value", values.getOrDefault(e.name(), ""), "aria-invalid",
                                    bad ? "true" : null, "dir", "ltr").close("td");
                    f.close("tr");
                }
                f.close("table");
                f.el("button", m.text("common.button.ok"), "type", "submit", "id", "ok-button");
            });
        });
    }
}
