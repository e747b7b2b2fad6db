package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.owasp.encoder.Encode;
import org.printmail.auth.AccountState;
import org.printmail.codes.JobCode;
import org.printmail.config.AuthMethod;
import org.printmail.config.DeviceSettings;
import org.printmail.config.EmailService;
import org.printmail.config.SettingsStore;
import org.printmail.jobs.JobRequest;
import org.printmail.jobs.JobTicket;
import org.printmail.lab.LabFault;
import org.printmail.lab.LabUsers;
import org.printmail.lab.RevocationReason;
import org.printmail.auth.AccountId;

/**
 * The pages over real HTTPS in front of the real device and lab: saving, field-named errors,
 * banners produced by real sign-ins and time, the fax account's own sign-in.
 */
class WebConfigPagesTest {
    private WebConfigRig device;
    private HttpsAdmin admin;

    @BeforeEach
    void start() throws Exception {
        device = new WebConfigRig();
        admin = new HttpsAdmin(device.server.baseUri());
        admin.logIn(WebConfigRig.ADMIN_PASSWORD);
    }

    @AfterEach
    void stop() { device.close(); }

    private SettingsStore settings() { return device.device().settings(); }

    private Map<String, String> basicForm(String path) throws Exception {
        Map<String, String> f = new HashMap<>(Map.of("action", "ok", "authMethod", "OAUTH2",
                "service", "OUTLOOK_COM", "sender", "", "tenant", "", "smtpHost",
                "smtp-mail.outlook.com", "smtpPort", "587", "security", "STARTTLS",
                "certValidation", "enable"));
        f.put("csrf", admin.csrf(path));
        return f;
    }

    @Test
    void okSavesTheSettingsAndTheServiceMapsToItsProfile() throws Exception {
        HttpResponse<String> r = admin.post("/network/email-server",
                basicForm("/network/email-server"));
        assertEquals(303, r.statusCode());
        assertEquals(EmailService.OUTLOOK_COM, settings().current().deviceMail().service());
        assertEquals("outlook-com", settings().current().deviceMail().profile());
        assertTrue(admin.get("/network/email-server").body()
                .contains("The settings were saved to the device."));
    }

    @Test
    void aUnicodeHostIsSavedAsPunycodeAndANonAsciiSenderIsRefusedWithTheReason()
            throws Exception {
        Map<String, String> form = basicForm("/network/email-server");
        form.put("smtpHost", "smtp.b\u00fccher.example");
        assertEquals(303, admin.post("/network/email-server", form).statusCode());
        assertEquals("smtp.xn--bcher-kva.example", settings().current().deviceMail().mail().host());

        form = basicForm("/network/email-server");
        form.put("sender", "j\u00f6rg@contoso.example");
        HttpResponse<String> r = admin.post("/network/email-server", form);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("SMTPUTF8"), r.body());
        form = basicForm("/network/email-server");
        form.put("sender", "scan@b\u00fccher.example");
        assertEquals(303, admin.post("/network/email-server", form).statusCode());
        assertEquals("scan@xn--bcher-kva.example",
                settings().current().deviceMail().senderAddress());
    }

    @Test
    void validationErrorsNameTheFieldAndKeepTheSavedSettings() throws Exception {
        DeviceSettings before = settings().current();
        Map<String, String> cases = Map.of("smtpPort", "SMTP Server Port Number", "sender",
                "Sender&#39;s Email Address", "smtpHost", "SMTP Server Address", "tenant", "Tenant");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Map<String, String> form = basicForm("/network/email-server");
            form.put(c.getKey(), c.getKey().equals("smtpPort") ? "99999" : "not valid!");
            HttpResponse<String> r = admin.post("/network/email-server", form);
            assertEquals(400, r.statusCode(), c.getKey());
            assertTrue(r.body().contains("Email Server &gt; " + c.getValue()), c.getKey() + ": "
                    + r.body());
            assertTrue(r.body().contains("aria-invalid=\"true\""), c.getKey());
        }
        assertEquals(before, settings().current());
    }

    @Test
    void everyInvalidFieldIsReportedAtOnceEachBesideItsField() throws Exception {
        DeviceSettings before = settings().current();
        Map<String, String> form = basicForm("/network/email-server");
        form.put("smtpPort", "99999");
        form.put("sender", "not valid!");
        form.put("smtpHost", "not valid!");
        form.put("tenant", "not valid!");
        HttpResponse<String> r = admin.post("/network/email-server", form);
        assertEquals(400, r.statusCode());
        String page = r.body();
        for (String field : List.of("smtpPort", "sender", "smtpHost", "tenant")) {
            assertTrue(page.contains("id=\"" + field + "-error\""), field + " has its message beside it: " + page);
        }
        assertEquals(4, page.split("aria-invalid=\"true\"", -1).length - 1, "all four fields marked");
        assertEquals(before, settings().current());
    }

    @Test
    void disablingCertificateValidationShowsTheWarningOnThePageAndInTheBanner() throws Exception {
        Map<String, String> form = basicForm("/network/email-server");
        form.put("certValidation", "disable");
        assertEquals(303, admin.post("/network/email-server", form).statusCode());
        assertFalse(settings().current().deviceMail().mail().certificateValidation());
        String page = admin.get("/network/email-server").body();
        assertTrue(page.contains("id=\"cert-validation-warning\""), page);
        assertTrue(admin.get("/status").body().contains("Certificate Validation is disabled."));
    }

    @Test
    void bannersWarnOfALapsingSignInAndFailingKeepAlive() throws Exception {
        device.rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        assertFalse(admin.get("/job-log").body().contains("expires in"));

        device.clock.advance(Duration.ofDays(77)); // 13 days before the 90-day inactivity limit
        String page = admin.get("/job-log").body();
        assertTrue(page.contains("the sign-in expires in 13 days"), page);
        assertFalse(page.contains("keep-alive failing"));

        device.lab().identity().injectFault(LabFault.of(LabFault.Kind.HTTP_503, 1));
        device.device().accounts().runKeepAlive();
        page = HttpsAdmin.withoutIsolates(admin.get("/job-log").body());
        assertTrue(page.contains("keep-alive failing (HTTP 503); sign-in lapses in 13 days"), page);

        device.clock.advance(Duration.ofHours(1)); // past the backoff; the platform answers again
        device.device().accounts().runKeepAlive();
        page = admin.get("/job-log").body();
        assertFalse(page.contains("expires in"), "the refresh restarted the 90 days");
        assertFalse(page.contains("keep-alive failing"));
    }

    @Test
    void expiredAndRevokedSignInsShowTheirCodeAndRemedyInTheBannerAndTheJobLog() throws Exception {
        JobTicket refused = device.device().jobs().submit(scan());
        assertFalse(refused.accepted());
        String log = admin.get("/job-log").body();
        assertTrue(log.contains("<td>Refused (not queued)</td><td>360</td>"), log);
        assertTrue(log.contains("Network &gt; Email Server &gt; Basic"), "the 360 remedy: " + log);

        device.rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        device.clock.advance(Duration.ofDays(91)); // unused for 91 days: the refresh token lapsed
        assertTrue(device.device().jobs().submit(scan()).accepted(), "the device does not know yet");
        device.rig.awaitState(AccountId.deviceMail(), AccountState.EXPIRED);
        device.device().jobs().submit(scan()); // now refused at once with 361
        String page = admin.get("/job-log").body();
        assertTrue(page.contains("Network &gt; Email Server &gt; Basic: 361 "), page);
        assertTrue(page.contains("<td>Refused (not queued)</td><td>361</td>"), page);

        device.rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        device.lab().identity().revoke(LabUsers.ADMIN, RevocationReason.PASSWORD_CHANGED);
        device.clock.advance(Duration.ofHours(2)); // the next send needs a refresh
        device.device().jobs().submit(scan());
        device.rig.awaitState(AccountId.deviceMail(), AccountState.SIGN_IN_REQUIRED);
        page = admin.get("/status").body();
        assertTrue(page.contains("Network &gt; Email Server &gt; Basic: 370 "), page);
        assertTrue(page.contains(Encode.forHtml(JobCode.SIGN_IN_REQUIRED.remedy())), page);
    }

    private static JobRequest.ScanToEmail scan() {
        return new JobRequest.ScanToEmail(List.of("reception@contoso.example"), "Scan", "",
                List.of());
    }

    @Test
    void testMessageGoesThroughTheJobSystemAndItsResultShowsOnThePageAndInTheJobLog()
            throws Exception {
        String path = "/network/email-server/connection-test";
        admin.post(path + "/send", Map.of("csrf", admin.csrf(path), "recipient",
                "reception@contoso.example"));
        String refused = admin.get(path).body();
        assertTrue(refused.contains("360 "), "not signed in: refused with 360: " + refused);

        device.rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        assertEquals(303, admin.post(path + "/send", Map.of("csrf", admin.csrf(path), "recipient",
                "reception@contoso.example")).statusCode());
        assertTrue(device.lab().mail().waitForIncoming(1, Duration.ofSeconds(10)));
        assertEquals("reception@contoso.example",
                device.lab().mail().receivedMessages()[0].getAllRecipients()[0].toString());
        String page = awaitPage(path, "): Sent");
        assertTrue(page.contains("class=\"test-message-status info\""), page);
        String log = admin.get("/job-log").body();
        // Job ids, accounts and recipients are data: each isolated.
        assertTrue(log.contains("<td>Scan to Email</td><td class=\"account\"><bdi dir=\"ltr\">"
                + LabUsers.ADMIN + "</bdi></td><td class=\"recipients\"><bdi>reception@contoso.example"
                + "</bdi></td><td>Sent</td>"), log);
        assertTrue(log.matches("(?s).*<td class=\"job-id\"><bdi dir=\"ltr\">[^<]+</bdi></td>"
                + "<td>Scan to Email</td>.*"), "the Job Log shows the job id");
    }

    /** The page once it contains the text: the outbox worker sends on its own thread. */
    private String awaitPage(String path, String text) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String page = admin.get(path).body();
        while (!page.contains(text) && System.nanoTime() < end) {
            Thread.sleep(50);
            page = admin.get(path).body();
        }
        assertTrue(page.contains(text), page);
        return page;
    }

    @Test
    void faxServerHasItsOwnMethodAndItsOwnSignInWithTheFormsServiceAndTenant() throws Exception {
        AuthMethod deviceMethod = settings().current().deviceMail().authMethod();
        Map<String, String> form = basicForm("/fax/email-server");
        form.put("authMethod", "OFF");
        assertEquals(303, admin.post("/fax/email-server", form).statusCode());
        assertEquals(AuthMethod.OFF, settings().current().faxServer().authMethod());
        assertEquals(deviceMethod, settings().current().deviceMail().authMethod());

        // Outlook.com with a work tenant, not saved: the device's Outlook.com rule refuses it.
        Map<String, String> outlook = basicForm("/fax/email-server");
        outlook.put("action", "signin");
        outlook.put("tenant", LabUsers.TENANT_DOMAIN);
        assertEquals("/fax/email-server/sign-in", admin.post("/fax/email-server", outlook)
                .headers().firstValue("Location").orElse(""));
        admin.post("/fax/email-server/sign-in/start", Map.of("csrf",
                admin.csrf("/fax/email-server/sign-in")));
        String page = HttpsAdmin.withoutIsolates(admin.get("/fax/email-server/sign-in").body());
        assertTrue(page.contains("Outlook.com accounts sign in through consumers, not "
                + LabUsers.TENANT_DOMAIN), "the form's service and tenant are used: " + page);

        // Exchange Online (the lab) with the tenant's domain: the fax account signs in, alone.
        Map<String, String> exchange = basicForm("/fax/email-server");
        exchange.put("action", "signin");
        exchange.put("service", "EXCHANGE_ONLINE");
        exchange.put("tenant", LabUsers.TENANT_DOMAIN);
        admin.post("/fax/email-server", exchange);
        admin.post("/fax/email-server/sign-in/start", Map.of("csrf",
                admin.csrf("/fax/email-server/sign-in")));
        assertEquals(AccountState.SIGN_IN_PENDING,
                device.device().accounts().status(AccountId.faxServer()).state());
        assertEquals(AccountState.NOT_SIGNED_IN,
                device.device().accounts().status(AccountId.deviceMail()).state());
        String json = admin.get("/api/signin-status?account=FAX_SERVER").body();
        assertEquals("{\"state\":\"SIGN_IN_PENDING\",\"code\":" + device.device().accounts()
                .status(AccountId.faxServer()).code().number() + "}", json);
        String code = device.lab().identity().pendingUserCodes().get(0);
        device.lab().identity().approve(code, LabUsers.ADMIN);
        device.rig.awaitState(AccountId.faxServer(), AccountState.SIGNED_IN);
        assertEquals(LabUsers.TENANT_DOMAIN, device.device().vault().find(AccountId.faxServer().vaultKey())
                .orElseThrow().tenant(), "signed in through the form's tenant before OK");
        assertEquals(AccountState.NOT_SIGNED_IN,
                device.device().accounts().status(AccountId.deviceMail()).state());
    }
}
