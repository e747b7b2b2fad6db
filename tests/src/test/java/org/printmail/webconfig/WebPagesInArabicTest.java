package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.printmail.i18n.Language;
import org.printmail.i18n.Messages;
import org.printmail.testing.EnglishLeftovers;

/**
 * CA Certificate, Proxy, Email Notifications, Administrator Password, Language and Job Log over
 * real HTTPS, read by a browser set to Arabic: right to left, and no English left outside the
 * isolated data and the names kept in English. Messages, errors and confirmations included.
 */
class WebPagesInArabicTest {
    private static final Messages AR = Messages.of(Language.ARABIC);
    private WebConfigRig device;
    private HttpsAdmin admin;

    @BeforeEach
    void start() throws Exception {
        device = new WebConfigRig();
        admin = HttpsAdmin.loggedIn(device.server.baseUri());
        admin.acceptLanguage = Language.ARABIC.tag();
    }

    @AfterEach
    void stop() { device.close(); }

    /** The page reads right to left, in Arabic, with no English word left, frame included. */
    static String assertReadsInArabic(String html, String what) {
        assertEquals(Optional.of("rtl"), PageText.direction(html), what + " is right to left");
        String text = PageText.visible(html, Language.ARABIC);
        assertEquals(List.of(), EnglishLeftovers.in(text), what + " has English left: " + text);
        assertTrue(text.matches("(?s).*[\\u0600-\\u06FF].*"), what + " is in Arabic: " + text);
        return text;
    }

    private String page(String path) throws Exception {
        HttpResponse<String> r = admin.get(path);
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }

    @Test
    void eachPageOfThisPartReadsInArabicWithItsTitle() throws Exception {
        Map<String, String> titles = Map.of(CaCertificatePage.PATH, "common.menu.caCertificate",
                ProxyPage.PATH, "common.menu.proxy", NotificationsPage.PATH, "common.menu.notifications",
                AdminPasswordPage.PATH, "common.menu.adminPassword", LanguagePage.PATH, "common.menu.language",
                JobLogPage.PATH, "common.menu.jobLog");
        for (Map.Entry<String, String> p : titles.entrySet()) {
            String text = assertReadsInArabic(page(p.getKey()), p.getKey());
            assertTrue(text.contains(AR.text(p.getValue())), p.getKey() + ": " + text);
        }
    }

    @Test
    void caCertificateImportListAndDeleteConfirmationReadInArabicWithSubjectAndFingerprintIsolated()
            throws Exception {
        String path = CaCertificatePage.PATH;
        byte[] pem = Files.readAllBytes(WebConfigRig.ROOT.resolve("test-fixtures/tls/untrusted-ca.pem"));
        assertEquals(303, admin.upload(path, path + "/import", "certificate", "ca.pem", pem).statusCode());
        String listed = page(path);
        String text = assertReadsInArabic(listed, "the CA list after an import");
        assertTrue(text.contains(AR.count("webpages.ca.imported", 1, "").replace("\u2068\u2069", "").trim()),
                "the import is confirmed in Arabic: " + text);
        String sha256 = device.device().caCertificates().list().get(0).sha256();
        assertTrue(listed.contains("<td class=\"fingerprint\"><bdi dir=\"ltr\">" + sha256 + "</bdi></td>"),
                "the fingerprint is a left-to-right value on its own: " + listed);
        assertTrue(listed.contains("<td class=\"subject\"><bdi dir=\"ltr\">O=printmail tests,CN=printmail"
                + " TEST-ONLY Untrusted CA</bdi></td>"), listed);

        admin.upload(path, path + "/import", "certificate", "ca.pem", pem);
        assertReadsInArabic(page(path), "the already-imported notice");
        admin.upload(path, path + "/import", "certificate", "empty.pem", new byte[0]);
        assertReadsInArabic(page(path), "the choose-a-file notice");

        String confirm = page(Html.query(path + "/delete", "fingerprint", sha256));
        text = assertReadsInArabic(confirm, "the delete confirmation");
        assertTrue(text.contains(AR.text("webpages.ca.delete.question")), text);
        assertTrue(confirm.contains("<strong id=\"delete-subject\"><bdi dir=\"ltr\">"), confirm);
        assertEquals(303, admin.post(path + "/delete", Map.of("csrf", admin.csrf(path), "fingerprint",
                sha256)).statusCode());
        text = assertReadsInArabic(page(path), "the list after the deletion");
        assertTrue(text.contains(AR.text("webpages.ca.deleted")) && text.contains(AR.text("webpages.ca.none")),
                text);
    }

    @Test
    void proxyPageAndItsOwnFieldErrorReadInArabic() throws Exception {
        Map<String, String> form = new HashMap<>(Map.of("proxyHost", "proxy.contoso.example",
                "proxyPort", "port", "proxyUser", "", "proxyPassword", "", "noProxy", "",
                "smtpRoute", "DIRECT", "socksHost", "", "socksPort", ""));
        form.put("csrf", admin.csrf(ProxyPage.PATH));
        HttpResponse<String> refused = admin.post(ProxyPage.PATH, form);
        assertEquals(400, refused.statusCode());
        String text = assertReadsInArabic(refused.body(), "the proxy port error");
        assertTrue(text.contains(AR.text("webpages.proxy.field.proxyPort") + ": "), text);
        assertTrue(refused.body().contains("<tr class=\"invalid\"><th><label for=\"proxyPort\">"), "marked");

        form.put("proxyPort", "3128");
        assertEquals(303, admin.post(ProxyPage.PATH, form).statusCode());
        text = assertReadsInArabic(page(ProxyPage.PATH), "the saved proxy");
        assertTrue(text.contains(AR.text("webpages.proxy.saved")), text);
    }

    @Test
    void notificationsAndAdministratorPasswordConfirmationsAndErrorsReadInArabic() throws Exception {
        Map<String, String> form = new HashMap<>(Map.of("PAPER_OUT", "facilities@contoso.example"));
        form.put("csrf", admin.csrf(NotificationsPage.PATH));
        assertEquals(303, admin.post(NotificationsPage.PATH, form).statusCode());
        String text = assertReadsInArabic(page(NotificationsPage.PATH), "the saved notifications");
        assertTrue(text.contains(AR.text("webpages.notifications.saved")), text);

        HttpResponse<String> mismatch = admin.post(AdminPasswordPage.PATH, Map.of("csrf",
                admin.csrf(AdminPasswordPage.PATH), "current", WebConfigRig.ADMIN_PASSWORD,
                "new", "another-pass-1", "confirm", "another-pass-2"));
        assertEquals(400, mismatch.statusCode());
        text = assertReadsInArabic(mismatch.body(), "the password mismatch");
        assertTrue(text.contains(AR.text("webpages.password.mismatch")), text);

        assertEquals(303, admin.post(AdminPasswordPage.PATH, Map.of("csrf", admin.csrf(AdminPasswordPage.PATH),
                "current", WebConfigRig.ADMIN_PASSWORD, "new", "another-pass-1", "confirm", "another-pass-1"))
                .statusCode());
        text = assertReadsInArabic(page(AdminPasswordPage.PATH), "the password change");
        assertTrue(text.contains(AR.text("webpages.password.changed")), text);
    }
}
