package org.printmail.lab;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /lab/control/...}: the Java control API over HTTP for the demo and tests, answered only
 * to loopback clients. Form-urlencoded POSTs (GET for {@code state}); JSON answers.
 */
final class ControlEndpoint {
    static final String PREFIX = "/lab/control/";

    private final LabIdentityPlatform lab;

    ControlEndpoint(LabIdentityPlatform lab) { this.lab = lab; }

    void handle(HttpExchange ex) throws IOException, HttpIo.BadRequest {
        if (!ex.getRemoteAddress().getAddress().isLoopbackAddress()) {
            HttpIo.sendJson(ex, 403, Map.of("error", "the control API answers loopback only"));
            return;
        }
        // A web page in the lab user's browser (also on loopback) must not drive the control API:
        // browsers mark cross-site requests with Origin or Sec-Fetch-Site; test clients send neither.
        String site = ex.getRequestHeaders().getFirst("Sec-Fetch-Site");
        if (ex.getRequestHeaders().getFirst("Origin") != null || site != null && !"none".equals(site)) {
            HttpIo.sendJson(ex, 403, Map.of("error", "the control API does not answer browsers"));
            return;
        }
        String action = ex.getRequestURI().getPath().substring(PREFIX.length());
        if ("state".equals(action) && "GET".equals(ex.getRequestMethod())) {
            HttpIo.sendJson(ex, 200, state());
            return;
        }
        if (!"POST".equals(ex.getRequestMethod())) {
            HttpIo.sendJson(ex, 405, Map.of("error", "POST expected"));
            return;
        }
        Map<String, String> f = HttpIo.readForm(ex);
        try {
            if (!perform(action, f)) {
                HttpIo.sendJson(ex, 404, Map.of("error", "unknown control action"));
                return;
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            HttpIo.sendJson(ex, 400, Map.of("error", String.valueOf(e.getMessage())));
            return;
        }
        HttpIo.sendJson(ex, 200, Map.of("ok", true));
    }

    private boolean perform(String action, Map<String, String> f) {
        switch (action) {
            case "approve": lab.approve(required(f, "user_code"), required(f, "upn")); break;
            case "decline": lab.decline(required(f, "user_code")); break;
            case "expire-device-code": lab.expireDeviceCode(required(f, "user_code")); break;
            case "expire-refresh-tokens": lab.expireRefreshTokens(required(f, "upn")); break;
            case "revoke": lab.revoke(required(f, "upn"), reason(required(f, "reason"))); break;
            case "fail-device-code-flow":
                String r = f.getOrDefault("reason", "");
                lab.failDeviceCodeFlow(r.isBlank() ? null : reason(r));
                break;
            case "fault": fault(f); break;
            case "users":
                lab.addUser(required(f, "upn"), required(f, "password"),
                        Boolean.parseBoolean(f.get("admin")));
                break;
            case "consent":
                if (f.containsKey("organization")) {
                    lab.setOrganizationConsent(Boolean.parseBoolean(f.get("organization")));
                }
                if (f.containsKey("users_may_consent")) {
                    lab.setUsersMayConsent(Boolean.parseBoolean(f.get("users_may_consent")));
                }
                break;
            case "reset": lab.reset(); break;
            default: return false;
        }
        return true;
    }

    private void fault(Map<String, String> f) {
        LabFault.Kind kind = enumValue(LabFault.Kind.class, required(f, "kind"));
        LabFault fault = new LabFault(kind, integer(f, "count", 1),
                Duration.ofSeconds(integer(f, "retry_after_seconds", 0)),
                Duration.ofMillis(integer(f, "delay_ms", 0)));
        if ("devicecode".equals(f.getOrDefault("target", "token"))) {
            lab.injectDeviceCodeFault(fault);
        } else {
            lab.injectFault(fault);
        }
    }

    private Map<String, Object> state() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("latest_user_code", lab.latestUserCode().orElse(null));
        m.put("pending_user_codes", lab.pendingUserCodes());
        m.put("device_code_requests", lab.deviceCodeRequests());
        m.put("token_requests", lab.tokenRequestCounts());
        return m;
    }

    private static RevocationReason reason(String name) {
        return enumValue(RevocationReason.class, name);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + type.getSimpleName() + ": " + name);
        }
    }

    private static int integer(Map<String, String> f, String name, int fallback) {
        String v = f.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": a whole number expected");
        }
    }

    private static String required(Map<String, String> f, String name) {
        String v = f.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(name + ": required");
        }
        return v;
    }
}
