package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.printmail.auth.AccountState;
import org.printmail.config.EmailService;
import org.printmail.store.AccountId;

/** The pages' behaviour over real HTTPS: saving, field-named errors, banners, the fax account. */
class WebConfigPagesTest {
    private PageFixture device;
    private HttpsAdmin admin;

    @BeforeEach
    void start() throws Exception {
        device = new PageFixture();
        admin = new HttpsAdmin(device.server.baseUri());
        admin.logIn(PageFixture.ADMIN_PASSWORD);
    }

    @AfterEach
    void stop() throws Exception { device.close(); }

    private Map<String, String> basicForm(String path) throws Exception {
        Map<String, String> f = new HashMap<>(Map.of("action", "ok", "authMethod", "OAUTH2",
                "service", "OUTLOOK_COM", "sender", "", "tenant", "", "smtpHost",
                        "smtp-mail.outlook.com",
                "smtpPort", "587", "security", "STARTTLS", "certValidation", "enable"));
        f.put("csrf", admin.csrf(path));
        return f;
    }

    @Test
    void okSavesTheSettingsAndTheServiceMapsToItsProfile() throws Exception {
        HttpResponse<String> r = admin.post("/network/email-server",
                basicForm("/network/email-server"));
        assertEquals(303, r.statusCode());
        assertEquals(EmailService.OUTLOOK_COM, device.settings.current().deviceMail().service());
        assertEquals("outlook-com", device.settings.current().deviceMail().profile());
        assertTrue(admin.get("/network/email-server").body().contains("The settings were saved to the device."));
    }

    @Test
    void validationErrorsNameTheFieldAndKeepTheSavedSettings() throws Exception {
        Map<String, String> cases = Map.of("smtpPort", "SMTP Server Port Number", "sender",
                "Sender&#39;s Email Address",
                "smtpHost", "SMTP Server Address", "tenant", "Tenant");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Map<String, String> form = basicForm("/network/email-server");
            form.put(c.getKey(), c.getKey().equals("smtpPort") ? "99999" : "not valid!");
            HttpResponse<String> r = admin.post("/network/email-server", form);
            assertEquals(400, r.statusCode(), c.getKey());
            assertTrue(r.body().contains("Email Server &gt; " + c.getValue()), c.getKey() + ": "
                    + r.body());
            assertTrue(r.body().contains("aria-invalid=\"true\""), c.getKey());
        }
        assertEquals(EmailService.EXCHANGE_ONLINE,
                device.settings.current().deviceMail().service());
    }

    @Test
    void disablingCertificateValidationShowsTheWarningOnThePageAndInTheBanner() throws Exception {
        Map<String, String> form = basicForm("/network/email-server");
        form.put("certValidation", "disable");
        assertEquals(303, admin.post("/network/email-server", form).statusCode());
        String page = admin.get("/network/email-server").body();
        assertTrue(page.contains("id=\"cert-validation-warning\""), page);
        assertTrue(admin.get("/status").body().contains("Certificate Validation is disabled."));
    }

    @Test
    void bannersWarnOfALapsingSignInAndFailingKeepAlive() throws Exception {
        device.accounts.signedInWith(AccountId.deviceMail(), "printer@contoso.example",
                Optional.of("keep-alive failing; sign-in lapses in 12 days"), 12);
        String page = admin.get("/job-log").body();
        assertTrue(page.contains("the sign-in expires in 12 days"), page);
        assertTrue(page.contains("keep-alive failing; sign-in lapses in 12 days"), page);
        device.accounts.signedInWith(AccountId.deviceMail(), "printer@contoso.example",
                Optional.empty(), 80);
        assertFalse(admin.get("/job-log").body().contains("expires in"));
    }

    @Test
    void faxServerHasItsOwnMethodAndItsOwnSignIn() throws Exception {
        Map<String, String> form = basicForm("/fax/email-server");
        form.put("authMethod", "OFF");
        assertEquals(303, admin.post("/fax/email-server", form).statusCode());
        assertEquals("OFF", device.settings.current().faxServer().authMethod().name());
        assertEquals("OAUTH2", device.settings.current().deviceMail().authMethod().name());

        Map<String, String> signIn = basicForm("/fax/email-server");
        signIn.put("action", "signin");
        signIn.put("tenant", "contoso.example");
        assertEquals("/fax/email-server/sign-in",
                admin.post("/fax/email-server",
                        signIn).headers().firstValue("Location").orElse(""));
        admin.post("/fax/email-server/sign-in/start", Map.of("csrf",
                admin.csrf("/fax/email-server/sign-in")));
        assertEquals(AccountState.SIGN_IN_PENDING,
                device.accounts.status(AccountId.faxServer()).state());
        assertEquals(AccountState.NOT_SIGNED_IN,
                device.accounts.status(AccountId.deviceMail()).state());
        assertEquals("contoso.example", device.accounts.lastProfile.identity().tenant(),
                "the form's tenant is used");
        assertEquals("outlook-com", device.accounts.lastProfile.name(),
                "the form's service is used before OK");
        String json = admin.get("/api/signin-status?account=FAX_SERVER").body();
        assertEquals("{\"state\":\"SIGN_IN_PENDING\",\"code\":360}", json);
    }
}
