package org.printmail.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.printmail.lab.LabClient.flowToken;
import static org.printmail.lab.LabClient.form;
import static org.printmail.lab.LabClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Drives /devicelogin the way a person (or the demo's HttpClient) does. */
class DeviceLoginPageTest {
    private final LabFixture f = new LabFixture();
    private final LabClient browser =
            new LabClient(f.lab.authorityBase(), Duration.ofSeconds(5), true);

    @AfterEach
    void stop() { f.close(); }

    private HttpResponse<String> submit(String flow, String... kv) throws Exception {
        String[] all = new String[kv.length + 2];
        all[0] = "flowToken";
        all[1] = flow;
        System.arraycopy(kv, 0, all, 2, kv.length);
        return browser.post("/devicelogin", form(all));
    }

    /** Code, account and password pages; returns the page after "Sign in". */
    private String signInThroughPages(String userCode, String upn, String password)
            throws Exception {
        HttpResponse<String> account = browser.post("/devicelogin", form("otc", userCode));
        assertTrue(account.body().contains("id=\"login\""), account.body());
        assertTrue(account.headers().firstValue("Set-Cookie").orElseThrow().contains("HttpOnly"));
        String flow = flowToken(account.body());
        HttpResponse<String> pw = submit(flow, "login", upn);
        assertTrue(pw.body().contains("id=\"passwd\""), pw.body());
        return submit(flow, "passwd", password).body();
    }

    @Test
    void codeAccountPasswordConsentDoneGivesTheDeviceTokens() throws Exception {
        HttpResponse<String> start = browser.get("/devicelogin");
        assertEquals(200, start.statusCode());
        assertEquals("text/html; charset=utf-8",
                start.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(start.body().contains("name=\"otc\" id=\"otc\""));
        assertTrue(start.body().contains(">Next</button>"));

        JsonNode code = f.client.deviceCode("organizations");
        String consent = signInThroughPages(code.get("user_code").asText().toLowerCase(),
                LabUsers.ADMIN, LabUsers.ADMIN_PASSWORD);
        assertTrue(consent.contains("Permissions requested"), consent);
        assertTrue(consent.contains("printmail device"));
        assertTrue(consent.contains("https://outlook.office.com/SMTP.Send"));
        assertTrue(consent.contains("id=\"consent_org\""), "admins may consent for the org");
        assertTrue(consent.contains("id=\"accept\"") && consent.contains("id=\"cancel\""));
        assertEquals("authorization_pending",
                json(f.client.poll(code.get("device_code").asText())).get("error").asText());

        String done = submit(flowToken(consent), "action", "accept", "consent_org", "true").body();
        assertTrue(done.contains("You have signed in to the printmail device application on your "
                + "device. You may now close this window."), done);
        JsonNode tokens = json(f.client.poll(code.get("device_code").asText()));
        assertTrue(f.lab.isValid(LabUsers.ADMIN, tokens.get("access_token").asText()));

        // Organization consent now covers Alice: Microsoft skips the permissions page.
        JsonNode second = f.client.deviceCode("organizations");
        String aliceDone = signInThroughPages(second.get("user_code").asText(), LabUsers.ALICE,
                LabUsers.ALICE_PASSWORD);
        assertTrue(aliceDone.contains("id=\"done\""), aliceDone);
        assertEquals(200, f.client.poll(second.get("device_code").asText()).statusCode());
    }

    @Test
    void cancelOnPermissionsPageDeclinesTheDevice() throws Exception {
        JsonNode code = f.client.deviceCode("organizations");
        String consent = signInThroughPages(code.get("user_code").asText(), LabUsers.ADMIN,
                LabUsers.ADMIN_PASSWORD);
        String page = submit(flowToken(consent), "action", "cancel").body();
        assertTrue(page.contains("id=\"declined\""), page);
        assertEquals("authorization_declined",
                json(f.client.poll(code.get("device_code").asText())).get("error").asText());
    }

    @Test
    void nonAdminWithoutOrganizationConsentNeedsAdminApprovalAndDeviceGets65001()
            throws Exception {
        JsonNode code = f.client.deviceCode("organizations");
        String page = signInThroughPages(code.get("user_code").asText(), LabUsers.BOB,
                LabUsers.BOB_PASSWORD);
        assertTrue(page.contains("Need admin approval"), page);
        assertFalse(page.contains("consent_org"));
        JsonNode e = json(f.client.poll(code.get("device_code").asText()));
        assertEquals("invalid_grant", e.get("error").asText());
        assertEquals(65001, e.get("error_codes").get(0).asInt());
    }

    @Test
    void nonAdminMayConsentForThemselvesWhenTheTenantAllowsIt() throws Exception {
        f.lab.setUsersMayConsent(true);
        JsonNode code = f.client.deviceCode("organizations");
        String consent = signInThroughPages(code.get("user_code").asText(), LabUsers.BOB,
                LabUsers.BOB_PASSWORD);
        assertTrue(consent.contains("id=\"accept\""), consent);
        assertFalse(consent.contains("consent_org"), "only admins see the org checkbox");
        submit(flowToken(consent), "action", "accept");
        assertEquals(200, f.client.poll(code.get("device_code").asText()).statusCode());
    }

    @Test
    void wrongCodeStaysOnTheCodePageWith70018() throws Exception {
        f.client.deviceCode("organizations");
        String page = browser.post("/devicelogin", form("otc", "BCDFGHJKL")).body();
        assertTrue(page.contains("That code didn&#39;t work"), page);
        assertTrue(page.contains("AADSTS70018"));
        assertTrue(page.contains("id=\"otc\""));
        assertTrue(page.contains("value=\"BCDFGHJKL\""));
    }

    @Test
    void expiredCodeIsRefusedOnThePageWith70019() throws Exception {
        JsonNode code = f.client.deviceCode("organizations");
        f.clock.advance(Duration.ofMinutes(15));
        String page = browser.post("/devicelogin", form("otc",
                code.get("user_code").asText())).body();
        assertTrue(page.contains("AADSTS70019"), page);
    }

    @Test
    void wrongPasswordShows50126AndAllowsARetry() throws Exception {
        JsonNode code = f.client.deviceCode("organizations");
        String page = signInThroughPages(code.get("user_code").asText(), LabUsers.ADMIN,
                "wrong-password");
        assertTrue(page.contains("Your account or password is incorrect"), page);
        assertTrue(page.contains("AADSTS50126"));
        assertFalse(page.contains("wrong-password"), "the typed password is never echoed");
        String consent = submit(flowToken(page), "passwd", LabUsers.ADMIN_PASSWORD).body();
        assertTrue(consent.contains("Permissions requested"), consent);
    }

    @Test
    void unknownAccountShows50034() throws Exception {
        JsonNode code = f.client.deviceCode("organizations");
        String account = browser.post("/devicelogin",
                form("otc", code.get("user_code").asText())).body();
        String page = submit(flowToken(account), "login", "mallory@contoso.example").body();
        assertTrue(page.contains("AADSTS50034"), page);
    }

    @Test
    void markupTypedIntoTheCodeFieldIsEscaped() throws Exception {
        String attack = "\"><script>alert(1)</script><img src=x onerror=alert(2)>";
        String page = browser.post("/devicelogin", form("otc", attack)).body();
        assertFalse(page.contains("<script"), page);
        assertFalse(page.contains("<img"), page);
        // The quote cannot close the attribute; '<' is encoded as well.
        assertTrue(page.contains("value=\"&#34;>&lt;script>alert(1)&lt;/script>&lt;img src=x"),
                page);
    }

    @Test
    void markupTypedIntoTheAccountFieldIsEscaped() throws Exception {
        JsonNode code = f.client.deviceCode("organizations");
        String account = browser.post("/devicelogin",
                form("otc", code.get("user_code").asText())).body();
        String page = submit(flowToken(account), "login", "<b onmouseover=x>@e").body();
        assertFalse(page.contains("<b onmouseover"), page);
    }

    @Test
    void conditionalAccessBlockDuringSignInShowsOnPageAndPoll() throws Exception {
        f.lab.failDeviceCodeFlow(RevocationReason.BLOCKED_BY_CONDITIONAL_ACCESS);
        JsonNode code = f.client.deviceCode("organizations");
        String page = signInThroughPages(code.get("user_code").asText(), LabUsers.ADMIN,
                LabUsers.ADMIN_PASSWORD);
        assertTrue(page.contains("AADSTS53003"), page);
        f.lab.failDeviceCodeFlow(null);
        JsonNode e = json(f.client.poll(code.get("device_code").asText()));
        assertEquals(53003, e.get("error_codes").get(0).asInt(), "the sign-in stays failed");
    }

    @Test
    void aForeignFlowTokenOrCookieMismatchRestarts() throws Exception {
        String page = browser.post("/devicelogin", form("flowToken", "forged", "login",
                LabUsers.ADMIN)).body();
        assertTrue(page.contains("Your session has timed out"), page);
        assertTrue(page.contains("id=\"otc\""));
    }
}
