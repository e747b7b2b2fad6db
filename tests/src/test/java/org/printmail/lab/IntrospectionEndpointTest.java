package org.printmail.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.printmail.lab.LabClient.form;
import static org.printmail.lab.LabClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 7662 token introspection, as Dovecot's oauth2 passdb calls it ({@code introspection_mode
 * = post}, credentials in the URL sent as HTTP Basic): active tokens name their mailbox, scope
 * and expiry; expired, revoked, wrong-audience and unknown tokens are simply inactive.
 */
class IntrospectionEndpointTest {
    private static final String PATH = "/contoso.example/oauth2/v2.0/introspect";
    private final LabFixture f = new LabFixture();

    @BeforeEach
    void consent() { f.lab.setOrganizationConsent(true); }

    @AfterEach
    void stop() { f.close(); }

    @Test
    void aFreshTokenIsActiveAndNamesItsMailboxScopeAndExpiry() throws Exception {
        String token = f.signIn(LabUsers.ALICE).get("access_token").asText();

        JsonNode r = introspect(token);

        assertTrue(r.get("active").asBoolean(), r.toString());
        assertEquals(LabUsers.ALICE, r.get("username").asText());
        assertEquals(LabUsers.ALICE, r.get("email").asText());
        assertEquals(LabUsers.ALICE, r.get("sub").asText());
        assertEquals("https://outlook.office.com/SMTP.Send", r.get("scope").asText());
        assertEquals(f.clock.instant().plusSeconds(3599).getEpochSecond(), r.get("exp").asLong());
        assertEquals(1, f.lab.introspectionRequests());
    }

    @Test
    void anExpiredTokenIsInactive() throws Exception {
        String token = f.signIn(LabUsers.ALICE).get("access_token").asText();
        f.clock.advance(Duration.ofSeconds(3599));
        assertEquals("{\"active\":false}", introspect(token).toString());
    }

    @Test
    void aTokenExpiredEarlyByTheLabIsInactiveWhileItsRefreshTokenStillWorks() throws Exception {
        JsonNode tokens = f.signIn(LabUsers.ALICE);
        f.lab.expireAccessTokens(LabUsers.ALICE);
        assertFalse(introspect(tokens.get("access_token").asText()).get("active").asBoolean());
        assertEquals(200, f.client.refresh(tokens.get("refresh_token").asText()).statusCode());
    }

    @Test
    void aRevokedTokenIsInactive() throws Exception {
        String token = f.signIn(LabUsers.ALICE).get("access_token").asText();
        f.lab.revoke(LabUsers.ALICE, RevocationReason.ADMIN_REVOKED);
        assertEquals("{\"active\":false}", introspect(token).toString());
    }

    @Test
    void aGraphTokenIsTheWrongAudienceAndInactive() throws Exception {
        JsonNode code = json(f.client.post("/organizations/oauth2/v2.0/devicecode",
                form("client_id", LabClient.CLIENT_ID, "scope", "SMTP.Send offline_access")));
        f.lab.approve(code.get("user_code").asText(), LabUsers.ADMIN);
        String graphToken = json(f.client.poll(code.get("device_code").asText()))
                .get("access_token").asText();
        assertEquals("{\"active\":false}", introspect(graphToken).toString());
    }

    @Test
    void anUnknownTokenIsInactive() throws Exception {
        assertEquals("{\"active\":false}", introspect("not-a-lab-token").toString());
    }

    @Test
    void aCallerWithoutTheResourceServersCredentialsGets401AndNoAnswerAboutTheToken()
            throws Exception {
        String token = f.signIn(LabUsers.ALICE).get("access_token").asText();

        HttpResponse<String> none = f.client.post(PATH, form("token", token));
        HttpResponse<String> wrong = post(token, LabIdentityPlatform.INTROSPECTION_CLIENT_ID
                + ":wrong-secret");

        assertEquals(401, none.statusCode());
        assertEquals(401, wrong.statusCode());
        assertFalse(wrong.body().contains("active"), wrong.body());
    }

    @Test
    void formCredentialsAreAcceptedLikeBasic() throws Exception {
        String token = f.signIn(LabUsers.ALICE).get("access_token").asText();
        HttpResponse<String> r = f.client.post(PATH, form("token", token,
                "client_id", LabIdentityPlatform.INTROSPECTION_CLIENT_ID,
                "client_secret", LabIdentityPlatform.INTROSPECTION_CLIENT_SECRET));
        assertTrue(json(r).get("active").asBoolean(), r.body());
    }

    private JsonNode introspect(String token) throws Exception {
        HttpResponse<String> r = post(token, LabIdentityPlatform.INTROSPECTION_CLIENT_ID + ":"
                + LabIdentityPlatform.INTROSPECTION_CLIENT_SECRET);
        assertEquals(200, r.statusCode(), r.body());
        return json(r);
    }

    private HttpResponse<String> post(String token, String credentials) throws Exception {
        String basic = Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        return f.client.send(HttpRequest.newBuilder(f.lab.authorityBase().resolve(PATH))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8))).build());
    }
}
