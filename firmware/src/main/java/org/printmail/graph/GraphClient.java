package org.printmail.graph;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.printmail.codes.JobCode;
import org.printmail.time.Sleeper;
import org.printmail.smtp.TokenSource;
import org.printmail.trust.TlsTrust;
import org.printmail.i18n.Text;

/**
 * HTTP to Graph on {@code java.net.http}: the device's TLS trust (a new client when an imported
 * CA changes it), a connect timeout and a per-request timeout, bearer tokens with one forced
 * refresh and one retry after a 401, and short {@code Retry-After} waits taken in place.
 */
final class GraphClient {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Graph's answers are small; a reply larger than this is not one (memory stays bounded). */
    private static final int MAX_REPLY = 1024 * 1024;
    /** Throttling waits up to this long are taken in place; longer ones go back to the outbox. */
    static final Duration INLINE_WAIT_CAP = Duration.ofSeconds(30);
    private static final int INLINE_RETRIES = 2;

    private final Supplier<TlsTrust> trust;
    private final Sleeper sleeper;
    private HttpClient client;
    private TlsTrust clientTrust;
    private Duration clientTimeout;

    GraphClient(Supplier<TlsTrust> trust, Sleeper sleeper) {
        this.trust = trust;
        this.sleeper = sleeper;
    }

    /** The bearer token of one send: fetched once, refreshed at most once (after a 401). */
    static final class Bearer {
        private final TokenSource source;
        private String token;
        private boolean refreshed;

        Bearer(TokenSource source) { this.source = source; }

        String token() {
            if (token == null) {
                token = source.accessToken();
            }
            return token;
        }

        boolean refreshOnce() {
            if (refreshed) {
                return false;
            }
            refreshed = true;
            token = source.refreshedAccessToken();
            return true;
        }
    }

    /** A request body, built afresh for each try (a retry must send it again). */
    @FunctionalInterface
    interface Body {
        HttpRequest.BodyPublisher publisher() throws IOException;
    }

    static Body json(byte[] bytes) { return () -> HttpRequest.BodyPublishers.ofByteArray(bytes); }

    /**
     * One Graph call with the bearer token: a 401 refreshes the token once and repeats once; a
     * 429/503/504 with a short {@code Retry-After} is waited out and repeated (twice at most).
     * Answers (also errors) come back as replies; only network failures throw.
     */
    GraphReply call(String method, URI uri, String contentType, Body body, Bearer bearer,
                    Duration timeout, Text what) {
        int waits = 0;
        while (true) {
            GraphReply r = exchange(method, uri, contentType, body, bearer.token(), timeout, what);
            if (r.status() == 401 && bearer.refreshOnce()) {
                continue;
            }
            Optional<Duration> ra = r.retryAfter();
            if ((r.status() == 429 || r.status() == 503 || r.status() == 504) && ra.isPresent()
                    && ra.get().compareTo(INLINE_WAIT_CAP) <= 0 && waits++ < INLINE_RETRIES) {
                sleep(ra.get());
                continue;
            }
            return r;
        }
    }

    /** One request, no retry; {@code token} null sends no Authorization (pre-authenticated URLs). */
    GraphReply exchange(String method, URI uri, String contentType, Body body, String token,
                        Duration timeout, Text what) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Accept", "application/json");
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body.publisher());
            return exchange(b, timeout, uri, what);
        } catch (IOException e) {
            throw GraphErrors.fromException(e, uri.getHost(), what);
        }
    }

    /** Sends a prepared request (headers the caller set, e.g. Content-Range). */
    GraphReply exchange(HttpRequest.Builder request, Duration timeout, URI uri, Text what) {
        HttpResponse<InputStream> resp;
        try {
            resp = http(timeout).send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw GraphErrors.fromException(e, uri.getHost(), what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphFailure(JobCode.SERVER_BUSY, Text.of("graph.interruptedWhile", what), "", null, e);
        }
        byte[] raw;
        try (InputStream in = resp.body()) {
            raw = in.readNBytes(MAX_REPLY);
        } catch (IOException e) {
            throw GraphErrors.fromException(e, uri.getHost(), what);
        }
        JsonNode body = MissingNode.getInstance();
        boolean parsed = true;
        if (raw.length > 0) {
            try {
                body = JSON.readTree(raw);
            } catch (IOException e) {
                parsed = false;
            }
        }
        int status = resp.statusCode();
        if (!parsed && status >= 200 && status < 300) {
            throw GraphErrors.malformed(uri.getHost(), what);
        }
        String code = body.path("error").path("code").asText("");
        Duration ra = GraphErrors.retryAfter(resp.headers().firstValue("Retry-After").orElse(null));
        return new GraphReply(status, body == null ? MissingNode.getInstance() : body, code,
                Optional.ofNullable(ra), resp.headers().firstValue("Location"));
    }

    void sleep(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphFailure(JobCode.SERVER_BUSY, Text.of("graph.interruptedRetry"), "", d, e);
        }
    }

    /** A client for the current trust; rebuilt when the trust or the timeout changes. */
    private synchronized HttpClient http(Duration timeout) {
        TlsTrust t = trust.get();
        if (client == null || t != clientTrust || !timeout.equals(clientTimeout)) {
            client = HttpClient.newBuilder().sslContext(t.sslContext()).connectTimeout(timeout)
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            clientTrust = t;
            clientTimeout = timeout;
        }
        return client;
    }
}
