package org.printmail.jobs;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.printmail.config.DeviceSettings;
import org.printmail.i18n.Language;
import org.printmail.i18n.Messages;
import org.printmail.i18n.Text;
import org.printmail.smtp.Attachment;
import org.printmail.smtp.OutgoingMessage;

/** Turns a stored job (or a burst of alerts) into the message the sender submits. */
final class JobMessages {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private JobMessages() { }

    static String messageId(String jobId) { return "<" + jobId + "@printmail.device>"; }

    static OutgoingMessage scan(StoredJob j, List<String> to, List<Attachment> files, Language language) {
        String subject = j.subject() == null || j.subject().isBlank()
                ? words(language, Text.of("mail.scan.subject")) : j.subject();
        String body = j.body() == null ? "" : j.body();
        return new OutgoingMessage(j.messageId(), to, subject, body, files);
    }

    static OutgoingMessage fax(StoredJob j, DeviceSettings s, List<Attachment> pages) {
        List<String> to = new ArrayList<>();
        for (String n : j.faxNumbers()) {
            to.add(faxAddress(s.faxAddressPattern(), n));
        }
        String subject = words(s.language(), Text.of("mail.fax.subject", String.join(", ", j.faxNumbers())));
        return new OutgoingMessage(j.messageId(), to, subject,
                words(s.language(), Text.of("mail.fax.body", pages.size(), j.jobId())), pages);
    }

    static String faxAddress(String pattern, String number) {
        return pattern.replace("{number}", number.replaceAll("[^0-9+]", ""));
    }

    static OutgoingMessage alert(StoredJob j, List<String> to, Language language) {
        DeviceEvent e = DeviceEvent.valueOf(j.event());
        Text body = j.detail() == null || j.detail().isBlank()
                ? Text.of("mail.alert.body", e.displayNameText(), TIME.format(j.submitted()))
                : Text.of("mail.alert.bodyWithDetail", e.displayNameText(), TIME.format(j.submitted()), j.detail());
        return new OutgoingMessage(j.messageId(), to, words(language, Text.of("mail.alert.subject",
                e.displayNameText())), words(language, body), List.of());
    }

    /** Several alerts that became due together for the same recipients: one digest message. */
    static OutgoingMessage digest(List<StoredJob> alerts, List<String> to, Language language) {
        StringBuilder body = new StringBuilder(words(language, Text.of("mail.digest.heading", alerts.size())))
                .append('\n');
        for (StoredJob j : alerts) {
            DeviceEvent e = DeviceEvent.valueOf(j.event());
            Text line = j.detail() == null || j.detail().isBlank()
                    ? Text.of("mail.digest.line", TIME.format(j.submitted()), e.displayNameText())
                    : Text.of("mail.digest.lineWithDetail", TIME.format(j.submitted()), e.displayNameText(),
                            j.detail());
            body.append(words(language, line)).append('\n');
        }
        return new OutgoingMessage(messageId("digest-" + alerts.get(0).jobId()), to,
                words(language, Text.of("mail.digest.subject", alerts.size())), body.toString(), List.of());
    }

    /**
     * A text in the device language for a message. Values keep their isolates in a right-to-left
     * language (a mail client shows an address or a number the right way round inside Arabic);
     * a left-to-right message needs none, so its subject and body carry no invisible characters.
     */
    static String words(Language language, Text text) {
        String s = Messages.of(language).render(text);
        return language.isRightToLeft() ? s : Messages.stripDirectionalControls(s);
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
