package org.printmail.graph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import org.printmail.smtp.Attachment;
import org.printmail.smtp.OutgoingMessage;
import org.printmail.smtp.SmtpAccount;

/**
 * The JSON bodies the transport posts: a Graph {@code message} (recipients, subject, text body,
 * {@code from} when it is not the signed-in account, the job's Message-ID, the draft tag) and
 * {@code fileAttachment}s with base64 content streamed from the spool into the request.
 */
final class GraphMessageJson {
    /**
     * A single-value extended property (a named string in the PS_PUBLIC_STRINGS set) holding the
     * job's Message-ID, so a draft a crash left behind is found again and removed.
     */
    static final String DRAFT_TAG_ID = "String {00020329-0000-0000-C000-000000000046} Name PrintmailJobMessageId";

    private GraphMessageJson() { }

    /** {@code {"message": {...}, "saveToSentItems": true}} for {@code POST /me/sendMail}. */
    static byte[] sendMail(SmtpAccount account, OutgoingMessage m, boolean withMessageId) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = GraphClient.JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName("message");
            message(g, account, m, m.attachments(), withMessageId);
            g.writeBooleanField("saveToSentItems", true);
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /** A draft's body for {@code POST /me/messages}: the message without its attachments. */
    static byte[] draft(SmtpAccount account, OutgoingMessage m, boolean withMessageId) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = GraphClient.JSON.createGenerator(out)) {
            message(g, account, m, List.of(), withMessageId);
        }
        return out.toByteArray();
    }

    /** One {@code fileAttachment} for {@code POST /me/messages/{id}/attachments}. */
    static byte[] fileAttachment(Attachment a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = GraphClient.JSON.createGenerator(out)) {
            attachment(g, a);
        }
        return out.toByteArray();
    }

    /** {@code {"AttachmentItem": {...}}} for {@code createUploadSession}. */
    static byte[] uploadSession(Attachment a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = GraphClient.JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("AttachmentItem");
            g.writeStringField("attachmentType", "file");
            g.writeStringField("name", a.fileName());
            g.writeNumberField("size", a.size());
            g.writeStringField("contentType", contentType(a));
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /**
     * Whether Graph takes {@code internetMessageId} on a new message is not confirmed by the
     * pages read (see docs/error-codes.md); a 400 naming the property is answered by sending
     * again without it, so a refusal costs the fixed Message-ID, never the send. The draft tag
     * is kept either way.
     */
    static boolean refusedProperty(GraphReply r) {
        String c = r.errorCode();
        return r.status() == 400 && (c.equalsIgnoreCase("ErrorInvalidProperty")
                || c.equalsIgnoreCase("ErrorInvalidPropertyRequest") || c.equalsIgnoreCase("RequestBodyRead")
                || c.equalsIgnoreCase("ErrorInvalidInternetMessageHeader"));
    }

    private static void message(JsonGenerator g, SmtpAccount account, OutgoingMessage m,
                                List<Attachment> attachments, boolean withMessageId) throws IOException {
        g.writeStartObject();
        g.writeStringField("subject", m.subject() == null ? "" : m.subject());
        g.writeObjectFieldStart("body");
        g.writeStringField("contentType", "Text");
        g.writeStringField("content", m.body() == null ? "" : m.body());
        g.writeEndObject();
        g.writeArrayFieldStart("toRecipients");
        for (String to : m.to()) {
            recipient(g, to);
        }
        g.writeEndArray();
        String from = account.fromAddress();
        if (from != null && !from.isBlank() && !from.equalsIgnoreCase(account.username())) {
            g.writeFieldName("from");
            recipient(g, from);
        }
        if (m.messageId() != null && !m.messageId().isBlank()) {
            if (withMessageId) {
                g.writeStringField("internetMessageId", m.messageId().strip());
            }
            g.writeArrayFieldStart("singleValueExtendedProperties");
            g.writeStartObject();
            g.writeStringField("id", DRAFT_TAG_ID);
            g.writeStringField("value", m.messageId().strip());
            g.writeEndObject();
            g.writeEndArray();
        }
        if (!attachments.isEmpty()) {
            g.writeArrayFieldStart("attachments");
            for (Attachment a : attachments) {
                attachment(g, a);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void recipient(JsonGenerator g, String address) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("emailAddress");
        g.writeStringField("address", address);
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void attachment(JsonGenerator g, Attachment a) throws IOException {
        g.writeStartObject();
        g.writeStringField("@odata.type", "#microsoft.graph.fileAttachment");
        g.writeStringField("name", a.fileName());
        g.writeStringField("contentType", contentType(a));
        g.writeFieldName("contentBytes");
        try (InputStream in = a.source().open()) {
            g.writeBinary(in, (int) a.size());
        }
        g.writeEndObject();
    }

    static String contentType(Attachment a) {
        return a.contentType() == null || a.contentType().isBlank() ? "application/octet-stream"
                : a.contentType();
    }
}
