package org.printmail.auth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPResponse;

/**
 * Sends a Nimbus request exactly once. HttpURLConnection silently re-sends a POST whose response
 * was lost (sun.net.http.retryPost) unless the body is streamed with a fixed length; for a token
 * request that would redeem a refresh token twice behind our back. Honours the request's connect
 * and read timeouts and SSL socket factory, and caps the reply size (the device has little RAM).
 */
final class OneShotSender implements HTTPRequestSender {
    static final OneShotSender INSTANCE = new OneShotSender();
    private static final int MAX_REPLY_BYTES = 64 * 1024;

    private OneShotSender() { }

    @Override
    public ReadOnlyHTTPResponse send(ReadOnlyHTTPRequest readOnly) throws IOException {
        HTTPRequest request = (HTTPRequest) readOnly;
        HttpURLConnection c = (HttpURLConnection) request.getURL().openConnection();
        try {
            if (c instanceof HttpsURLConnection https) {
                if (request.getSSLSocketFactory() != null) {
                    https.setSSLSocketFactory(request.getSSLSocketFactory());
                }
                if (request.getHostnameVerifier() != null) {
                    https.setHostnameVerifier(request.getHostnameVerifier());
                }
            }
            c.setConnectTimeout(request.getConnectTimeout());
            c.setReadTimeout(request.getReadTimeout());
            c.setInstanceFollowRedirects(false);
            c.setUseCaches(false);
            c.setRequestMethod(request.getMethod().name());
            for (Map.Entry<String, List<String>> h : request.getHeaderMap().entrySet()) {
                c.setRequestProperty(h.getKey(), String.join(",", h.getValue()));
            }
            String body = request.getBody();
            if (body != null) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                c.setDoOutput(true);
                c.setFixedLengthStreamingMode(bytes.length);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(bytes);
                }
            }
            int status = c.getResponseCode();
            HTTPResponse response = new HTTPResponse(status);
            response.setStatusMessage(c.getResponseMessage());
            for (Map.Entry<String, List<String>> h : c.getHeaderFields().entrySet()) {
                if (h.getKey() != null && !h.getValue().isEmpty()) {
                    response.setHeader(h.getKey(), h.getValue().toArray(new String[0]));
                }
            }
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            if (in != null) {
                try (in) {
                    response.setBody(readCapped(in));
                }
            }
            return response;
        } finally {
            c.disconnect();
        }
    }

    private static String readCapped(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        for (int n; (n = in.read(buf)) > 0; ) {
            if (out.size() + n > MAX_REPLY_BYTES) {
                throw new IOException("identity platform reply larger than " + MAX_REPLY_BYTES + " bytes");
            }
            out.write(buf, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
