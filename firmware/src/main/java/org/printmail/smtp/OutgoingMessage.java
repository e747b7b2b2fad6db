package org.printmail.smtp;

import java.util.List;

/**
 * One message to submit. {@code messageId} stays the same across retries so a resend after a
 * crash between the server's 250 and our record is recognisable as a duplicate.
 */
public record OutgoingMessage(String messageId, List<String> to, String subject, String body,
                              List<Attachment> attachments) {
    public OutgoingMessage {
        to = List.copyOf(to);
        attachments = List.copyOf(attachments);
    }
}
