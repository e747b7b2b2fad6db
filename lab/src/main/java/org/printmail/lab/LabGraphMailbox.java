package org.printmail.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * The Graph stand-in's mailboxes: drafts (with their tag and attachments on disk), upload
 * sessions (bytes appended to a file as ranges arrive), and delivery of a sent message into the
 * lab mail store. Attachment content lives in temporary files, never in memory.
 */
final class LabGraphMailbox implements AutoCloseable {
    /** A file attached to a draft. */
    record StoredAttachment(String name, String contentType, Path file, long size) { }

    /** A draft message in a user's Drafts folder. */
    static final class Draft {
        final String id;
        final String upn;
        final JsonNode message;
        final List<StoredAttachment> attachments = new ArrayList<>();

        Draft(String id, String upn, JsonNode message) {
            this.id = id;
            this.upn = upn;
            this.message = message;
        }

        String tag(String tagId) {
            for (JsonNode p : message.path("singleValueExtendedProperties")) {
                if (p.path("id").asText("").equalsIgnoreCase(tagId)) {
                    return p.path("value").asText("");
                }
            }
            return "";
        }
    }

    /** An upload session: where the next byte goes, and the secret its URL carries. */
    static final class UploadSession {
        final String id;
        final String draftId;
        final String authToken;
        final String name;
        final String contentType;
        final long size;
        final Path file;
        long received;

        UploadSession(String id, String draftId, String authToken, String name, String contentType,
                      long size, Path file) {
            this.id = id;
            this.draftId = draftId;
            this.authToken = authToken;
            this.name = name;
            this.contentType = contentType;
            this.size = size;
            this.file = file;
        }
    }

    private final Path dir;
    private final Map<String, Draft> drafts = new LinkedHashMap<>();
    private final Map<String, UploadSession> sessions = new LinkedHashMap<>();

    LabGraphMailbox() {
        try {
            dir = Files.createTempDirectory("lab-graph-");
        } catch (IOException e) {
            throw new IllegalStateException("lab graph: cannot create its attachment folder", e);
        }
    }

    synchronized Draft createDraft(String upn, JsonNode message) {
        Draft d = new Draft("AAMk" + Secrets.token(24), upn, message);
        drafts.put(d.id, d);
        return d;
    }

    synchronized Optional<Draft> draft(String upn, String id) {
        Draft d = drafts.get(id);
        return d != null && d.upn.equalsIgnoreCase(upn) ? Optional.of(d) : Optional.empty();
    }

    synchronized List<Draft> drafts(String upn) {
        return drafts.values().stream().filter(d -> d.upn.equalsIgnoreCase(upn)).toList();
    }

    synchronized boolean delete(String upn, String id) {
        Optional<Draft> d = draft(upn, id);
        d.ifPresent(this::forget);
        return d.isPresent();
    }

    /** Stores a base64 {@code fileAttachment} on the draft. */
    synchronized void attachInline(Draft d, JsonNode attachment) throws IOException {
        d.attachments.add(inline(attachment));
    }

    StoredAttachment inline(JsonNode attachment) throws IOException {
        byte[] bytes = Base64.getDecoder().decode(attachment.path("contentBytes").asText(""));
        Path f = Files.createTempFile(dir, "inline-", ".bin");
        Files.write(f, bytes);
        return new StoredAttachment(attachment.path("name").asText("attachment"),
                attachment.path("contentType").asText("application/octet-stream"), f, bytes.length);
    }

    synchronized UploadSession openSession(Draft d, String name, String contentType, long size)
            throws IOException {
        Path f = Files.createTempFile(dir, "upload-", ".bin");
        UploadSession s = new UploadSession("AAMk" + Secrets.token(16), d.id, Secrets.token(32), name,
                contentType, size, f);
        sessions.put(s.id, s);
        return s;
    }

    synchronized Optional<UploadSession> session(String id, String authToken) {
        UploadSession s = sessions.get(id);
        return s != null && s.authToken.equals(authToken) ? Optional.of(s) : Optional.empty();
    }

    /**
     * Appends up to {@code length} bytes of the request body to the session's file; a body cut off
     * midway keeps what arrived (the next expected byte moves only that far).
     */
    void append(UploadSession s, InputStream body, long length, long cutAfter) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long left = Math.min(length, cutAfter);
        try (OutputStream out = Files.newOutputStream(s.file, StandardOpenOption.APPEND)) {
            while (left > 0) {
                int n = body.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
                synchronized (this) {
                    s.received += n;
                }
                left -= n;
            }
        }
    }

    /** The finished session becomes the draft's attachment. */
    synchronized void complete(UploadSession s) {
        sessions.remove(s.id);
        Draft d = drafts.get(s.draftId);
        if (d != null) {
            d.attachments.add(new StoredAttachment(s.name, s.contentType, s.file, s.size));
        }
    }

    /** The draft leaves Drafts (sent); its files are deleted once the message is delivered. */
    synchronized void remove(Draft d) {
        drafts.remove(d.id);
    }

    static MimeMessage compose(String upn, JsonNode message, List<StoredAttachment> files)
            throws MessagingException {
        String id = message.path("internetMessageId").asText("");
        MimeMessage m = new MimeMessage(Session.getInstance(new java.util.Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                if (id.isEmpty()) {
                    super.updateMessageID();
                } else {
                    setHeader("Message-ID", id);
                }
            }
        };
        String from = message.path("from").path("emailAddress").path("address").asText(upn);
        m.setFrom(new InternetAddress(from));
        for (JsonNode r : message.path("toRecipients")) {
            m.addRecipient(Message.RecipientType.TO,
                    new InternetAddress(r.path("emailAddress").path("address").asText()));
        }
        m.setSubject(message.path("subject").asText(""), "UTF-8");
        m.setSentDate(new Date());
        String text = message.path("body").path("content").asText("");
        if (files.isEmpty()) {
            m.setText(text, "UTF-8");
        } else {
            MimeMultipart mixed = new MimeMultipart();
            MimeBodyPart t = new MimeBodyPart();
            t.setText(text, "UTF-8");
            mixed.addBodyPart(t);
            for (StoredAttachment a : files) {
                MimeBodyPart p = new MimeBodyPart();
                p.setDataHandler(new DataHandler(new FileDataSource(a.file().toFile()) {
                    @Override
                    public String getContentType() { return a.contentType(); }
                }));
                p.setFileName(a.name());
                p.setDisposition(MimeBodyPart.ATTACHMENT);
                p.setHeader("Content-Transfer-Encoding", "base64");
                mixed.addBodyPart(p);
            }
            m.setContent(mixed);
        }
        m.saveChanges();
        return m;
    }

    static void deleteFiles(List<StoredAttachment> files) {
        for (StoredAttachment a : files) {
            try {
                Files.deleteIfExists(a.file());
            } catch (IOException ignored) {
                // a temporary file; the folder goes at close
            }
        }
    }

    private void forget(Draft d) {
        drafts.remove(d.id);
        deleteFiles(d.attachments);
        sessions.values().removeIf(s -> {
            if (s.draftId.equals(d.id)) {
                deleteFiles(List.of(new StoredAttachment(s.name, s.contentType, s.file, s.size)));
                return true;
            }
            return false;
        });
    }

    synchronized void reset() {
        new ArrayList<>(drafts.values()).forEach(this::forget);
        sessions.clear();
    }

    @Override
    public synchronized void close() {
        reset();
        try (var files = Files.list(dir)) {
            files.forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
        dir.toFile().delete();
    }
}
