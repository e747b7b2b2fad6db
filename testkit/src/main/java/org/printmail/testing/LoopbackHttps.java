package org.printmail.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A tiny HTTPS/1.1 client that connects FROM a chosen loopback address (127.0.0.2, ...), which
 * the JDK's HttpClient cannot do on Java 17: attack tests need the admin and the attacker to be
 * different client addresses. One request per connection ({@code Connection: close}), every
 * step under a timeout. Also plays an administrator: keeps Web Config's session cookie and
 * reads the CSRF field of a page.
 */
public final class LoopbackHttps {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final String COOKIE = "__Host-webconfig";

    /** One answer: status, headers (lower-case names, last value wins), body, every Set-Cookie. */
    public record Reply(int status, Map<String, String> headers, String body,
                        List<String> setCookies) { }

    private final SSLContext tls;
    private final URI base;
    private final InetAddress from;
    private final Duration timeout;
    /** Web Config's session cookie, kept by hand across requests. */
    public String cookie = "";
    /** Web Config's known-browser cookie (left by a successful log-in), kept likewise. */
    public String knownBrowser = "";

    public LoopbackHttps(SSLContext tls, URI base, InetAddress from, Duration timeout) {
        this.tls = tls;
        this.base = base;
        this.from = from;
        this.timeout = timeout;
    }

    public Reply get(String path) throws IOException {
        return send("GET", path, Map.of(), "");
    }

    public Reply post(String path, Map<String, String> form) throws IOException {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send("POST", path, Map.of("Content-Type", "application/x-www-form-urlencoded"),
                body);
    }

    /** The CSRF token of the form on the page at {@code path}. */
    public String csrf(String path) throws IOException {
        Matcher m = CSRF.matcher(get(path).body());
        if (!m.find()) {
            throw new IOException("no CSRF field on " + path);
        }
        return m.group(1);
    }

    /** Logs in with the form: the answer is a 303 to the home page when it worked. */
    public Reply logIn(String password) throws IOException {
        String token = csrf("/login");
        return post("/login", Map.of("csrf", token, "password", password));
    }

    public Reply send(String method, String path, Map<String, String> headers, String body)
            throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort())
                .append("\r\nConnection: close\r\n");
        if (!cookie.isEmpty() || !knownBrowser.isEmpty()) {
            head.append("Cookie: ").append(COOKIE).append('=').append(cookie);
            if (!knownBrowser.isEmpty()) {
                head.append("; ").append(COOKIE).append("-known=").append(knownBrowser);
            }
            head.append("\r\n");
        }
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (method.equals("POST")) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket s = open()) {
            OutputStream out = s.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            Reply r = read(s.getInputStream());
            for (String setCookie : r.setCookies()) {
                Matcher m = Pattern.compile("^" + COOKIE + "=([^;]*)").matcher(setCookie);
                if (m.find()) {
                    cookie = m.group(1);
                }
                Matcher k = Pattern.compile("^" + COOKIE + "-known=([^;]*)").matcher(setCookie);
                if (k.find()) {
                    knownBrowser = k.group(1);
                }
            }
            return r;
        }
    }

    /** A TLS socket from this client's address, handshake done, reads under the timeout. */
    public SSLSocket open() throws IOException {
        Socket plain = new Socket();
        try {
            plain.bind(new InetSocketAddress(from, 0));
            plain.connect(new InetSocketAddress(base.getHost(), base.getPort()),
                    (int) timeout.toMillis());
            plain.setSoTimeout((int) timeout.toMillis());
            SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, base.getHost(),
                    base.getPort(), true);
            s.startHandshake();
            return s;
        } catch (IOException e) {
            plain.close();
            throw e;
        }
    }

    /** A plain TCP socket from this client's address (for half-open TLS). */
    public Socket openPlain() throws IOException {
        Socket plain = new Socket();
        plain.bind(new InetSocketAddress(from, 0));
        plain.connect(new InetSocketAddress(base.getHost(), base.getPort()),
                (int) timeout.toMillis());
        plain.setSoTimeout((int) timeout.toMillis());
        return plain;
    }

    private static Reply read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        if (lines.length == 0 || !lines[0].startsWith("HTTP/1.1 ")) {
            throw new IOException("no HTTP answer");
        }
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> setCookies = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).trim();
                headers.put(name, value);
                if (name.equals("set-cookie")) {
                    setCookies.add(value);
                }
            }
        }
        String length = headers.get("content-length");
        byte[] body = length != null ? in.readNBytes(Integer.parseInt(length)) : in.readAllBytes();
        return new Reply(status, headers, new String(body, StandardCharsets.UTF_8),
                List.copyOf(setCookies));
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
}
