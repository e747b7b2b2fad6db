package org.printmail.lab;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code POST /{tenant}/oauth2/v2.0/introspect}: token introspection (RFC 7662) for a resource
 * server, so that a real mail server (Dovecot's oauth2 passdb behind Postfix) can check the
 * lab's opaque access tokens. Microsoft has no such endpoint (Exchange checks its own JWTs); the
 * lab offers it because its tokens are opaque. The resource server authenticates with HTTP Basic
 * (as Dovecot sends the credentials of {@code https://id:secret@host/...}) or form fields.
 */
final class IntrospectionEndpoint {
    /** The TEST-ONLY resource server allowed to introspect (the Postfix + Dovecot rig). */
    static final String CLIENT_ID = "lab-smtp-resource-server";
    static final String CLIENT_SECRET = "introspect-TEST-ONLY-1";
    /** The audience an active token is for: Exchange Online's SMTP resource. */
    static final String AUDIENCE = "https://outlook.office.com";

    private final LabContext ctx;
    private final AtomicInteger requests = new AtomicInteger();

    IntrospectionEndpoint(LabContext ctx) { this.ctx = ctx; }

    int requests() { return requests.get(); }

    void handle(HttpExchange ex, String tenant) throws IOException, HttpIo.BadRequest {
        if (!"POST".equals(ex.getRequestMethod())) {
            HttpIo.sendError(ex, AadError.POST_ONLY, ctx.clock);
            return;
        }
        Map<String, String> form = HttpIo.readForm(ex);
        requests.incrementAndGet();
        if (!authenticated(ex, form)) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"lab introspection\"");
            HttpIo.sendJson(ex, 401, Map.of("error", "invalid_client"));
            return;
        }
        String token = form.get("token");
        if (!ctx.knowsTenant(tenant) || token == null || token.isEmpty()) {
            HttpIo.sendJson(ex, 400, Map.of("error", "invalid_request"));
            return;
        }
        HttpIo.sendJson(ex, 200, body(ctx.grants.active(token)));
    }

    /** RFC 7662 section 2.2; {@code username} and {@code email} both name the mailbox. */
    private static Map<String, Object> body(Optional<LabGrants.ActiveToken> active) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("active", active.isPresent());
        active.ifPresent(t -> {
            m.put("scope", t.scope());
            m.put("client_id", t.clientId());
            m.put("username", t.upn());
            m.put("email", t.upn());
            m.put("sub", t.upn());
            m.put("aud", AUDIENCE);
            m.put("token_type", "Bearer");
            m.put("iat", t.issuedAt().getEpochSecond());
            m.put("exp", t.expiresAt().getEpochSecond());
        });
        return m;
    }

    private static boolean authenticated(HttpExchange ex, Map<String, String> form) {
        String header = ex.getRequestHeaders().getFirst("Authorization");
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String pair;
            try {
                pair = new String(Base64.getDecoder().decode(header.substring(6).strip()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
            int colon = pair.indexOf(':');
            id = colon < 0 ? pair : pair.substring(0, colon);
            secret = colon < 0 ? "" : pair.substring(colon + 1);
        }
        return CLIENT_ID.equals(id) && secret != null && MessageDigest.isEqual(
                CLIENT_SECRET.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
    }
}
