package org.printmail.lab;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * Walks the lab's {@code /devicelogin} pages over HTTPS as an administrator would in a browser:
 * enter the code, the account, the password, tick "Consent on behalf of your organization" and
 * Accept. Used by {@code ./printmail demo}; the browser test does the same in Chromium.
 */
public final class DeviceLoginClient {
    private static final Pattern FLOW = Pattern.compile("name=\"flowToken\" value=\"([^\"]+)\"");
    private static final Pattern TITLE = Pattern.compile("<h1 id=\"title\">([^<]*)</h1>");
    private static final Pattern ERROR = Pattern.compile("<div id=\"error\" role=\"alert\">([^<]*)</div>");

    private final HttpClient http;

    public DeviceLoginClient(SSLContext trust) {
        this.http = HttpClient.newBuilder().sslContext(trust).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Completes the sign-in; {@code narrate} receives one line per page. Returns true when the
     * final page says the device is signed in.
     */
    public boolean signIn(URI verificationUri, String userCode, String upn, String password, boolean consentOrg,
                          Consumer<String> narrate) throws IOException, InterruptedException {
        String page = get(verificationUri);
        narrate.accept("GET  " + verificationUri.getPath() + " -> \"" + title(page) + "\"");
        page = post(verificationUri, Map.of("otc", userCode));
        narrate.accept("POST code " + userCode + " -> \"" + title(page) + "\"" + error(page));
        page = post(verificationUri, Map.of("flowToken", flow(page), "login", upn));
        narrate.accept("POST account " + upn + " -> \"" + title(page) + "\"" + error(page));
        page = post(verificationUri, Map.of("flowToken", flow(page), "passwd", password));
        narrate.accept("POST password (" + "*".repeat(8) + ") -> \"" + title(page) + "\"" + error(page));
        if (page.contains("id=\"accept\"")) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("flowToken", flow(page));
            if (consentOrg) {
                form.put("consent_org", "true");
            }
            form.put("action", "accept");
            page = post(verificationUri, form);
            narrate.accept("POST Accept" + (consentOrg ? " (consent on behalf of your organization)" : "")
                    + " -> \"" + title(page) + "\"" + error(page));
        }
        return page.contains("id=\"done\"");
    }

    private String get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build());
    }

    private String post(URI uri, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("devicelogin answered HTTP " + r.statusCode());
        }
        return r.body();
    }

    private static String flow(String page) throws IOException {
        Matcher m = FLOW.matcher(page);
        if (!m.find()) {
            throw new IOException("devicelogin: the page has no sign-in flow (\"" + title(page) + "\")" + error(page));
        }
        return m.group(1);
    }

    private static String title(String page) {
        Matcher m = TITLE.matcher(page);
        return m.find() ? m.group(1) : "?";
    }

    private static String error(String page) {
        Matcher m = ERROR.matcher(page);
        return m.find() ? " [" + m.group(1) + "]" : "";
    }
}
