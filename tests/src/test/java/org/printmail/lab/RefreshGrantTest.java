package org.printmail.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.printmail.lab.LabClient.form;
import static org.printmail.lab.LabClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RefreshGrantTest {
    private final LabFixture f = new LabFixture();

    @AfterEach
    void stop() { f.close(); }

    @Test
    void refreshRotatesAndTheOldRefreshTokenStaysValid() throws Exception {
        JsonNode first = f.signIn(LabUsers.ADMIN);
        String oldRefresh = first.get("refresh_token").asText();
        HttpResponse<String> r = f.client.refresh(oldRefresh);
        assertEquals(200, r.statusCode());
        JsonNode second = json(r);
        assertNotEquals(oldRefresh, second.get("refresh_token").asText());
        assertNotEquals(first.get("access_token").asText(), second.get("access_token").asText());
        assertEquals("Bearer", second.get("token_type").asText());
        assertEquals(3599, second.get("expires_in").asInt());
        assertTrue(f.lab.isValid(LabUsers.ADMIN, second.get("access_token").asText()));
        // Microsoft does not revoke the old refresh token on rotation.
        assertEquals(200, f.client.refresh(oldRefresh).statusCode());
        assertEquals(200, f.client.refresh(second.get("refresh_token").asText()).statusCode());
        assertEquals(3, f.lab.tokenRequests(LabIdentityPlatform.REFRESH_GRANT));
    }

    @Test
    void refreshTokenDiesAfterNinetyDaysOfInactivityWith700082() throws Exception {
        String refresh = f.signIn(LabUsers.ADMIN).get("refresh_token").asText();
        f.clock.advance(Duration.ofDays(90));
        assertEquals(200, f.client.refresh(refresh).statusCode(), "exactly 90 days is still ok");
        f.clock.advance(Duration.ofDays(90).plusSeconds(1));
        JsonNode e = json(f.client.refresh(refresh));
        assertEquals("invalid_grant", e.get("error").asText());
        assertEquals(700082, e.get("error_codes").get(0).asInt());
        assertTrue(e.get("error_description").asText().contains("inactive for 90.00:00:00"));
    }

    @Test
    void inactivityWindowSlidesWithEachUse() throws Exception {
        String refresh = f.signIn(LabUsers.ADMIN).get("refresh_token").asText();
        for (int i = 0; i < 3; i++) {
            f.clock.advance(Duration.ofDays(80));
            HttpResponse<String> r = f.client.refresh(refresh);
            assertEquals(200, r.statusCode());
            refresh = json(r).get("refresh_token").asText();
        }
    }

    @Test
    void expireRefreshTokensMakesTheNextRefreshFailWith700082() throws Exception {
        String refresh = f.signIn(LabUsers.ADMIN).get("refresh_token").asText();
        f.lab.expireRefreshTokens("ADMIN@contoso.example");
        assertEquals(700082, json(f.client.refresh(refresh)).get("error_codes").get(0).asInt());
    }

    @ParameterizedTest
    @EnumSource(RevocationReason.class)
    void eachRevocationReasonGivesMicrosoftsErrorAndCode(RevocationReason reason)
            throws Exception {
        JsonNode tokens = f.signIn(LabUsers.ADMIN);
        f.lab.revoke(LabUsers.ADMIN, reason);
        HttpResponse<String> r = f.client.refresh(tokens.get("refresh_token").asText());
        assertEquals(reason.httpStatus(), r.statusCode());
        JsonNode e = json(r);
        assertEquals(reason.error(), e.get("error").asText());
        assertEquals(reason.aadstsCode(), e.get("error_codes").get(0).asInt());
        assertTrue(e.get("error_description").asText()
                .startsWith("AADSTS" + reason.aadstsCode() + ": "));
        assertFalse(e.get("error_description").asText().contains("{client}"));
        assertFalse(f.lab.isValid(LabUsers.ADMIN, tokens.get("access_token").asText()));
    }

    @Test
    void revocationIsPerUserAndANewSignInWorksAgain() throws Exception {
        f.lab.setOrganizationConsent(true);
        JsonNode alice = f.signIn(LabUsers.ALICE);
        JsonNode bob = f.signIn(LabUsers.BOB);
        f.lab.revoke(LabUsers.ALICE, RevocationReason.PASSWORD_CHANGED);
        assertEquals(50173, json(f.client.refresh(alice.get("refresh_token").asText()))
                .get("error_codes").get(0).asInt());
        assertEquals(200, f.client.refresh(bob.get("refresh_token").asText()).statusCode());
        JsonNode again = f.signIn(LabUsers.ALICE);
        assertEquals(200, f.client.refresh(again.get("refresh_token").asText()).statusCode());
    }

    @Test
    void scopeSubsetIsHonouredAndUnconsentedScopeNeedsConsent() throws Exception {
        String refresh = f.signIn(LabUsers.ADMIN).get("refresh_token").asText();
        JsonNode ok = json(f.client.post("/organizations/oauth2/v2.0/token", form("grant_type",
                "refresh_token", "client_id", LabClient.CLIENT_ID, "refresh_token", refresh,
                "scope", "https://outlook.office.com/SMTP.Send offline_access")));
        assertEquals("https://outlook.office.com/SMTP.Send", ok.get("scope").asText());
        JsonNode e = json(f.client.post("/organizations/oauth2/v2.0/token", form("grant_type",
                "refresh_token", "client_id", LabClient.CLIENT_ID, "refresh_token", refresh,
                "scope", "https://graph.microsoft.com/Mail.Send")));
        assertEquals("invalid_grant", e.get("error").asText());
        assertEquals(65001, e.get("error_codes").get(0).asInt());
    }

    @Test
    void unknownRefreshTokenAndMissingParameterAreRefused() throws Exception {
        JsonNode e = json(f.client.refresh("garbage"));
        assertEquals("invalid_grant", e.get("error").asText());
        JsonNode missing = json(f.client.post("/organizations/oauth2/v2.0/token",
                form("grant_type", "refresh_token", "client_id", LabClient.CLIENT_ID)));
        assertEquals(900144, missing.get("error_codes").get(0).asInt());
    }

    @Test
    void omitRefreshTokenFaultAnswersWithoutOneAndTheOldKeepsWorking() throws Exception {
        String refresh = f.signIn(LabUsers.ADMIN).get("refresh_token").asText();
        f.lab.injectFault(LabFault.of(LabFault.Kind.OMIT_REFRESH_TOKEN, 1));
        JsonNode t = json(f.client.refresh(refresh));
        assertTrue(t.has("access_token"));
        assertFalse(t.has("refresh_token"));
        assertTrue(json(f.client.refresh(refresh)).has("refresh_token"));
    }
}
