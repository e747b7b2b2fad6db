package org.printmail.jobs;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.printmail.config.DeviceSettings;
import org.printmail.smtp.Attachment;
import org.printmail.smtp.OutgoingMessage;

/** Turns a stored job (or a burst of alerts) into the message the sender submits. */
final class JobMessages {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private JobMessages() { }

    static String messageId(String jobId) { return "<" + jobId + "@printmail.device>"; }

    static OutgoingMessage scan(StoredJob j, List<String> to, List<Attachment> files) {
        String subject = j.subject() == null || j.subject().isBlank() ? "Scanned document" : j.subject();
        String body = j.body() == null ? "" : j.body();
        return new OutgoingMessage(j.messageId(), to, subject, body, files);
    }

    static OutgoingMessage fax(StoredJob j, DeviceSettings s, List<Attachment> pages) {
        List<String> to = new ArrayList<>();
        for (String n : j.faxNumbers()) {
            to.add(faxAddress(s.faxAddressPattern(), n));
        }
        String subject = "Fax to " + String.join(", ", j.faxNumbers());
        return new OutgoingMessage(j.messageId(), to, subject,
                "Fax job " + j.jobId() + ", " + pages.size() + " file(s).", pages);
    }

    static String faxAddress(String pattern, String number) {
        return pattern.replace("{number}", number.replaceAll("[^0-9+]", ""));
    }

    static OutgoingMessage alert(StoredJob j, List<String> to) {
        DeviceEvent e = DeviceEvent.valueOf(j.event());
        String body = e.displayName() + " at " + TIME.format(j.submitted())
                + (j.detail() == null || j.detail().isBlank() ? "" : "\n" + j.detail());
        return new OutgoingMessage(j.messageId(), to, "[Printer alert] " + e.displayName(), body, List.of());
    }

    /** Several alerts that became due together for the same recipients: one digest message. */
    static OutgoingMessage digest(List<StoredJob> alerts, List<String> to) {
        StringBuilder body = new StringBuilder(alerts.size() + " device alerts:\n");
        for (StoredJob j : alerts) {
            DeviceEvent e = DeviceEvent.valueOf(j.event());
            body.append("- ").append(TIME.format(j.submitted())).append("  ").append(e.displayName());
            if (j.detail() != null && !j.detail().isBlank()) {
                body.append(": ").append(j.detail());
            }
            body.append('\n');
        }
        return new OutgoingMessage(messageId("digest-" + alerts.get(0).jobId()), to,
                "[Printer alert] " + alerts.size() + " device alerts", body.toString(), List.of());
    }

    static String contentType(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (n.endsWith(".tif") || n.endsWith(".tiff")) {
            return "image/tiff";
        }
        return "application/octet-stream";
    }
}
