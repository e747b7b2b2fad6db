package org.printmail.lab;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Writes the broken responses a {@link LabFault} asks for. */
final class FaultResponses {
    private FaultResponses() {
    }

    /**
     * Applies a fault that replaces the response; returns true when it did. SLOW waits (real
     * time, bounded by {@link LabFault#MAX_DELAY}) and returns false so the normal answer follows.
     * CUT_AFTER_ROTATE and OMIT_REFRESH_TOKEN act after the grant, in the endpoint.
     */
    static boolean replaceResponse(HttpExchange ex, LabFault fault, Clock clock)
            throws IOException {
        switch (fault.kind()) {
            case HTTP_500:
                HttpIo.sendError(ex, AadError.SERVER_ERROR, clock);
                return true;
            case HTTP_503:
                HttpIo.sendError(ex, AadError.UNAVAILABLE, clock);
                return true;
            case HTTP_429:
                ex.getResponseHeaders().set("Retry-After",
                        Long.toString(fault.retryAfter().toSeconds()));
                HttpIo.sendError(ex, AadError.THROTTLED, clock);
                return true;
            case MALFORMED_JSON:
                HttpIo.send(ex, 200, HttpIo.JSON, bytes("<<not json>> token_type=Bearer"));
                return true;
            case TRUNCATED_JSON:
                HttpIo.send(ex, 200, HttpIo.JSON,
                        bytes("{\"token_type\":\"Bearer\",\"scope\":\"https://outlook.office.c"));
                return true;
            case HTML_ERROR_PAGE:
                HttpIo.send(ex, 502, HttpIo.HTML, bytes("<!DOCTYPE html><html><head><title>502 Bad "
                        + "Gateway</title></head><body><h1>Bad Gateway</h1></body></html>"));
                return true;
            case SLOW:
                sleep(fault);
                return false;
            default:
                return false;
        }
    }

    /**
     * Drops the connection without sending a status line: the JDK server closes the socket when
     * an exchange is closed before its response headers were sent.
     */
    static void cut(HttpExchange ex) {
        ex.close();
    }

    private static void sleep(LabFault fault) {
        try {
            Thread.sleep(Math.min(fault.delay().toMillis(), LabFault.MAX_DELAY.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }
}
