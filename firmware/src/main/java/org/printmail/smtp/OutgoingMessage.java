package org.printmail.smtp;

import java.util.List;

import org.printmail.i18n.Language;

/**
 * One message to submit. {@code messageId} stays the same across retries so a resend after a
 * crash between the server's 250 and our record is recognisable as a duplicate.
 *
 * @param language the language the message is worded in (the device language): what the sender
 *                 adds itself, such as the "Part 2 of 3" line of a split scan, follows it
 */
public record OutgoingMessage(String messageId, List<String> to, String subject, String body,
                              List<Attachment> attachments, Language language) {
    public OutgoingMessage {
        to = List.copyOf(to);
        attachments = List.copyOf(attachments);
        language = language == null ? Language.ENGLISH : language;
    }

    /** A message worded in English. */
    public OutgoingMessage(String messageId, List<String> to, String subject, String body,
                           List<Attachment> attachments) {
        this(messageId, to, subject, body, attachments, Language.ENGLISH);
    }
}
