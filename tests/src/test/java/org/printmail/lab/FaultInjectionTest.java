package org.printmail.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.printmail.lab.LabClient.form;
import static org.printmail.lab.LabClient.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultInjectionTest {
    private final LabFixture f = new LabFixture();
    private String refresh;

    @AfterEach
    void stop() { f.close(); }

    private String refreshToken() throws IOException {
        if (refresh == null) {
            refresh = f.signIn(LabUsers.ADMIN).get("refresh_token").asText();
        }
        return refresh;
    }

    @ParameterizedTest
    @CsvSource({"HTTP_500, 500, server_error", "HTTP_503, 503, temporarily_unavailable",
            "HTTP_429, 429, temporarily_unavailable"})
    void httpErrorFaultsAnswerWithStatusAndAadError(LabFault.Kind kind, int status,
            String error) throws Exception {
        String token = refreshToken();
        f.lab.injectFault(new LabFault(kind, 2, Duration.ofSeconds(7), Duration.ZERO));
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = f.client.refresh(token);
            assertEquals(status, r.statusCode());
            assertEquals(error, json(r).get("error").asText());
        }
        HttpResponse<String> normal = f.client.refresh(token);
        assertEquals(200, normal.statusCode(), "the fault applies to exactly count responses");
        assertEquals(3, f.lab.tokenRequests(LabIdentityPlatform.REFRESH_GRANT));
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() throws Exception {
        String token = refreshToken();
        f.lab.injectFault(LabFault.tooManyRequests(1, Duration.ofSeconds(30)));
        HttpResponse<String> r = f.client.refresh(token);
        assertEquals(429, r.statusCode());
        assertEquals("30", r.headers().firstValue("Retry-After").orElseThrow());
    }

    @Test
    void malformedAndTruncatedJsonAreHttp200ThatDoNotParse() throws Exception {
        String token = refreshToken();
        f.lab.injectFault(LabFault.of(LabFault.Kind.MALFORMED_JSON, 1));
        f.lab.injectFault(LabFault.of(LabFault.Kind.TRUNCATED_JSON, 1));
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = f.client.refresh(token);
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElseThrow()
                    .startsWith("application/json"));
            assertThrows(JsonProcessingException.class,
                    () -> new ObjectMapper().readTree(r.body()));
        }
    }

    @Test
    void htmlErrorPageHasWrongContentType() throws Exception {
        String token = refreshToken();
        f.lab.injectFault(LabFault.of(LabFault.Kind.HTML_ERROR_PAGE, 1));
        HttpResponse<String> r = f.client.refresh(token);
        assertEquals(502, r.statusCode());
        assertEquals("text/html; charset=utf-8",
                r.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(r.body().startsWith("<!DOCTYPE html>"));
    }

    @Test
    void slowResponseOutlastsAShortClientTimeout() throws Exception {
        String token = refreshToken();
        f.lab.injectFault(LabFault.slow(1, Duration.ofMillis(1500)));
        LabClient impatient = new LabClient(f.lab.authorityBase(), Duration.ofMillis(300), false);
        long start = System.nanoTime();
        assertThrows(HttpTimeoutException.class, () -> impatient.refresh(token));
        assertTrue(System.nanoTime() - start < 1_400_000_000L, "client gave up before the answer");
        assertEquals(200, f.client.refresh(token).statusCode(), "only one response was slow");
    }

    @Test
    void slowDelayIsBounded() {
        assertThrows(IllegalArgumentException.class,
                () -> LabFault.slow(1, Duration.ofSeconds(11)));
    }

    @Test
    void cutAfterRotateRotatesThenDropsTheConnection() throws Exception {
        String token = refreshToken();
        assertEquals(1, f.lab.refreshTokensIssued(LabUsers.ADMIN));
        f.lab.injectFault(LabFault.of(LabFault.Kind.CUT_AFTER_ROTATE, 1));
        assertThrows(IOException.class, () -> f.client.refresh(token));
        assertEquals(2, f.lab.refreshTokensIssued(LabUsers.ADMIN), "rotation was recorded");
        // The client never saw the new token; the old one still works, as at Microsoft.
        assertEquals(200, f.client.refresh(token).statusCode());
    }

    @Test
    void cutAfterRedeemLosesTheDeviceCodeTokens() throws Exception {
        var code = f.client.deviceCode("organizations");
        f.lab.approve(code.get("user_code").asText(), LabUsers.ADMIN);
        f.lab.injectFault(LabFault.of(LabFault.Kind.CUT_AFTER_ROTATE, 1));
        assertThrows(IOException.class, () -> f.client.poll(code.get("device_code").asText()));
        assertEquals(54005, json(f.client.poll(code.get("device_code").asText()))
                .get("error_codes").get(0).asInt());
    }

    @Test
    void deviceCodeEndpointFaultsAreSeparate() throws Exception {
        f.lab.injectDeviceCodeFault(LabFault.of(LabFault.Kind.HTTP_503, 1));
        HttpResponse<String> r = f.client.post("/organizations/oauth2/v2.0/devicecode",
                form("client_id", LabClient.CLIENT_ID, "scope", LabClient.SCOPES));
        assertEquals(503, r.statusCode());
        assertEquals(9, f.client.deviceCode("organizations").get("user_code").asText().length());
        assertEquals(2, f.lab.deviceCodeRequests());
    }
}
