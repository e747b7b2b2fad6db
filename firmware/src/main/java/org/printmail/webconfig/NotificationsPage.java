package org.printmail.webconfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.printmail.config.ConfigException;
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
            r.session().flash(Notice.info("The notification recipients were saved."));
            return Response.redirect(PATH);
        } catch (ConfigException e) {
            return render(r, typed, e).withStatus(400);
        }
    }

    private Response render(Request r, Map<String, String> values, ConfigException error) {
        return layout.page(r, "Device Management > Email Notifications", h -> {
            if (error != null) {
                Layout.notice(h, Notice.error(error.detail(),
                        "Correct the named field and click OK."), "flash error-summary");
            }
            h.el("p", "Addresses that receive an email alert for each event, separated by commas.");
            Layout.form(h, r.session(), PATH, "notifications-form", f -> {
                f.open("table", "class", "settings");
                for (DeviceEvent e : DeviceEvent.values()) {
                    boolean bad = error != null && error.field().contains("(" + e.name() + ")");
                    f.open("tr", "class", bad ? "invalid" : null);
                    f.open("th").el("label", e.displayName(), "for", e.name()).close("th");
                    f.open("td").empty("input", "type", "text", "name", e.name(), "id", e.name(),
                            "value", values.getOrDefault(e.name(), ""), "aria-invalid",
                                    bad ? "true" : null).close("td");
                    f.close("tr");
                }
                f.close("table");
                f.el("button", "OK", "type", "submit", "id", "ok-button");
            });
        });
    }
}
