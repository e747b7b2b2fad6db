package org.printmail.graph;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.printmail.codes.JobCode;
import org.printmail.smtp.Attachment;
import org.printmail.smtp.ConnectionTestStep;
import org.printmail.smtp.MailSender;
import org.printmail.smtp.OutgoingMessage;
import org.printmail.smtp.RateGovernor;
import org.printmail.smtp.SendReport;
import org.printmail.smtp.SenderOptions;
import org.printmail.smtp.SmtpAccount;
import org.printmail.trust.TlsTrust;
import org.printmail.i18n.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link MailSender} on Microsoft Graph. A message whose attachments fit one request goes
 * as {@code POST /me/sendMail}; a larger one as a draft tagged with the job's Message-ID, small
 * files posted to it, each large file through its own upload session, then
 * {@code POST /me/messages/{id}/send}. Before a draft is made, drafts an earlier attempt left
 * behind (a crash between draft and send) are found by that tag and deleted, so a job is sent
 * at most once per attempt and drafts do not pile up. Per mailbox the same governor as SMTP
 * (30 messages a minute) and Graph's 4 concurrent requests apply.
 */
public final class GraphMailSender implements MailSender {
    /** Files up to this size go inline (base64 grows them by a third; the request cap is ~4 MB). */
    static final long INLINE_MAX = 2_500_000;
    /** Microsoft: attachments over 150 MB cannot be uploaded at all. */
    static final long GRAPH_MAX_FILE = 150L * 1024 * 1024;
    private static final int CONCURRENT_PER_MAILBOX = 4;
    private static final Logger LOG = LoggerFactory.getLogger(GraphMailSender.class);

    private final SenderOptions options;
    private final GraphClient client;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private volatile Supplier<SenderOptions> attachmentPolicy;

    private record Lane(RateGovernor governor, Semaphore requests) { }

    private GraphMailSender(Supplier<TlsTrust> trust, SenderOptions options) {
        this.options = options;
        this.client = new GraphClient(trust, options.sleeper());
        this.attachmentPolicy = () -> options;
    }

    /** A sender that asks for the current trust on every new client (imported CAs apply). */
    public static GraphMailSender create(Supplier<TlsTrust> trust, SenderOptions options) {
        return new GraphMailSender(trust, options);
    }

    /** Takes Attached File Maximum Size from the device's current settings on every send. */
    public GraphMailSender withAttachmentLimits(LongSupplier maxBytes, BooleanSupplier split) {
        attachmentPolicy = () -> options.withAttachMaxBytes(maxBytes.getAsLong(), split.getAsBoolean());
        return this;
    }

    @Override
    public SendReport send(SmtpAccount account, OutgoingMessage message) {
        checkSize(message);
        Lane lane = lanes.computeIfAbsent(account.mailboxKey(), k -> new Lane(
                new RateGovernor(options.messagesPerMinute(), options.clock(), options.sleeper()),
                new Semaphore(CONCURRENT_PER_MAILBOX, true)));
        try {
            lane.governor().acquire();
            lane.requests().acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphFailure(JobCode.SERVER_BUSY, Text.of("smtp.interrupted"), "", null, e);
        }
        try {
            GraphClient.Bearer bearer = new GraphClient.Bearer(account.tokens());
            if (fitsOneRequest(message)) {
                sendMail(account, message, bearer);
            } else {
                new DraftSend(client, account, bearer).send(message);
            }
            return new SendReport(message.to(), List.of(), 1);
        } finally {
            lane.requests().release();
        }
    }

    @Override
    public List<ConnectionTestStep> connectionTest(SmtpAccount account) {
        return new GraphConnectionTester(client, account).run();
    }

    @Override
    public void close() {
        lanes.clear();
    }

    static boolean fitsOneRequest(OutgoingMessage m) {
        long sum = 0;
        for (Attachment a : m.attachments()) {
            sum += a.size();
        }
        return sum <= INLINE_MAX;
    }

    private void sendMail(SmtpAccount account, OutgoingMessage m, GraphClient.Bearer bearer) {
        GraphReply r = postMessage(client, new GraphSettingsView(account), bearer, "/me/sendMail",
                Text.of("graph.what.sendingMessage"), withId -> GraphMessageJson.sendMail(account, m, withId));
        if (!r.ok()) {
            throw GraphErrors.fromReply(r, Text.of("graph.what.theMessage"));
        }
    }

    /** A message body that may or may not carry {@code internetMessageId}. */
    @FunctionalInterface
    interface MessageBody {
        byte[] render(boolean withMessageId) throws IOException;
    }

    /** POSTs a new message, once more without internetMessageId if Graph refuses that property. */
    static GraphReply postMessage(GraphClient client, GraphSettingsView g, GraphClient.Bearer bearer, String path,
                                  Text what, MessageBody body) {
        GraphReply r = null;
        for (boolean withId : new boolean[] {true, false}) {
            byte[] bytes;
            try {
                bytes = body.render(withId);
            } catch (IOException e) {
                throw spoolUnreadable(e);
            }
            r = client.call("POST", g.uri(path), "application/json", GraphClient.json(bytes), bearer,
                    g.timeout(), what);
            if (!GraphMessageJson.refusedProperty(r)) {
                break;
            }
        }
        return r;
    }

    /** Graph takes no message larger than 150 MB; the device's own maximum applies as well. */
    private void checkSize(OutgoingMessage m) {
        if (m.to().isEmpty()) {
            throw new GraphFailure(JobCode.RECIPIENT_REJECTED, Text.of("smtp.noRecipient"), "", null, null);
        }
        long max = attachmentPolicy.get().attachMaxBytes();
        long sum = 0;
        for (Attachment a : m.attachments()) {
            sum += a.size();
            if (a.size() > GRAPH_MAX_FILE) {
                throw new GraphFailure(JobCode.MESSAGE_TOO_LARGE, Text.of("graph.fileTooLarge", a.fileName()),
                        "", null, null);
            }
        }
        if (max > 0 && sum > max) {
            // Graph sends one message per job: splitting into numbered parts is an SMTP feature.
            throw new GraphFailure(JobCode.ATTACHMENT_TOO_LARGE, Text.of("graph.scanTooLarge",
                    sum / (1024 * 1024), max / (1024 * 1024)), "", null, null);
        }
    }

    static GraphFailure spoolUnreadable(IOException e) {
        return new GraphFailure(JobCode.SPOOL_DAMAGED, Text.of("graph.spoolUnreadable",
                e.getClass().getSimpleName()), "", null, e);
    }

    /** The account's Graph endpoint as URIs, and its timeout. */
    record GraphSettingsView(SmtpAccount account) {
        URI uri(String path) { return URI.create(account.graph().apiBase() + path); }

        Duration timeout() { return account.graph().httpTimeout(); }
    }

    /** The large-message path: clean up, draft, attachments, send; the draft removed on failure. */
    private static final class DraftSend {
        private final GraphClient client;
        private final SmtpAccount account;
        private final GraphClient.Bearer bearer;
        private final GraphSettingsView g;

        DraftSend(GraphClient client, SmtpAccount account, GraphClient.Bearer bearer) {
            this.client = client;
            this.account = account;
            this.bearer = bearer;
            this.g = new GraphSettingsView(account);
        }

        void send(OutgoingMessage m) {
            removeLeftoverDrafts(m.messageId());
            String draftId = createDraft(m);
            boolean sent = false;
            try {
                for (Attachment a : m.attachments()) {
                    if (a.size() <= INLINE_MAX) {
                        attachInline(draftId, a);
                    } else {
                        attachByUpload(draftId, a);
                    }
                }
                GraphReply r = client.call("POST", g.uri("/me/messages/" + enc(draftId) + "/send"), null,
                        null, bearer, g.timeout(), Text.of("graph.what.sendingDraft"));
                if (!r.ok()) {
                    throw GraphErrors.fromReply(r, Text.of("graph.what.sendingDraft"));
                }
                sent = true;
            } finally {
                if (!sent) {
                    deleteQuietly(draftId);
                }
            }
        }

        /** Drafts tagged with this job's Message-ID: an attempt a crash interrupted. */
        private void removeLeftoverDrafts(String messageId) {
            if (messageId == null || messageId.isBlank()) {
                return;
            }
            String filter = "singleValueExtendedProperties/any(ep:ep/id eq '"
                    + GraphMessageJson.DRAFT_TAG_ID + "' and ep/value eq '"
                    + messageId.strip().replace("'", "''") + "')";
            URI uri = g.uri("/me/mailFolders/drafts/messages?$filter=" + enc(filter) + "&$select=id");
            GraphReply r = client.call("GET", uri, null, null, bearer, g.timeout(), Text.of("graph.what.lookingForDrafts"));
            if (!r.ok()) {
                throw GraphErrors.fromReply(r, Text.of("graph.what.draftLookup"));
            }
            for (JsonNode d : r.body().path("value")) {
                String id = d.path("id").asText("");
                if (!id.isEmpty()) {
                    GraphReply del = client.call("DELETE", g.uri("/me/messages/" + enc(id)), null, null,
                            bearer, g.timeout(), Text.of("graph.what.deletingLeftover"));
                    if (!del.ok() && del.status() != 404) {
                        throw GraphErrors.fromReply(del, Text.of("graph.what.deletingLeftover"));
                    }
                    LOG.info("graph: deleted a draft an interrupted attempt left for {}", account.mailboxKey());
                }
            }
        }

        private String createDraft(OutgoingMessage m) {
            GraphReply r = postMessage(client, g, bearer, "/me/messages", Text.of("graph.what.creatingDraft"),
                    withId -> GraphMessageJson.draft(account, m, withId));
            if (!r.ok()) {
                throw GraphErrors.fromReply(r, Text.of("graph.what.theDraft"));
            }
            String id = r.body().path("id").asText("");
            if (id.isEmpty()) {
                throw GraphErrors.malformed(g.uri("").getHost(), Text.of("graph.what.creatingDraftNoId"));
            }
            return id;
        }

        private void attachInline(String draftId, Attachment a) {
            byte[] body;
            try {
                body = GraphMessageJson.fileAttachment(a);
            } catch (IOException e) {
                throw spoolUnreadable(e);
            }
            GraphReply r = client.call("POST", g.uri("/me/messages/" + enc(draftId) + "/attachments"),
                    "application/json", GraphClient.json(body), bearer, g.timeout(), Text.of("graph.what.attaching", a.fileName()));
            if (!r.ok()) {
                throw GraphErrors.fromReply(r, Text.of("graph.what.theAttachment", a.fileName()));
            }
        }

        private void attachByUpload(String draftId, Attachment a) {
            byte[] body;
            try {
                body = GraphMessageJson.uploadSession(a);
            } catch (IOException e) {
                throw spoolUnreadable(e);
            }
            GraphReply r = client.call("POST", g.uri("/me/messages/" + enc(draftId)
                    + "/attachments/createUploadSession"), "application/json", GraphClient.json(body), bearer,
                    g.timeout(), Text.of("graph.what.creatingUploadSession", a.fileName()));
            if (r.errorCode().equalsIgnoreCase("ErrorAttachmentSizeShouldNotBeLessThanMinimumSize")) {
                // Microsoft: sessions are for 3 MB and more; a file just under fits one request.
                attachInline(draftId, a);
                return;
            }
            if (!r.ok()) {
                throw GraphErrors.fromReply(r, Text.of("graph.what.theUploadSession", a.fileName()));
            }
            String url = r.body().path("uploadUrl").asText("");
            if (!url.startsWith("https://")) {
                throw GraphErrors.malformed(g.uri("").getHost(), Text.of("graph.what.creatingUploadNoUrl"));
            }
            URI uploadUrl = URI.create(url);
            long first = AttachmentUpload.nextOffset(r.body(), uploadUrl, a);
            int resumed = new AttachmentUpload(client, g.timeout()).upload(uploadUrl, first, a);
            if (resumed > 0) {
                LOG.info("graph: upload of an attachment resumed {} time(s) from the session's range", resumed);
            }
        }

        private void deleteQuietly(String draftId) {
            try {
                client.call("DELETE", g.uri("/me/messages/" + enc(draftId)), null, null, bearer, g.timeout(),
                        Text.of("graph.what.deletingDraft"));
            } catch (RuntimeException e) {
                // The next attempt finds it by its tag and deletes it then.
                LOG.debug("graph: unsent draft left for the next attempt ({})", e.getClass().getSimpleName());
            }
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
