package org.printmail.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.printmail.lab.LabClient.form;
import static org.printmail.lab.LabClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ControlApiTest {
    private final LabFixture f = new LabFixture();

    @AfterEach
    void stop() { f.close(); }

    @Test
    void approveOverHttpCompletesTheSignIn() throws Exception {
        JsonNode code = f.client.deviceCode("organizations");
        HttpResponse<String> r = f.client.post("/lab/control/approve",
                form("user_code", code.get("user_code").asText(), "upn", LabUsers.ADMIN));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(200, f.client.poll(code.get("device_code").asText()).statusCode());
    }

    @Test
    void aCrossSiteRequestFromABrowserCannotDriveTheControlApi() throws Exception {
        JsonNode code = f.client.deviceCode("organizations");
        HttpResponse<String> r = f.client.send(java.net.http.HttpRequest.newBuilder(
                        f.lab.authorityBase().resolve("/lab/control/approve"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "user_code=" + code.get("user_code").asText() + "&upn=" + LabUsers.ADMIN)).build());
        assertEquals(403, r.statusCode());
        assertEquals(400, f.client.poll(code.get("device_code").asText()).statusCode(), "still pending");
    }

    @Test
    void controlStateReportsCodesAndCounters() throws Exception {
        String userCode = f.client.deviceCode("organizations").get("user_code").asText();
        JsonNode state = json(f.client.get("/lab/control/state"));
        assertEquals(userCode, state.get("latest_user_code").asText());
        assertEquals(userCode, state.get("pending_user_codes").get(0).asText());
        assertEquals(1, state.get("device_code_requests").asInt());
    }

    @Test
    void controlActionsOverHttpReachTheJavaApi() throws Exception {
        JsonNode tokens = f.signIn(LabUsers.ADMIN);
        assertEquals(200, f.client.post("/lab/control/revoke",
                form("upn", LabUsers.ADMIN, "reason", "mfa_required")).statusCode());
        assertEquals(50076, json(f.client.refresh(tokens.get("refresh_token").asText()))
                .get("error_codes").get(0).asInt());
        assertEquals(200, f.client.post("/lab/control/fault", form("kind", "HTTP_429",
                "count", "1", "retry_after_seconds", "9")).statusCode());
        HttpResponse<String> throttled = f.client.refresh("x");
        assertEquals("9", throttled.headers().firstValue("Retry-After").orElseThrow());
        JsonNode code = f.client.deviceCode("organizations");
        f.client.post("/lab/control/decline", form("user_code", code.get("user_code").asText()));
        assertEquals("authorization_declined",
                json(f.client.poll(code.get("device_code").asText())).get("error").asText());
        f.client.post("/lab/control/users", form("upn", "carol@contoso.example",
                "password", "carol-TEST-ONLY", "admin", "true"));
        f.signIn("carol@contoso.example");
        assertEquals(200, f.client.post("/lab/control/reset", form()).statusCode());
        assertTrue(f.lab.latestUserCode().isEmpty());
    }

    @Test
    void badControlInputGetsAClearError() throws Exception {
        HttpResponse<String> r = f.client.post("/lab/control/revoke",
                form("upn", LabUsers.ADMIN, "reason", "NOPE"));
        assertEquals(400, r.statusCode());
        assertEquals("unknown RevocationReason: NOPE", json(r).get("error").asText());
        assertEquals(400, f.client.post("/lab/control/approve",
                form("user_code", "BCDFGHJKL", "upn", LabUsers.ADMIN)).statusCode());
        assertEquals(404, f.client.post("/lab/control/frobnicate", form()).statusCode());
    }

    @Test
    void approvingAsNonAdminBeforeOrganizationConsentGives65001() throws Exception {
        JsonNode code = f.client.deviceCode("organizations");
        f.lab.approve(code.get("user_code").asText(), LabUsers.ALICE);
        JsonNode e = json(f.client.poll(code.get("device_code").asText()));
        assertEquals("invalid_grant", e.get("error").asText());
        assertEquals(65001, e.get("error_codes").get(0).asInt());
        f.signIn(LabUsers.ADMIN); // an admin approval consents for the organization
        f.signIn(LabUsers.ALICE);
    }

    @Test
    void approvingAnUnknownUserOrADeadCodeThrows() throws Exception {
        String userCode = f.client.deviceCode("organizations").get("user_code").asText();
        assertThrows(IllegalArgumentException.class,
                () -> f.lab.approve(userCode, "nobody@contoso.example"));
        f.lab.decline(userCode);
        assertThrows(IllegalStateException.class, () -> f.lab.approve(userCode, LabUsers.ADMIN));
    }

    @ParameterizedTest
    @EnumSource(RevocationReason.class)
    void failDeviceCodeFlowAppliesEachReasonWhereMicrosoftWould(RevocationReason reason)
            throws Exception {
        JsonNode code = f.client.deviceCode("organizations");
        f.lab.failDeviceCodeFlow(reason);
        HttpResponse<String> poll = f.client.poll(code.get("device_code").asText());
        assertEquals(reason.httpStatus(), poll.statusCode());
        assertEquals(reason.error(), json(poll).get("error").asText());
        assertEquals(reason.aadstsCode(), json(poll).get("error_codes").get(0).asInt());
        HttpResponse<String> start = f.client.post("/organizations/oauth2/v2.0/devicecode",
                form("client_id", LabClient.CLIENT_ID, "scope", LabClient.SCOPES));
        assertEquals(reason.requestLevel() ? reason.httpStatus() : 200, start.statusCode());
        f.lab.failDeviceCodeFlow(null);
        assertEquals(200, f.client.post("/organizations/oauth2/v2.0/devicecode",
                form("client_id", LabClient.CLIENT_ID, "scope", LabClient.SCOPES)).statusCode());
    }
}
