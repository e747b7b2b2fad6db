package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.printmail.device.Device;
import org.printmail.i18n.Language;
import org.printmail.i18n.Messages;

/** Device Management > Language over real HTTPS: saved, kept across a restart, forged values refused. */
class DeviceLanguagePageTest {
    private WebConfigRig device;
    private HttpsAdmin admin;

    @BeforeEach
    void start() throws Exception {
        device = new WebConfigRig();
        admin = HttpsAdmin.loggedIn(device.server.baseUri());
    }

    @AfterEach
    void stop() { device.close(); }

    private HttpResponse<String> choose(String value) throws Exception {
        return admin.post(LanguagePage.PATH, Map.of("csrf", admin.csrf(LanguagePage.PATH), "language", value));
    }

    @Test
    void theLanguagesAreListedByTheirOwnNamesWithTheDeviceLanguageSelected() throws Exception {
        String page = admin.get(LanguagePage.PATH).body();
        assertTrue(page.contains("<option value=\"en\" lang=\"en\" dir=\"ltr\" selected>English</option>"), page);
        assertTrue(page.contains("<option value=\"ar\" lang=\"ar\" dir=\"rtl\">العربية</option>"), page);
        assertTrue(page.contains("<form method=\"post\" action=\"/device-language\" id=\"device-language-form\">"
                + "<input type=\"hidden\" name=\"csrf\""), "a CSRF-protected form: " + page);
    }

    @Test
    void arabicIsSavedConfirmedAndSurvivesARestart() throws Exception {
        assertEquals(Language.ENGLISH, device.device().settings().current().language());
        assertEquals(303, choose("ar").statusCode());
        assertEquals(Language.ARABIC, device.device().settings().current().language());
        String page = admin.get(LanguagePage.PATH).body();
        assertTrue(page.contains("The device language is now <bdi>العربية</bdi>."), page);
        assertTrue(page.contains("<option value=\"ar\" lang=\"ar\" dir=\"rtl\" selected>"), page);

        Device restarted = device.rig.restart();
        assertEquals(Language.ARABIC, restarted.settings().current().language(), "kept across a power cycle");
        WebConfigServer again = WebConfigServer.start(WebConfigRig.options(device.rig.dataDir),
                WebConfigRig.backend(restarted, device.lab(), device.clock));
        try {
            String shown = HttpsAdmin.loggedIn(again.baseUri()).get(LanguagePage.PATH).body();
            assertTrue(shown.contains("<option value=\"ar\" lang=\"ar\" dir=\"rtl\" selected>"), shown);
        } finally {
            again.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "ARABIC", "ar-EG", "", "<script>"})
    void aForgedOrUnknownValueIsRefusedWithAClearErrorAndNothingIsSaved(String value) throws Exception {
        Path file = device.rig.dataDir.resolve("settings.json");
        byte[] before = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        HttpResponse<String> r = choose(value);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains(Messages.of(Language.ENGLISH).text("webpages.language.unknown")), r.body());
        assertTrue(r.body().contains("<select name=\"language\" id=\"language\" aria-invalid=\"true\">"), r.body());
        assertEquals(Language.ENGLISH, device.device().settings().current().language());
        byte[] after = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        assertEquals(new String(before, java.nio.charset.StandardCharsets.UTF_8),
                new String(after, java.nio.charset.StandardCharsets.UTF_8), "the settings file is untouched");
    }

    @Test
    void aPostWithoutTheFormsTokenIsRefusedAndNothingIsSaved() throws Exception {
        HttpResponse<String> r = admin.post(LanguagePage.PATH, Map.of("language", "ar"));
        assertEquals(403, r.statusCode());
        assertEquals(Language.ENGLISH, device.device().settings().current().language());
    }

    @Test
    void aBrowserThatIsNotLoggedInIsSentToTheLogInAndChangesNothing() throws Exception {
        HttpsAdmin visitor = new HttpsAdmin(device.server.baseUri());
        HttpResponse<String> page = visitor.get(LanguagePage.PATH);
        assertEquals(303, page.statusCode());
        assertEquals(Dispatcher.LOGIN, page.headers().firstValue("Location").orElse(""));
        visitor.post(LanguagePage.PATH, Map.of("language", "ar"));
        assertEquals(Language.ENGLISH, device.device().settings().current().language());
    }

    @Test
    void theLanguagePageReadsInArabicAndItsErrorToo() throws Exception {
        admin.acceptLanguage = Language.ARABIC.tag();
        assertEquals(303, choose("ar").statusCode());
        String text = WebPagesInArabicTest.assertReadsInArabic(admin.get(LanguagePage.PATH).body(),
                "the saved device language");
        assertTrue(text.contains("أصبحت لغة الجهاز"), text);
        HttpResponse<String> refused = choose("xx");
        assertEquals(400, refused.statusCode());
        text = WebPagesInArabicTest.assertReadsInArabic(refused.body(), "the unknown language error");
        assertTrue(text.contains(Messages.of(Language.ARABIC).text("webpages.language.unknown")), text);
    }
}
