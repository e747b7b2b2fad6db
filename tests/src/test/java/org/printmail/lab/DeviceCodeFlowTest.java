package org.printmail.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.printmail.lab.LabClient.form;
import static org.printmail.lab.LabClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeviceCodeFlowTest {
    private LabFixture f = new LabFixture();

    @AfterEach
    void stop() { f.close(); }

    @Test
    void devicecodeResponseHasMicrosoftsFieldsAndNoCompleteUri() throws Exception {
        JsonNode code = f.client.deviceCode("organizations");
        Set<String> fields = new TreeSet<>();
        code.fieldNames().forEachRemaining(fields::add);
        assertEquals(Set.of("user_code", "device_code", "verification_uri", "expires_in",
                "interval", "message"), fields);
        String userCode = code.get("user_code").asText();
        assertTrue(userCode.matches("[B-DF-HJ-NP-TV-XZ2-9]{8,9}"), userCode);
        assertEquals(f.lab.deviceLoginUri().toString(), code.get("verification_uri").asText());
        assertEquals(900, code.get("expires_in").asInt());
        assertEquals(5, code.get("interval").asInt());
        assertEquals("To sign in, use a web browser to open the page " + f.lab.deviceLoginUri()
                + " and enter the code " + userCode + " to authenticate.",
                code.get("message").asText());
        assertTrue(code.get("device_code").asText().length() >= 64);
        assertEquals(1, f.lab.deviceCodeRequests());
        assertEquals(userCode, f.lab.latestUserCode().orElseThrow());
        assertEquals(List.of(userCode), f.lab.pendingUserCodes());
    }

    @Test
    void pendingPollIsHttp400WithEveryMicrosoftErrorField() throws Exception {
        JsonNode code = f.client.deviceCode("organizations");
        HttpResponse<String> r = f.client.poll(code.get("device_code").asText());
        assertEquals(400, r.statusCode());
        assertEquals("application/json; charset=utf-8",
                r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no-store, no-cache", r.headers().firstValue("Cache-Control").orElseThrow());
        JsonNode e = json(r);
        assertEquals("authorization_pending", e.get("error").asText());
        assertEquals(70016, e.get("error_codes").get(0).asInt());
        assertEquals("2025-03-01 09:00:00Z", e.get("timestamp").asText());
        String trace = e.get("trace_id").asText();
        String correlation = e.get("correlation_id").asText();
        assertTrue(trace.matches("[0-9a-f-]{36}") && correlation.matches("[0-9a-f-]{36}"));
        assertEquals("AADSTS70016: OAuth 2.0 device flow error. Authorization is pending. "
                + "Continue polling.\r\nTrace ID: " + trace + "\r\nCorrelation ID: " + correlation
                + "\r\nTimestamp: 2025-03-01 09:00:00Z", e.get("error_description").asText());
        assertEquals("https://login.microsoftonline.com/error?code=70016",
                e.get("error_uri").asText());
        assertEquals(trace, r.headers().firstValue("x-ms-request-id").orElseThrow());
    }

    @Test
    void clientRequestIdIsEchoedAsCorrelationId() throws Exception {
        JsonNode code = f.client.deviceCode("organizations");
        String id = "0f0e0d0c-0b0a-4908-8706-050403020100";
        HttpResponse<String> r = f.client.send(HttpRequest.newBuilder(
                f.lab.authorityBase().resolve("/organizations/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("client-request-id", id)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type="
                        + "urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&client_id="
                        + LabClient.CLIENT_ID + "&device_code=" + code.get("device_code").asText()))
                .build());
        assertEquals(id, json(r).get("correlation_id").asText());
    }

    @Test
    void approvedCodeRedeemsOnceForBearerTokens() throws Exception {
        JsonNode code = f.client.deviceCode("contoso.example");
        f.lab.approve(code.get("user_code").asText(), LabUsers.ADMIN);
        HttpResponse<String> r = f.client.poll(code.get("device_code").asText());
        assertEquals(200, r.statusCode());
        JsonNode t = json(r);
        assertEquals("Bearer", t.get("token_type").asText());
        assertEquals("https://outlook.office.com/SMTP.Send", t.get("scope").asText());
        assertEquals(3599, t.get("expires_in").asInt());
        assertEquals(3599, t.get("ext_expires_in").asInt());
        assertTrue(t.get("access_token").asText().length() >= 64);
        assertFalse(t.get("access_token").asText().startsWith("eyJ"), "opaque, not a JWT");
        assertTrue(t.has("refresh_token"));
        assertTrue(f.lab.isValid(LabUsers.ADMIN, t.get("access_token").asText()));

        JsonNode again = json(f.client.poll(code.get("device_code").asText()));
        assertEquals("invalid_grant", again.get("error").asText());
        assertEquals(54005, again.get("error_codes").get(0).asInt());
        assertEquals(2, f.lab.tokenRequests(LabIdentityPlatform.DEVICE_CODE_GRANT));
        assertEquals(List.of(), f.lab.pendingUserCodes());
    }

    @Test
    void noRefreshTokenWithoutOfflineAccess() throws Exception {
        JsonNode code = json(f.client.post("/organizations/oauth2/v2.0/devicecode",
                form("client_id", LabClient.CLIENT_ID, "scope",
                        "https://outlook.office.com/SMTP.Send")));
        f.lab.approve(code.get("user_code").asText(), LabUsers.ADMIN);
        JsonNode t = json(f.client.poll(code.get("device_code").asText()));
        assertTrue(t.has("access_token"));
        assertFalse(t.has("refresh_token"));
    }

    @Test
    void declinedCodeGivesAuthorizationDeclined() throws Exception {
        JsonNode code = f.client.deviceCode("organizations");
        f.lab.decline(code.get("user_code").asText());
        JsonNode e = json(f.client.poll(code.get("device_code").asText()));
        assertEquals("authorization_declined", e.get("error").asText());
        assertEquals(65004, e.get("error_codes").get(0).asInt());
    }

    @Test
    void expiredCodeGivesExpiredTokenWith70020() throws Exception {
        JsonNode code = f.client.deviceCode("organizations");
        f.clock.advance(Duration.ofSeconds(899));
        assertEquals("authorization_pending",
                json(f.client.poll(code.get("device_code").asText())).get("error").asText());
        f.clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> r = f.client.poll(code.get("device_code").asText());
        assertEquals(400, r.statusCode());
        assertEquals("expired_token", json(r).get("error").asText());
        assertEquals(70020, json(r).get("error_codes").get(0).asInt());
    }

    @Test
    void expiredCodeErrorStringIsConfigurableToCodeExpired() throws Exception {
        f.close();
        f = new LabFixture(o -> o.withExpiredCodeError("code_expired"));
        JsonNode code = f.client.deviceCode("organizations");
        f.lab.expireDeviceCode(code.get("user_code").asText());
        JsonNode e = json(f.client.poll(code.get("device_code").asText()));
        assertEquals("code_expired", e.get("error").asText());
        assertEquals(70020, e.get("error_codes").get(0).asInt());
    }

    @Test
    void unknownDeviceCodeGivesBadVerificationCode() throws Exception {
        JsonNode e = json(f.client.poll("not-a-device-code"));
        assertEquals("bad_verification_code", e.get("error").asText());
    }

    @Test
    void pollingFasterThanIntervalGivesSlowDownWhenEnabled() throws Exception {
        f.close();
        f = new LabFixture(o -> o.withEmitSlowDown(true));
        String device = f.client.deviceCode("organizations").get("device_code").asText();
        assertEquals("authorization_pending", json(f.client.poll(device)).get("error").asText());
        f.clock.advance(Duration.ofSeconds(4));
        assertEquals("slow_down", json(f.client.poll(device)).get("error").asText());
        f.clock.advance(Duration.ofSeconds(5));
        // The interval is now 10 s (RFC 8628: +5 s after slow_down), so 5 s is still too soon.
        assertEquals("slow_down", json(f.client.poll(device)).get("error").asText());
        f.clock.advance(Duration.ofSeconds(15));
        assertEquals("authorization_pending", json(f.client.poll(device)).get("error").asText());
    }

    @Test
    void fastPollingStaysPendingWhenSlowDownIsOff() throws Exception {
        String device = f.client.deviceCode("organizations").get("device_code").asText();
        f.client.poll(device);
        assertEquals("authorization_pending", json(f.client.poll(device)).get("error").asText());
    }

    @Test
    void unknownClientIdIsUnauthorizedClient700016() throws Exception {
        HttpResponse<String> r = f.client.post("/organizations/oauth2/v2.0/devicecode",
                form("client_id", "11111111-2222-3333-4444-555555555555", "scope",
                        LabClient.SCOPES));
        assertEquals(400, r.statusCode());
        assertEquals("unauthorized_client", json(r).get("error").asText());
        assertEquals(700016, json(r).get("error_codes").get(0).asInt());
    }

    @Test
    void unknownTenantIsInvalidRequest90002() throws Exception {
        HttpResponse<String> r = f.client.post("/fabrikam.example/oauth2/v2.0/devicecode",
                form("client_id", LabClient.CLIENT_ID, "scope", LabClient.SCOPES));
        assertEquals("invalid_request", json(r).get("error").asText());
        assertEquals(90002, json(r).get("error_codes").get(0).asInt());
        assertTrue(json(r).get("error_description").asText().contains("fabrikam.example"));
    }

    @Test
    void everyDefaultTenantIsKnown() throws Exception {
        for (String t : List.of("organizations", "common", "consumers", LabUsers.TENANT_DOMAIN,
                LabUsers.TENANT_ID)) {
            assertEquals(9, f.client.deviceCode(t).get("user_code").asText().length(), t);
        }
    }

    @Test
    void missingScopeAndSecretAndGetAreRefusedLikeMicrosoft() throws Exception {
        JsonNode noScope = json(f.client.post("/organizations/oauth2/v2.0/devicecode",
                form("client_id", LabClient.CLIENT_ID)));
        assertEquals(900144, noScope.get("error_codes").get(0).asInt());
        HttpResponse<String> secret = f.client.post("/organizations/oauth2/v2.0/token",
                form("grant_type", "refresh_token", "client_id", LabClient.CLIENT_ID,
                        "client_secret", "s", "refresh_token", "x"));
        assertEquals(401, secret.statusCode());
        assertEquals("invalid_client", json(secret).get("error").asText());
        assertEquals(700025, json(secret).get("error_codes").get(0).asInt());
        JsonNode get = json(f.client.get("/organizations/oauth2/v2.0/token"));
        assertEquals(900561, get.get("error_codes").get(0).asInt());
        JsonNode grant = json(f.client.post("/organizations/oauth2/v2.0/token",
                form("grant_type", "password", "client_id", LabClient.CLIENT_ID)));
        assertEquals("unsupported_grant_type", grant.get("error").asText());
    }

    @Test
    void eachCodeIsDistinct() throws Exception {
        String a = f.client.deviceCode("organizations").get("device_code").asText();
        String b = f.client.deviceCode("organizations").get("device_code").asText();
        assertNotEquals(a, b);
        assertEquals(2, f.lab.pendingUserCodes().size());
    }
}
