package org.printmail.auth;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPResponse;
import org.printmail.config.ProxyRoute;

/**
 * Sends a Nimbus request exactly once, over java.net.http. Why not Nimbus's own
 * HttpURLConnection path: it silently re-sends a POST whose response was lost
 * (sun.net.http.retryPost), which would redeem a refresh token twice behind our back; and in
 * fixed-length streaming mode, which stops that, it discards the body of an HTTP 401, which is
 * where Microsoft puts invalid_client (AADSTS7000218, 700025). java.net.http re-sends a POST only
 * when the connection failed before the request went out.
 *
 * <p>Honours the request's connect and read timeouts, trusts exactly the given TLS context
 * (host-name verification on, end to end through a proxy's CONNECT tunnel), goes through the
 * office proxy when one is set and caps the reply size (the device has little RAM).
 */
final class OneShotSender implements HTTPRequestSender {
    private static final int MAX_REPLY_BYTES = 64 * 1024;
    // The JDK sets these itself and refuses them from callers.
    private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection",
            "expect", "upgrade");
    private final HttpClient client;

    OneShotSender(SSLContext tls, Duration connectTimeout, ProxyRoute proxy) {
        this.client = ProxyHttp.route(HttpClient.newBuilder().sslContext(tls).connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER), proxy)
                .build();
    }

    @Override
    public ReadOnlyHTTPResponse send(ReadOnlyHTTPRequest request) throws IOException {
        Duration read = Duration.ofMillis(Math.max(1, request.getReadTimeout()));
        HttpRequest.Builder b = HttpRequest.newBuilder(request.getURI()).timeout(read);
        for (Map.Entry<String, List<String>> h : request.getHeaderMap().entrySet()) {
            if (!RESTRICTED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                b.header(h.getKey(), String.join(",", h.getValue()));
            }
        }
        String body = request.getBody();
        b.method(request.getMethod().name(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<byte[]> r;
        var pending = client.sendAsync(b.build(), info -> new CappedBody());
        try {
            // The read timeout bounds the headers; this bounds the whole exchange, body included.
            r = pending.get(((HTTPRequest) request).getConnectTimeout() + 2L * read.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new SocketTimeoutException("no complete reply in time");
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
        HTTPResponse response = new HTTPResponse(r.statusCode());
        r.headers().map().forEach((name, values) -> {
            if (!values.isEmpty() && !name.startsWith(":")) {
                response.setHeader(name, values.toArray(new String[0]));
            }
        });
        response.setBody(new String(r.body(), StandardCharsets.UTF_8));
        return response;
    }

    /** Collects the body, failing once it grows past {@link #MAX_REPLY_BYTES}. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final HttpResponse.BodySubscriber<byte[]> bytes = HttpResponse.BodySubscribers.ofByteArray();
        private Flow.Subscription subscription;
        private long size;
        private boolean failed;

        @Override
        public CompletionStage<byte[]> getBody() { return bytes.getBody(); }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            bytes.onSubscribe(s);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (failed) {
                return;
            }
            for (ByteBuffer item : items) {
                size += item.remaining();
            }
            if (size > MAX_REPLY_BYTES) {
                failed = true;
                subscription.cancel();
                bytes.onError(new IOException("reply larger than " + MAX_REPLY_BYTES + " bytes"));
                return;
            }
            bytes.onNext(items);
        }

        @Override
        public void onError(Throwable t) {
            if (!failed) {
                bytes.onError(t);
            }
        }

        @Override
        public void onComplete() {
            if (!failed) {
                bytes.onComplete();
            }
        }
    }
}
