package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.printmail.i18n.Language;
import org.printmail.testing.EnglishLeftovers;

/**
 * A notice left for the next page (Post/Redirect/Get) is worded when that page is written, so an
 * admin who switches language between the action and the page reads it in the new language.
 * Real HTTPS in front of the real device.
 */
class FlashNoticeInTheReadersLanguageTest {
    private static final String BASIC = "/network/email-server";
    private WebConfigRig device;

    @BeforeEach
    void start() { device = new WebConfigRig(); }

    @AfterEach
    void stop() { device.close(); }

    private HttpsAdmin admin(String acceptLanguage) throws Exception {
        HttpsAdmin b = new HttpsAdmin(device.server.baseUri());
        b.acceptLanguage = acceptLanguage;
        b.logIn(WebConfigRig.ADMIN_PASSWORD);
        return b;
    }

    private static String flash(String page) {
        int at = page.indexOf("<div class=\"flash ");
        assertTrue(at >= 0, "a flash notice: " + page);
        return page.substring(at, page.indexOf("</div>", at));
    }

    private static boolean hasArabicLetters(String s) {
        return s.chars().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
    }

    @Test
    void aNoticeLeftInEnglishIsReadInArabicAfterTheSwitchWithNoEnglishLeft() throws Exception {
        HttpsAdmin b = admin("en");
        Map<String, String> f = new HashMap<>(Map.of("action", "ok", "authMethod", "OAUTH2",
                "service", "EXCHANGE_ONLINE", "transport", "MICROSOFT_GRAPH", "sender", "", "tenant", "",
                "smtpHost", "localhost", "smtpPort", "", "security", "STARTTLS", "certValidation", "enable"));
        f.put("csrf", b.csrf(BASIC));
        // Not signed in: switching the transport leaves a warning and a remedy for the next page.
        assertEquals(303, b.post(BASIC, f).statusCode());

        assertEquals(303, b.get("/language?to=ar&back=%2Fnetwork%2Femail-server").statusCode());
        String page = b.get(BASIC).body();
        assertTrue(page.contains("<html lang=\"ar\" dir=\"rtl\">"), page);
        String notice = flash(page);
        assertTrue(notice.contains("تم حفظ الإعدادات: يُرسَل البريد الآن عبر"), notice);
        assertFalse(notice.contains("The settings were saved"), notice);
        assertEquals(List.of(), EnglishLeftovers.in(PageText.visible(notice + "</div>", Language.ARABIC)),
                notice);
        assertEquals(List.of(), EnglishLeftovers.in(PageText.visible(page, Language.ARABIC)));
    }

    @Test
    void aNoticeLeftInArabicIsReadInEnglishAfterTheSwitch() throws Exception {
        HttpsAdmin b = admin("ar");
        String token = b.csrf(NotificationsPage.PATH);
        assertEquals(303, b.post(NotificationsPage.PATH, Map.of("csrf", token, "PAPER_OUT",
                "facilities@contoso.example")).statusCode());

        assertEquals(303, b.get("/language?to=en&back=%2Fnotifications").statusCode());
        String page = b.get(NotificationsPage.PATH).body();
        assertTrue(page.contains("<html lang=\"en\" dir=\"ltr\">"), page);
        String notice = flash(page);
        assertTrue(notice.contains("The notification recipients were saved."), notice);
        assertFalse(hasArabicLetters(notice), notice);
    }
}
