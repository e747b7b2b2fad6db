package org.printmail.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.printmail.trust.TlsTrust;

/** A real HTTPS client for the lab, trusting only the JDK CAs plus the TEST-ONLY CA. */
final class LabClient {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final String SCOPES = "https://outlook.office.com/SMTP.Send offline_access";
    static final String CLIENT_ID = LabIdentityOptions.LAB_CLIENT_ID;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TlsTrust TRUST =
            TlsTrust.withCaFiles(List.of(ROOT.resolve("test-fixtures/tls/test-ca.pem")));
    private static final Pattern FLOW_TOKEN =
            Pattern.compile("name=\"flowToken\" value=\"([^\"]+)\"");

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;

    LabClient(URI base, Duration timeout, boolean cookies) {
        this.base = base;
        this.timeout = timeout;
        HttpClient.Builder b = HttpClient.newBuilder().sslContext(TRUST.sslContext())
                .connectTimeout(Duration.ofSeconds(2));
        if (cookies) {
            b.cookieHandler(new CookieManager());
        }
        this.http = b.build();
    }

    LabClient(URI base) { this(base, Duration.ofSeconds(5), false); }

    static Map<String, String> form(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws IOException {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest req = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return send(req);
    }

    HttpResponse<String> get(String path) throws IOException {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build());
    }

    HttpResponse<String> send(HttpRequest req) throws IOException {
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    JsonNode deviceCode(String tenant) throws IOException {
        HttpResponse<String> r = post("/" + tenant + "/oauth2/v2.0/devicecode",
                form("client_id", CLIENT_ID, "scope", SCOPES));
        if (r.statusCode() != 200) {
            throw new AssertionError("devicecode answered " + r.statusCode() + ": " + r.body());
        }
        return json(r);
    }

    HttpResponse<String> poll(String deviceCode) throws IOException {
        return post("/organizations/oauth2/v2.0/token", form("grant_type",
                LabIdentityPlatform.DEVICE_CODE_GRANT, "client_id", CLIENT_ID,
                "device_code", deviceCode));
    }

    HttpResponse<String> refresh(String refreshToken) throws IOException {
        return post("/organizations/oauth2/v2.0/token", form("grant_type", "refresh_token",
                "client_id", CLIENT_ID, "refresh_token", refreshToken));
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String flowToken(String html) {
        Matcher m = FLOW_TOKEN.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no flowToken in page: " + html);
        }
        return m.group(1);
    }
}
