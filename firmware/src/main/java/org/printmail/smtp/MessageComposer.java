package org.printmail.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.printmail.codes.JobCode;
import org.printmail.i18n.Text;

/**
 * Builds the MIME messages of one job: plans the numbered parts when attachments exceed the
 * attached-file maximum, and composes each part with attachments streamed from disk.
 *
 * <p>Splitting groups whole files, in order; a file is never cut, because a printer user expects
 * every attachment to open as it is (a PDF in pieces does not). A single file over the maximum
 * is refused with 392 (the jobs layer can produce one file per page range instead).
 */
final class MessageComposer {
    private MessageComposer() { }

    /** One message of a job: part {@code index} of {@code total} (1-based). */
    record Part(int index, int total, List<Attachment> attachments) { }

    static List<Part> plan(List<Attachment> attachments, long maxBytes, boolean split) {
        List<Long> sizes = new ArrayList<>();
        long sum = 0;
        for (Attachment a : attachments) {
            long size = sizeOf(a);
            sizes.add(size);
            sum += size;
        }
        if (maxBytes <= 0 || sum <= maxBytes) {
            return List.of(new Part(1, 1, attachments));
        }
        if (!split) {
            throw new SmtpFailure(JobCode.ATTACHMENT_TOO_LARGE,
                    Text.of("smtp.scanTooLarge", mb(sum), mb(maxBytes)), "", null);
        }
        List<List<Attachment>> groups = new ArrayList<>();
        List<Attachment> current = new ArrayList<>();
        long currentSize = 0;
        for (int i = 0; i < attachments.size(); i++) {
            long size = sizes.get(i);
            if (size > maxBytes) {
                throw new SmtpFailure(JobCode.ATTACHMENT_TOO_LARGE, Text.of("smtp.fileTooLarge",
                        attachments.get(i).fileName(), mb(size), mb(maxBytes)), "", null);
            }
            if (currentSize + size > maxBytes && !current.isEmpty()) {
                groups.add(current);
                current = new ArrayList<>();
                currentSize = 0;
            }
            current.add(attachments.get(i));
            currentSize += size;
        }
        groups.add(current);
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            parts.add(new Part(i + 1, groups.size(), List.copyOf(groups.get(i))));
        }
        return parts;
    }

    static MimeMessage compose(Session session, SmtpAccount account, OutgoingMessage m, Part part,
                               Instant date) throws MessagingException {
        JobMessage msg = new JobMessage(session, partMessageId(m.messageId(), part));
        msg.setFrom(new InternetAddress(fromAddress(account), true));
        for (String to : m.to()) {
            msg.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
        }
        String subject = m.subject() == null ? "" : m.subject();
        String body = m.body() == null ? "" : m.body();
        if (part.total() > 1) {
            subject = subject + " (" + part.index() + "/" + part.total() + ")";
            body = body + "\r\n\r\nPart " + part.index() + " of " + part.total() + ".";
        }
        msg.setSubject(subject, "UTF-8");
        msg.setSentDate(Date.from(date));
        if (part.attachments().isEmpty()) {
            msg.setText(body, "UTF-8");
        } else {
            MimeMultipart mixed = new MimeMultipart();
            MimeBodyPart text = new MimeBodyPart();
            text.setText(body, "UTF-8");
            mixed.addBodyPart(text);
            for (Attachment a : part.attachments()) {
                mixed.addBodyPart(attachmentPart(a));
            }
            msg.setContent(mixed);
        }
        msg.saveChanges();
        return msg;
    }

    static String fromAddress(SmtpAccount account) {
        String from = account.fromAddress();
        return from == null || from.isBlank() ? account.username() : from;
    }

    private static MimeBodyPart attachmentPart(Attachment a) throws MessagingException {
        MimeBodyPart p = new MimeBodyPart();
        p.setDataHandler(new DataHandler(new FileSource(a)));
        p.setFileName(a.fileName());
        p.setDisposition(MimeBodyPart.ATTACHMENT);
        // Set here so saveChanges does not read the whole file to choose an encoding.
        p.setHeader("Content-Type", contentType(a));
        p.setHeader("Content-Transfer-Encoding", "base64");
        return p;
    }

    private static String contentType(Attachment a) throws MessagingException {
        String type = a.contentType() == null || a.contentType().isBlank()
                ? "application/octet-stream" : a.contentType();
        // The library quotes the parameter; Attachment already refused control characters.
        jakarta.mail.internet.ContentType ct = new jakarta.mail.internet.ContentType(type);
        ct.setParameter("name", a.fileName());
        return ct.toString();
    }

    /** The job's Message-ID for a single message; a stable derived one per part. */
    static String partMessageId(String messageId, Part part) {
        if (messageId == null || messageId.isBlank() || part.total() == 1) {
            return messageId;
        }
        String id = messageId.strip().replaceAll("^<|>$", "");
        int at = id.lastIndexOf('@');
        String suffix = ".part" + part.index() + "of" + part.total();
        return at < 0 ? "<" + id + suffix + "@printmail>"
                : "<" + id.substring(0, at) + suffix + id.substring(at) + ">";
    }

    private static long sizeOf(Attachment a) { return a.size(); }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** Keeps the job's Message-ID through saveChanges (retries stay recognisable as duplicates). */
    static final class JobMessage extends MimeMessage {
        private final String messageId;

        JobMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (messageId == null || messageId.isBlank()) {
                super.updateMessageID();
            } else {
                setHeader("Message-ID", messageId.strip());
            }
        }
    }

    /** Streams the file each time it is written; nothing is held in memory. */
    private record FileSource(Attachment a) implements DataSource {
        @Override
        public InputStream getInputStream() throws IOException { return a.source().open(); }

        @Override
        public OutputStream getOutputStream() throws IOException {
            throw new IOException("read-only");
        }

        @Override
        public String getContentType() {
            try {
                return contentType(a);
            } catch (MessagingException e) {
                return "application/octet-stream"; // an unparsable type: send the bytes untyped
            }
        }

        @Override
        public String getName() { return a.fileName(); }
    }
}
