package org.printmail.lab;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pre-authenticated upload URL of an attachment upload session: {@code PUT} a byte range
 * ({@code Content-Range: bytes a-b/total}, at most 4 MB, in order, no Authorization header), and
 * {@code GET} for where the next byte goes. Answers as Microsoft documents for Outlook items: 200
 * with {@code nextExpectedRanges: ["N"]}, and 201 with a {@code Location} for the last range.
 */
final class LabGraphUploads {
    private static final Pattern RANGE = Pattern.compile("^bytes (\\d+)-(\\d+)/(\\d+)$");

    private final LabGraphRoutes routes;
    private final LabGraphMailbox mailbox;
    private final LabGraphService.Behaviour behaviour;

    LabGraphUploads(LabGraphRoutes routes, LabGraphMailbox mailbox, LabGraphService.Behaviour behaviour) {
        this.routes = routes;
        this.mailbox = mailbox;
        this.behaviour = behaviour;
    }

    void handle(HttpExchange ex, String id) throws IOException {
        boolean put = ex.getRequestMethod().equals("PUT");
        Optional<LabGraphFault> fault = put ? behaviour.next(LabGraphFault.Target.UPLOAD) : Optional.empty();
        if (routes.applyFault(ex, fault, LabGraphFault.Target.UPLOAD)) {
            return;
        }
        String token = LabGraphRoutes.query(ex.getRequestURI()).getOrDefault("authtoken", "");
        Optional<LabGraphMailbox.UploadSession> found = mailbox.session(id, token);
        if (found.isEmpty()) {
            routes.error(ex, 404, "ErrorItemNotFound", "The specified object was not found in the store.");
            return;
        }
        LabGraphMailbox.UploadSession s = found.get();
        if (ex.getRequestHeaders().containsKey("Authorization")) {
            routes.error(ex, 400, "BadRequest", "The upload URL is pre-authenticated; do not send an"
                    + " Authorization header.");
            return;
        }
        if (ex.getRequestMethod().equals("GET")) {
            if (!behaviour.uploadStatusReadable) {
                routes.error(ex, 405, "MethodNotAllowed", "The HTTP method is not allowed on the resource.");
                return;
            }
            routes.json(ex, 200, status(s));
            return;
        }
        if (!put) {
            routes.error(ex, 405, "MethodNotAllowed", "The HTTP method is not allowed on the resource.");
            return;
        }
        Matcher m = RANGE.matcher(String.valueOf(ex.getRequestHeaders().getFirst("Content-Range")));
        long length = contentLength(ex);
        if (!m.matches() || length < 0) {
            routes.error(ex, 400, "InvalidRange", "Content-Range and Content-Length are required.");
            return;
        }
        long start = Long.parseLong(m.group(1));
        long end = Long.parseLong(m.group(2));
        long total = Long.parseLong(m.group(3));
        if (total != s.size || end < start || end - start + 1 != length || end >= total) {
            routes.error(ex, 400, "InvalidRange", "The Content-Range does not match the upload session.");
            return;
        }
        if (length > LabGraphRoutes.MAX_RANGE) {
            routes.error(ex, 413, "RequestEntityTooLarge", "Upload at most 4 MB per request.");
            return;
        }
        synchronized (s) {
            if (start != s.received) {
                routes.error(ex, 416, "InvalidRange", "The range does not start at the next expected byte.");
                return;
            }
            boolean cut = fault.isPresent() && fault.get().kind() == LabGraphFault.Kind.CUT;
            try (InputStream in = ex.getRequestBody()) {
                mailbox.append(s, in, length, cut ? length / 2 : length);
            }
            if (cut) {
                FaultResponses.cut(ex);
                return;
            }
            if (s.received < end + 1) {
                routes.error(ex, 400, "InvalidRange", "The body was shorter than Content-Length.");
                return;
            }
        }
        if (s.received == s.size) {
            mailbox.complete(s);
            ex.getResponseHeaders().set("Location",
                    "https://localhost/api/v2.0/Messages('" + s.draftId + "')/Attachments('AAMk" + s.id + "')");
            HttpIo.send(ex, 201, HttpIo.JSON, new byte[0]);
            return;
        }
        routes.json(ex, 200, status(s));
    }

    private Map<String, Object> status(LabGraphMailbox.UploadSession s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("@odata.context", "https://localhost/api/v2.0/$metadata#AttachmentSessions/$entity");
        out.put("expirationDateTime", routes.expiry());
        out.put("nextExpectedRanges", List.of(Long.toString(s.received)));
        return out;
    }

    private static long contentLength(HttpExchange ex) {
        try {
            return Long.parseLong(String.valueOf(ex.getRequestHeaders().getFirst("Content-Length")).strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
