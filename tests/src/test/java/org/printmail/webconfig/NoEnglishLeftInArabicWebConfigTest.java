package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.printmail.auth.AccountId;
import org.printmail.auth.AccountState;
import org.printmail.i18n.Language;
import org.printmail.lab.LabUsers;
import org.printmail.testing.EnglishLeftovers;

/**
 * Web Config's frame and its log-in, status, Email Server, Sign In, Sign Out, Connection Test and
 * error pages rendered in Arabic, with banners showing: no English word is left outside isolated
 * values ({@code <bdi>}), parts marked as another language (the switch's "English") and the
 * names the vendor guide keeps in English. Real HTTPS in front of the real device and lab.
 */
class NoEnglishLeftInArabicWebConfigTest {
    private static final String BASIC = "/network/email-server";
    private static final String FAX = "/fax/email-server";
    private WebConfigRig device;
    private HttpsAdmin admin;
    private final List<String> found = new ArrayList<>();

    @BeforeEach
    void start() {
        device = new WebConfigRig();
        admin = new HttpsAdmin(device.server.baseUri());
        admin.acceptLanguage = "ar";
    }

    @AfterEach
    void stop() { device.close(); }

    /** Checks one page answer: Arabic, right to left, and no English left. */
    private void check(String name, HttpResponse<String> r) {
        String html = r.body();
        assertTrue(html.contains("<html lang=\"ar\" dir=\"rtl\">"), name + ": " + html);
        List<String> left = EnglishLeftovers.in(PageText.visible(html, Language.ARABIC));
        if (!left.isEmpty()) {
            found.add(name + " " + left);
        }
    }

    private void check(String path) throws Exception { check(path, admin.get(path)); }

    private Map<String, String> basicForm(String path, String action, String certValidation)
            throws Exception {
        return new HashMap<>(Map.of("csrf", admin.csrf(path), "action", action, "authMethod", "OAUTH2",
                "service", "EXCHANGE_ONLINE", "sender", "", "tenant", "", "smtpHost", "",
                "smtpPort", "", "security", "STARTTLS", "certValidation", certValidation));
    }

    @Test
    void theFramesPagesInArabicLeaveNoEnglishOutsideIsolatedValues() throws Exception {
        check(Dispatcher.LOGIN);
        admin.logIn(WebConfigRig.ADMIN_PASSWORD);

        // The device mailbox: certificate validation off, signed in, 13 days before it lapses.
        assertEquals(303, admin.post(BASIC, basicForm(BASIC, "ok", "disable")).statusCode());
        device.rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        device.clock.advance(Duration.ofDays(77));
        String status = admin.get("/status").body();
        assertEquals(2, status.split("class=\"banner warning\"", -1).length - 1,
                "certificate and lapse banners: " + status);
        check("/status");
        check(BASIC);
        check(BASIC + "/sign-in");
        check(BASIC + "/sign-in/sign-out");
        check(BASIC + "/connection-test");
        admin.post(BASIC + "/connection-test", Map.of("csrf", admin.csrf(BASIC + "/connection-test")));
        String results = admin.get(BASIC + "/connection-test").body();
        assertTrue(results.contains("id=\"connection-test-results\""), results);
        check("connection test results", admin.get(BASIC + "/connection-test"));
        admin.post(BASIC + "/connection-test/send", Map.of("csrf", admin.csrf(BASIC + "/connection-test"),
                "recipient", "reception@contoso.example"));
        assertTrue(device.lab().mail().waitForIncoming(1, Duration.ofSeconds(10)));
        String sent = admin.get(BASIC + "/connection-test").body();
        assertTrue(sent.contains("test-message-status"), sent);
        check("test message status", admin.get(BASIC + "/connection-test"));
        check("test message to a wrong address", admin.post(BASIC + "/connection-test/send",
                Map.of("csrf", admin.csrf(BASIC + "/connection-test"), "recipient", "not an address")));

        // Every field of the form wrong at once: the errors beside the fields and above them.
        Map<String, String> wrong = basicForm(BASIC, "ok", "maybe");
        wrong.putAll(Map.of("smtpPort", "many", "sender", "نور@example.com", "smtpHost", "bad..ü",
                "authMethod", "x", "security", "y", "transport", "z", "service", "w"));
        HttpResponse<String> invalid = admin.post(BASIC, wrong);
        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.body().split("class=\"field-error\"", -1).length > 5, invalid.body());
        check("invalid fields", invalid);

        // The fax server: not signed in, then a code to enter, then cancelled.
        check(FAX);
        check(FAX + "/sign-in");
        admin.post(FAX, basicForm(FAX, "signin", "enable"));
        admin.post(FAX + "/sign-in/start", Map.of("csrf", admin.csrf(FAX + "/sign-in")));
        assertEquals(AccountState.SIGN_IN_PENDING,
                device.device().accounts().status(AccountId.faxServer()).state());
        String pending = admin.get(FAX + "/sign-in").body();
        assertTrue(pending.contains("id=\"countdown\""), pending);
        check(FAX + "/sign-in");
        admin.post(FAX + "/sign-in/cancel", Map.of("csrf", admin.csrf(FAX + "/sign-in")));
        check(FAX);

        // Error pages.
        HttpResponse<String> missing = admin.get("/no-such-page");
        assertEquals(404, missing.statusCode());
        check("404", missing);
        HttpResponse<String> refused = admin.post(BASIC, Map.of("csrf", "forged"));
        assertEquals(403, refused.statusCode());
        check("403", refused);

        assertEquals(List.of(), found);
    }
}
