package org.printmail.lab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.printmail.lab.LabClient.form;
import static org.printmail.lab.LabClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccessTokenValidatorTest {
    private final LabFixture f = new LabFixture(o -> o.withAccessTokenLifetime(
            Duration.ofMinutes(75)));

    @AfterEach
    void stop() { f.close(); }

    @Test
    void tokenIsValidOnlyForItsUserCaseInsensitively() throws Exception {
        String token = f.signIn(LabUsers.ADMIN).get("access_token").asText();
        AccessTokenValidator validator = f.lab;
        assertTrue(validator.isValid("Admin@Contoso.Example", token));
        assertFalse(validator.isValid(LabUsers.ALICE, token));
        assertFalse(validator.isValid(LabUsers.ADMIN, token + "x"));
        assertFalse(validator.isValid(LabUsers.ADMIN, "made-up"));
        assertFalse(validator.isValid(null, token));
        assertFalse(validator.isValid(LabUsers.ADMIN, null));
    }

    @Test
    void tokenExpiresByTheInjectedClock() throws Exception {
        String token = f.signIn(LabUsers.ADMIN).get("access_token").asText();
        f.clock.advance(Duration.ofMinutes(75).minusSeconds(1));
        assertTrue(f.lab.isValid(LabUsers.ADMIN, token));
        f.clock.advance(Duration.ofSeconds(1));
        assertFalse(f.lab.isValid(LabUsers.ADMIN, token));
    }

    @Test
    void revokedTokenIsInvalid() throws Exception {
        String token = f.signIn(LabUsers.ADMIN).get("access_token").asText();
        f.lab.revoke(LabUsers.ADMIN, RevocationReason.ADMIN_REVOKED);
        assertFalse(f.lab.isValid(LabUsers.ADMIN, token));
    }

    @Test
    void graphAudienceTokenIsRejectedLikeExchangeOnlineDoes() throws Exception {
        // A bare "SMTP.Send" is a Microsoft Graph scope; SMTP refuses Graph tokens.
        JsonNode code = json(f.client.post("/organizations/oauth2/v2.0/devicecode",
                form("client_id", LabClient.CLIENT_ID, "scope", "SMTP.Send offline_access")));
        f.lab.approve(code.get("user_code").asText(), LabUsers.ADMIN);
        JsonNode t = json(f.client.poll(code.get("device_code").asText()));
        assertTrue(t.get("scope").asText().equals("https://graph.microsoft.com/SMTP.Send"));
        assertFalse(f.lab.isValid(LabUsers.ADMIN, t.get("access_token").asText()));
    }
}
