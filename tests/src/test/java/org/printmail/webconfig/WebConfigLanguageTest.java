package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which language Web Config speaks: the browser's {@code Accept-Language}, overruled for the
 * browser session by the switch in every page's header, which never logs the admin out, keeps
 * the session's drafts, returns only to Web Config's own pages, and ignores what it does not
 * know. Real HTTPS in front of the real device.
 */
class WebConfigLanguageTest {
    private static final String BASIC = "/network/email-server";
    private static WebConfigRig device;

    @BeforeAll
    static void start() { device = new WebConfigRig(); }

    @AfterAll
    static void stop() { device.close(); }

    private static HttpsAdmin browser(String acceptLanguage) {
        HttpsAdmin b = new HttpsAdmin(device.server.baseUri());
        b.acceptLanguage = acceptLanguage;
        return b;
    }

    private static String lang(String page) {
        int at = page.indexOf("<html lang=\"");
        return at < 0 ? "" : page.substring(at + 12, page.indexOf('"', at + 12));
    }

    private static String dir(String page) {
        int at = page.indexOf(" dir=\"");
        return at < 0 ? "" : page.substring(at + 6, page.indexOf('"', at + 6));
    }

    @Test
    void arabicBrowsersGetArabicAndTheSwitchToEnglishHoldsForTheSessionWithoutLoggingOut() throws Exception {
        HttpsAdmin b = browser("ar-SA,ar;q=0.9,en;q=0.5");
        String login = b.get(Dispatcher.LOGIN).body();
        assertEquals("ar", lang(login));
        assertEquals("rtl", dir(login));
        assertTrue(login.contains("تسجيل دخول المسؤول"), login);
        assertTrue(login.contains("href=\"/language?to=en&amp;back=%2Flogin\""), "the switch: " + login);
        b.logIn(WebConfigRig.ADMIN_PASSWORD);
        // An unsaved draft (Sign In keeps the form in the session) must survive the switch.
        Map<String, String> form = new HashMap<>(Map.of("csrf", b.csrf(BASIC), "action", "signin",
                "authMethod", "OAUTH2", "service", "OUTLOOK_COM", "sender", "", "tenant", "",
                "smtpHost", "", "smtpPort", "", "security", "STARTTLS", "certValidation", "enable"));
        assertEquals(303, b.post(BASIC, form).statusCode());
        assertEquals("ar", lang(b.get(BASIC + "/sign-in").body()));

        HttpResponse<String> toEnglish = b.get("/language?to=en&back=%2Fnetwork%2Femail-server%2Fsign-in");
        assertEquals(303, toEnglish.statusCode());
        assertEquals(BASIC + "/sign-in", toEnglish.headers().firstValue("Location").orElse(""));
        String setCookie = toEnglish.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(LanguageSwitch.COOKIE + "=")).findFirst().orElse("");
        assertEquals("pm_lang=en; Path=/; Secure; HttpOnly; SameSite=Strict", setCookie,
                "a session cookie (no Max-Age or Expires)");

        HttpResponse<String> signIn = b.get(BASIC + "/sign-in");
        assertEquals(200, signIn.statusCode(), "still logged in");
        assertEquals("en", lang(signIn.body()));
        assertEquals("ltr", dir(signIn.body()));
        assertTrue(signIn.body().contains("id=\"sign-in-service\">Outlook.com<"),
                "the draft survived the switch: " + signIn.body());
        for (String page : new String[] {"/status", BASIC, BASIC + "/connection-test"}) {
            assertEquals("en", lang(b.get(page).body()), page);
        }
        // The log-in page too, after logging out: the switch outlives the log-in session.
        b.post("/logout", Map.of("csrf", b.csrf("/status")));
        String again = b.get(Dispatcher.LOGIN).body();
        assertEquals("en", lang(again));
        assertTrue(again.contains("Administrator Log In"), again);

        assertEquals(303, b.get("/language?to=ar&back=%2Flogin").statusCode());
        assertEquals("ar", lang(b.get(Dispatcher.LOGIN).body()));
    }

    @Test
    void unknownOrMalformedLanguageCookiesAndHeadersFallBackToEnglish() throws Exception {
        // One browser (one connection), its header and cookie changed between requests.
        HttpsAdmin b = browser("");
        assertEquals("en", lang(b.get(Dispatcher.LOGIN).body()), "no header: English");
        for (String header : new String[] {"fr-FR, de;q=0.8", "ar;q=abc", "*;q=0", "x".repeat(600) + ",ar"}) {
            b.acceptLanguage = header;
            assertEquals("en", lang(b.get(Dispatcher.LOGIN).body()), header);
        }
        b.acceptLanguage = "";
        for (String cookie : new String[] {"fr", "AR", "ar-SA", "%3Cscript%3E", "english"}) {
            b.languageCookie = cookie;
            assertEquals("en", lang(b.get(Dispatcher.LOGIN).body()), "cookie " + cookie);
        }
        b.acceptLanguage = "ar";
        b.languageCookie = "klingon";
        assertEquals("ar", lang(b.get(Dispatcher.LOGIN).body()), "an unknown cookie is ignored");

        b.languageCookie = "";
        HttpResponse<String> unknown = b.get("/language?to=fr&back=%2Flogin");
        assertEquals(303, unknown.statusCode());
        assertTrue(unknown.headers().allValues("Set-Cookie").isEmpty(), "nothing remembered");
    }

    @Test
    void theSwitchReturnsOnlyToWebConfigsOwnPages() throws Exception {
        Map<String, String> backs = Map.of("https%3A%2F%2Fevil.example%2F", LoginPage.HOME,
                "%2F%2Fevil.example", LoginPage.HOME, "%2Fapi%2Fsignin-status", LoginPage.HOME,
                "%2Flanguage", LoginPage.HOME, "%2Fstatus%0D%0ASet-Cookie%3A+x%3Dy", LoginPage.HOME,
                "", LoginPage.HOME, "%2Flogin", Dispatcher.LOGIN, "%2Ffax%2Femail-server", "/fax/email-server");
        HttpsAdmin b = browser("");
        for (Map.Entry<String, String> e : backs.entrySet()) {
            HttpResponse<String> r = b.get("/language?to=ar&back=" + e.getKey());
            assertEquals(303, r.statusCode(), e.getKey());
            assertEquals(e.getValue(), r.headers().firstValue("Location").orElse(""), e.getKey());
        }
    }

    @Test
    void errorPagesSpeakTheRequestsLanguage() throws Exception {
        HttpResponse<String> missing = browser("ar").get("/no-such-page");
        assertEquals(404, missing.statusCode());
        assertEquals("ar", lang(missing.body()));
        assertEquals("rtl", dir(missing.body()));
        assertTrue(missing.body().contains("الصفحة غير موجودة"), missing.body());

        HttpsAdmin english = browser("ar");
        english.languageCookie = "en";
        HttpResponse<String> refused = english.post(Dispatcher.LOGIN, Map.of("csrf", "forged",
                "password", "x"));
        assertEquals(403, refused.statusCode());
        assertEquals("en", lang(refused.body()));
        assertTrue(refused.body().contains("Request refused"), refused.body());

        HttpResponse<String> arabicRefused = browser("ar").post("/logout", Map.of("csrf", "forged"));
        assertEquals(303, arabicRefused.statusCode(), "not logged in: to the log-in page");
    }
}
