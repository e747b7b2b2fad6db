package org.printmail.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Small helpers for reading forms and writing JSON/HTML over a JDK HttpExchange. */
final class HttpIo {
    static final String JSON = "application/json; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";
    /** Bodies above this are refused; nothing the lab accepts comes close. */
    private static final int MAX_BODY = 64 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HttpIo() {
    }

    /** Thrown for a body too large or not readable; answered with 400/413 by the caller. */
    static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) { super(message, null, false, false); }
    }

    /** Parses an application/x-www-form-urlencoded body; the first of repeated names wins. */
    static Map<String, String> readForm(HttpExchange ex) throws IOException, BadRequest {
        byte[] raw;
        try (InputStream in = ex.getRequestBody()) {
            raw = in.readNBytes(MAX_BODY + 1);
        }
        if (raw.length > MAX_BODY) {
            throw new BadRequest("request body too large");
        }
        return parseForm(new String(raw, StandardCharsets.UTF_8));
    }

    static Map<String, String> parseForm(String body) throws BadRequest {
        Map<String, String> out = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return out;
        }
        try {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq),
                        StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1),
                        StandardCharsets.UTF_8);
                out.putIfAbsent(name, value);
            }
        } catch (IllegalArgumentException e) {
            throw new BadRequest("malformed form encoding");
        }
        return out;
    }

    static byte[] json(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render lab JSON", e);
        }
    }

    /** Microsoft's response headers for token-service answers (no caching). */
    static void noStore(HttpExchange ex) {
        ex.getResponseHeaders().set("Cache-Control", "no-store, no-cache");
        ex.getResponseHeaders().set("Pragma", "no-cache");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] body)
            throws IOException {
        noStore(ex);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }

    static void sendJson(HttpExchange ex, int status, Object value) throws IOException {
        send(ex, status, JSON, json(value));
    }

    /** Sends an AADSTS error with fresh trace id and the caller's correlation id if it sent one. */
    static void sendError(HttpExchange ex, AadError error, java.time.Clock clock)
            throws IOException {
        String traceId = UUID.randomUUID().toString();
        ex.getResponseHeaders().set("x-ms-request-id", traceId);
        sendJson(ex, error.status(), error.body(clock, traceId, correlationId(ex)));
    }

    /** Microsoft echoes a client-request-id GUID as the correlation id; otherwise makes one. */
    static String correlationId(HttpExchange ex) {
        String given = ex.getRequestHeaders().getFirst("client-request-id");
        if (given != null) {
            try {
                String id = UUID.fromString(given.strip()).toString();
                ex.getResponseHeaders().set("client-request-id", id);
                return id;
            } catch (IllegalArgumentException notAGuid) {
                // Microsoft ignores a malformed one; so does the lab.
            }
        }
        return UUID.randomUUID().toString();
    }

    static Optional<String> cookie(HttpExchange ex, String name) {
        for (String header : ex.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String part : header.split(";")) {
                String p = part.strip();
                if (p.startsWith(name + "=")) {
                    return Optional.of(p.substring(name.length() + 1));
                }
            }
        }
        return Optional.empty();
    }
}
