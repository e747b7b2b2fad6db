package org.printmail.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** The Graph stand-in's requests and answers (see {@link LabGraphService}). */
final class LabGraphRoutes {
    /** Graph's request cap (sendMail, POST attachments): about 4 MB. */
    static final int MAX_REQUEST = 4 * 1024 * 1024;
    /** Microsoft: up to 4 MB per PUT; upload sessions are for files of 3 MB and more. */
    static final long MAX_RANGE = 4L * 1024 * 1024;
    static final long MIN_SESSION_FILE = 3_000_000;
    static final String UPLOAD_PREFIX = "/api/v2.0/AttachmentSessions/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MESSAGE = Pattern.compile("^/me/messages/([A-Za-z0-9_-]+)(/send|/attachments|/attachments/createUploadSession)?$");
    private static final Pattern TAG_FILTER = Pattern.compile("ep/id eq '((?:[^']|'')*)' and ep/value eq '((?:[^']|'')*)'");

    private final URI endpoint;
    private final Function<String, Optional<LabTokenOwner>> tokens;
    private final LabMailServer mail;
    private final LabGraphMailbox mailbox;
    private final LabGraphService.Behaviour behaviour;
    private final Clock clock;
    private final java.util.concurrent.ExecutorService deliveries;

    LabGraphRoutes(URI endpoint, Function<String, Optional<LabTokenOwner>> tokens, LabMailServer mail,
                   LabGraphMailbox mailbox, LabGraphService.Behaviour behaviour, Clock clock,
                   java.util.concurrent.ExecutorService deliveries) {
        this.deliveries = deliveries;
        this.endpoint = endpoint;
        this.tokens = tokens;
        this.mail = mail;
        this.mailbox = mailbox;
        this.behaviour = behaviour;
        this.clock = clock;
    }

    void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        String method = ex.getRequestMethod();
        if (path.startsWith(UPLOAD_PREFIX)) {
            new LabGraphUploads(this, mailbox, behaviour).handle(ex, path.substring(UPLOAD_PREFIX.length()));
            return;
        }
        if (!path.startsWith("/v1.0/")) {
            error(ex, 404, "ResourceNotFound", "Resource not found.");
            return;
        }
        String rest = path.substring("/v1.0".length());
        Matcher m = MESSAGE.matcher(rest);
        LabGraphFault.Target target;
        if (method.equals("POST") && rest.equals("/me/sendMail")) {
            target = LabGraphFault.Target.SEND_MAIL;
        } else if (method.equals("GET") && rest.startsWith("/me/mailFolders/drafts")) {
            target = LabGraphFault.Target.DRAFT_LOOKUP;
        } else if (method.equals("POST") && rest.equals("/me/messages")) {
            target = LabGraphFault.Target.CREATE_DRAFT;
        } else if (m.matches() && "/send".equals(m.group(2)) && method.equals("POST")) {
            target = LabGraphFault.Target.SEND_DRAFT;
        } else if (m.matches() && m.group(2) != null && method.equals("POST")) {
            target = LabGraphFault.Target.ATTACHMENT;
        } else if (m.matches() && m.group(2) == null && method.equals("DELETE")) {
            target = LabGraphFault.Target.DELETE_DRAFT;
        } else {
            error(ex, 400, "BadRequest", "Resource not found for the segment '" + rest + "'.");
            return;
        }
        // Like Graph: the token is checked first, so an anonymous request never meets a fault.
        Optional<LabTokenOwner> owner = bearer(ex);
        if (owner.isEmpty() || applyFault(ex, behaviour.next(target), target)) {
            return;
        }
        String upn = owner.get().upn();
        if (behaviour.restDisabled.contains(upn.toLowerCase(Locale.ROOT))) {
            error(ex, 404, "MailboxNotEnabledForRESTAPI",
                    "The mailbox is either inactive, soft-deleted, or is hosted on-premise.");
            return;
        }
        boolean sends = target == LabGraphFault.Target.SEND_MAIL || target == LabGraphFault.Target.SEND_DRAFT;
        if (!owner.get().hasScope(sends ? LabGraphService.MAIL_SEND : LabGraphService.MAIL_READ_WRITE)) {
            error(ex, 403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
            return;
        }
        if (target == LabGraphFault.Target.SEND_MAIL) {
            sendMail(ex, upn);
        } else if (target == LabGraphFault.Target.DRAFT_LOOKUP) {
            drafts(ex, upn, rest);
        } else if (target == LabGraphFault.Target.CREATE_DRAFT) {
            JsonNode msg = readJson(ex);
            if (msg != null && !messageIdRefused(ex, msg)) {
                LabGraphMailbox.Draft d = mailbox.createDraft(upn, msg);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("@odata.context", endpoint + "/v1.0/$metadata#users('" + upn + "')/messages/$entity");
                out.put("id", d.id);
                out.put("isDraft", true);
                out.put("subject", msg.path("subject").asText(""));
                out.put("internetMessageId", msg.path("internetMessageId").asText(""));
                json(ex, 201, out);
            }
        } else {
            onDraft(ex, upn, m.group(1), target);
        }
    }

    private void onDraft(HttpExchange ex, String upn, String id, LabGraphFault.Target target) throws IOException {
        Optional<LabGraphMailbox.Draft> d = mailbox.draft(upn, id);
        if (d.isEmpty()) {
            error(ex, 404, "ErrorItemNotFound", "The specified object was not found in the store.");
            return;
        }
        String path = ex.getRequestURI().getRawPath();
        if (target == LabGraphFault.Target.DELETE_DRAFT) {
            mailbox.delete(upn, id);
            HttpIo.send(ex, 204, HttpIo.JSON, new byte[0]);
        } else if (target == LabGraphFault.Target.SEND_DRAFT) {
            if (sendAsDenied(ex, upn, d.get().message)) {
                return;
            }
            mailbox.remove(d.get());
            deliver(ex, upn, d.get().message, d.get().attachments);
        } else if (path.endsWith("/createUploadSession")) {
            JsonNode item = readJson(ex);
            if (item == null) {
                return;
            }
            JsonNode a = item.path("AttachmentItem");
            long size = a.path("size").asLong(-1);
            if (size < MIN_SESSION_FILE) {
                error(ex, 400, "ErrorAttachmentSizeShouldNotBeLessThanMinimumSize",
                        "Attachment size must be greater than the minimum size.");
                return;
            }
            LabGraphMailbox.UploadSession s = mailbox.openSession(d.get(), a.path("name").asText("attachment"),
                    a.path("contentType").asText("application/octet-stream"), size);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("@odata.context", endpoint + "/v1.0/$metadata#microsoft.graph.uploadSession");
            out.put("uploadUrl", endpoint + UPLOAD_PREFIX + s.id + "?authtoken=" + s.authToken);
            out.put("expirationDateTime", expiry());
            out.put("nextExpectedRanges", List.of("0-"));
            json(ex, 201, out);
        } else {
            JsonNode a = readJson(ex);
            if (a != null) {
                mailbox.attachInline(d.get(), a);
                json(ex, 201, Map.of("@odata.type", "#microsoft.graph.fileAttachment",
                        "id", "AAMk" + Secrets.token(12), "name", a.path("name").asText("")));
            }
        }
    }

    private void sendMail(HttpExchange ex, String upn) throws IOException {
        String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")).toLowerCase(Locale.ROOT);
        byte[] raw = readBody(ex);
        if (raw == null) {
            return;
        }
        if (type.startsWith("text/plain")) {
            try {
                MimeMessage m = new MimeMessage(Session.getInstance(new java.util.Properties()),
                        new ByteArrayInputStream(Base64.getMimeDecoder().decode(raw)));
                mail.deliver(m);
                HttpIo.send(ex, 202, HttpIo.JSON, new byte[0]);
            } catch (IllegalArgumentException | MessagingException e) {
                error(ex, 400, "ErrorMimeContentInvalidBase64String", "Invalid base64 string for MIME content.");
            }
            return;
        }
        JsonNode body = parse(ex, raw);
        if (body == null) {
            return;
        }
        JsonNode msg = body.path("message");
        if (messageIdRefused(ex, msg) || sendAsDenied(ex, upn, msg)) {
            return;
        }
        List<LabGraphMailbox.StoredAttachment> files = new ArrayList<>();
        for (JsonNode a : msg.path("attachments")) {
            files.add(mailbox.inline(a));
        }
        deliver(ex, upn, msg, files);
    }

    private void deliver(HttpExchange ex, String upn, JsonNode msg, List<LabGraphMailbox.StoredAttachment> files)
            throws IOException {
        if (!msg.path("toRecipients").isArray() || msg.path("toRecipients").isEmpty()) {
            LabGraphMailbox.deleteFiles(files);
            error(ex, 400, "ErrorInvalidRecipients", "At least one recipient isn't valid.");
            return;
        }
        MimeMessage m;
        try {
            m = LabGraphMailbox.compose(upn, msg, files);
        } catch (MessagingException e) {
            LabGraphMailbox.deleteFiles(files);
            error(ex, 400, "ErrorInvalidRecipients", "At least one recipient isn't valid.");
            return;
        }
        // Like Graph: 202 says accepted, not delivered; delivery follows on its own thread.
        deliveries.execute(() -> {
            try {
                mail.deliver(m);
            } catch (MessagingException | RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(LabGraphRoutes.class).warn("lab graph: delivery failed ({})",
                        e.getClass().getSimpleName());
            } finally {
                LabGraphMailbox.deleteFiles(files);
            }
        });
        HttpIo.send(ex, 202, HttpIo.JSON, new byte[0]);
    }

    private boolean messageIdRefused(HttpExchange ex, JsonNode msg) throws IOException {
        if (behaviour.messageIdWritable || !msg.has("internetMessageId")) {
            return false;
        }
        error(ex, 400, "ErrorInvalidProperty", "The property 'InternetMessageId' cannot be set.");
        return true;
    }

    private boolean sendAsDenied(HttpExchange ex, String upn, JsonNode msg) throws IOException {
        String from = msg.path("from").path("emailAddress").path("address").asText("");
        if (from.isEmpty() || from.equalsIgnoreCase(upn) || behaviour.sendAs
                .getOrDefault(upn.toLowerCase(Locale.ROOT), java.util.Set.of()).contains(from.toLowerCase(Locale.ROOT))) {
            return false;
        }
        error(ex, 403, "ErrorSendAsDenied", "The user account which was used to submit this request does"
                + " not have the right to send mail on behalf of the specified sending account., Cannot"
                + " submit message.");
        return true;
    }

    private void drafts(HttpExchange ex, String upn, String rest) throws IOException {
        if (!rest.startsWith("/me/mailFolders/drafts/messages")) {
            json(ex, 200, Map.of("id", "AQMkDrafts", "displayName", "Drafts",
                    "totalItemCount", mailbox.drafts(upn).size()));
            return;
        }
        String filter = query(ex.getRequestURI()).getOrDefault("$filter", "");
        Matcher m = TAG_FILTER.matcher(filter);
        List<Map<String, Object>> value = new ArrayList<>();
        for (LabGraphMailbox.Draft d : mailbox.drafts(upn)) {
            if (!m.find(0) || d.tag(m.group(1).replace("''", "'")).equals(m.group(2).replace("''", "'"))) {
                value.add(Map.of("id", d.id));
            }
        }
        json(ex, 200, Map.of("@odata.context", endpoint + "/v1.0/$metadata#users('" + upn
                + "')/mailFolders('drafts')/messages(id)", "value", value));
    }

    /** The token's owner, or a 401 answer already sent. */
    private Optional<LabTokenOwner> bearer(HttpExchange ex) throws IOException {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        Optional<LabTokenOwner> owner = h != null && h.startsWith("Bearer ")
                ? tokens.apply(h.substring(7).strip()) : Optional.empty();
        if (owner.isEmpty()) {
            error(ex, 401, "InvalidAuthenticationToken", "Access token has expired or is not yet valid.");
        } else if (owner.get().scopes().stream().noneMatch(s -> s.startsWith(LabGraphService.GRAPH))) {
            error(ex, 401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.");
            return Optional.empty();
        }
        return owner;
    }

    /** True when the fault answered the request itself. */
    boolean applyFault(HttpExchange ex, Optional<LabGraphFault> fault, LabGraphFault.Target target) throws IOException {
        if (fault.isEmpty()) {
            return false;
        }
        LabGraphFault f = fault.get();
        int ok = target == LabGraphFault.Target.CREATE_DRAFT ? 201 : target == LabGraphFault.Target.SEND_MAIL
                || target == LabGraphFault.Target.SEND_DRAFT ? 202 : 200;
        switch (f.kind()) {
            case ERROR -> {
                if (!f.retryAfter().isZero()) {
                    ex.getResponseHeaders().set("Retry-After", Long.toString(f.retryAfter().toSeconds()));
                }
                error(ex, f.status(), f.code(), "Injected by the lab.");
                return true;
            }
            case MALFORMED_JSON -> {
                drain(ex);
                HttpIo.send(ex, ok, HttpIo.JSON, "<<not json>>".getBytes(StandardCharsets.UTF_8));
                return true;
            }
            case TRUNCATED_JSON -> {
                drain(ex);
                HttpIo.send(ex, ok, HttpIo.JSON, "{\"id\":\"AAMkAD".getBytes(StandardCharsets.UTF_8));
                return true;
            }
            case CUT -> {
                if (target == LabGraphFault.Target.UPLOAD) {
                    return false; // the upload keeps half the range, then cuts
                }
                FaultResponses.cut(ex);
                return true;
            }
            default -> {
                try {
                    Thread.sleep(f.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
        }
    }

    /** Microsoft's error body: {@code {"error":{"code","message","innerError":{..}}}}. */
    void error(HttpExchange ex, int status, String code, String message) throws IOException {
        drain(ex);
        String requestId = UUID.randomUUID().toString();
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("date", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        inner.put("request-id", requestId);
        inner.put("client-request-id", requestId);
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("code", code);
        err.put("message", message);
        err.put("innerError", inner);
        ex.getResponseHeaders().set("request-id", requestId);
        json(ex, status, Map.of("error", err));
    }

    void json(HttpExchange ex, int status, Object body) throws IOException {
        drain(ex);
        HttpIo.sendJson(ex, status, body);
    }

    /**
     * Reads what is left of the request body before answering, as a real server does: answering
     * and closing with bytes unread makes the client's socket reset and hides the answer.
     */
    static void drain(HttpExchange ex) {
        try (InputStream in = ex.getRequestBody()) {
            byte[] buf = new byte[64 * 1024];
            while (in.read(buf) >= 0) {
                // discard
            }
        } catch (IOException alreadyReadAndClosed) {
            // the handler read the body itself
        }
    }

    String expiry() { return clock.instant().plus(Duration.ofHours(1)).toString(); }

    private JsonNode readJson(HttpExchange ex) throws IOException {
        byte[] raw = readBody(ex);
        return raw == null ? null : parse(ex, raw);
    }

    private JsonNode parse(HttpExchange ex, byte[] raw) throws IOException {
        try {
            return JSON.readTree(raw);
        } catch (IOException e) {
            error(ex, 400, "RequestBodyRead", "The request body is not valid JSON.");
            return null;
        }
    }

    /** The body, or null after a 413 when it is over Graph's request cap. */
    private byte[] readBody(HttpExchange ex) throws IOException {
        byte[] raw;
        try (InputStream in = ex.getRequestBody()) {
            raw = in.readNBytes(MAX_REQUEST + 1);
        }
        if (raw.length > MAX_REQUEST) {
            error(ex, 413, "RequestEntityTooLarge", "The request is larger than the maximum allowed.");
            return null;
        }
        return raw;
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = uri.getRawQuery();
        if (q == null) {
            return out;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
