package org.printmail.webconfig;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.printmail.trust.TlsTrust;

/**
 * A scripted browser over real HTTPS that trusts only the test CA, keeps the session cookie by
 * hand (to see exactly what the server sets) and never follows redirects.
 */
final class HttpsAdmin {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile(Sessions.COOKIE + "=([^;]*)");

    private final HttpClient http;
    private final URI base;
    String cookie = "";
    /** The language switch's cookie value, kept like a browser keeps it ("" for none). */
    String languageCookie = "";
    /** The {@code Accept-Language} header to send ("" for none). */
    String acceptLanguage = "";

    HttpsAdmin(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .sslContext(TlsTrust.withCaFiles(List.of(WebConfigRig.TEST_CA)).sslContext())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws IOException,
            InterruptedException {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A multipart/form-data upload of one file, with the CSRF token of the form at {@code path}. */
    HttpResponse<String> upload(String path, String action, String field, String fileName,
                                byte[] content) throws IOException, InterruptedException {
        String boundary = "----webconfig-test-" + System.nanoTime();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
                + csrf(path) + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(tail);
        return send(HttpRequest.newBuilder(base.resolve(action))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        List<String> cookies = new java.util.ArrayList<>();
        if (!cookie.isEmpty()) {
            cookies.add(Sessions.COOKIE + "=" + cookie);
        }
        if (!languageCookie.isEmpty()) {
            cookies.add(LanguageSwitch.COOKIE + "=" + languageCookie);
        }
        if (!cookies.isEmpty()) {
            b.header("Cookie", String.join("; ", cookies));
        }
        if (!acceptLanguage.isEmpty()) {
            b.header("Accept-Language", acceptLanguage);
        }
        HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        for (String c : r.headers().allValues("Set-Cookie")) {
            Matcher m = COOKIE.matcher(c);
            if (m.find()) {
                cookie = m.group(1);
            }
            if (c.startsWith(LanguageSwitch.COOKIE + "=")) {
                languageCookie = c.substring(LanguageSwitch.COOKIE.length() + 1, c.indexOf(';'));
            }
        }
        return r;
    }

    /** The CSRF token of the form on the page at {@code path}. */
    String csrf(String path) throws IOException, InterruptedException {
        Matcher m = CSRF.matcher(get(path).body());
        if (!m.find()) {
            throw new AssertionError("no CSRF field on " + path);
        }
        return m.group(1);
    }

    /** A browser on {@code base} already logged in with the TEST-ONLY administrator password. */
    static HttpsAdmin loggedIn(URI base) throws IOException, InterruptedException {
        HttpsAdmin admin = new HttpsAdmin(base);
        admin.logIn(WebConfigRig.ADMIN_PASSWORD);
        return admin;
    }

    HttpResponse<String> logIn(String password) throws IOException, InterruptedException {
        String token = csrf(Dispatcher.LOGIN);
        return post(Dispatcher.LOGIN, Map.of("csrf", token, "password", password));
    }

    /**
     * A page with its isolated values' {@code <bdi>} tags taken out (their text stays), for tests
     * of the words around the values.
     */
    static String withoutIsolates(String html) {
        return html.replaceAll("<bdi( dir=\"ltr\")?>|</bdi>", "");
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
}
