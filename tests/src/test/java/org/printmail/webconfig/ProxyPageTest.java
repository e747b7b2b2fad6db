package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.printmail.config.ProxySettings;

/** Network > Proxy over real HTTPS: saved, validated by field, the password write-only. */
class ProxyPageTest {
    private static final String PASSWORD = "proxy-Secret-42";
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

    private Map<String, String> form() throws Exception {
        Map<String, String> f = new HashMap<>(Map.of("proxyHost", "proxy.contoso.example",
                "proxyPort", "3128", "proxyUser", "printer", "proxyPassword", PASSWORD,
                "noProxy", "intranet.contoso.example, localhost", "smtpRoute", "HTTP_CONNECT",
                "socksHost", "", "socksPort", ""));
        f.put("csrf", admin.csrf(ProxyPage.PATH));
        return f;
    }

    @Test
    void okSavesTheProxyAndSealsThePasswordWithoutEverShowingItBack() throws Exception {
        assertEquals(303, admin.post(ProxyPage.PATH, form()).statusCode());
        assertEquals(new ProxySettings("proxy.contoso.example", 3128, "printer",
                        List.of("intranet.contoso.example", "localhost"), ProxySettings.SmtpRoute.HTTP_CONNECT, "", 0),
                device.device().settings().current().proxy());
        assertEquals(Optional.of(PASSWORD), device.device().proxyPasswordFile().read());
        String page = admin.get(ProxyPage.PATH).body();
        assertTrue(page.contains("A password is stored"), page);
        assertFalse(page.contains(PASSWORD), "the password is never shown back");

        Map<String, String> again = form();
        again.put("proxyPassword", ""); // empty keeps the stored password
        admin.post(ProxyPage.PATH, again);
        assertEquals(Optional.of(PASSWORD), device.device().proxyPasswordFile().read());
    }

    @Test
    void aBadPortIsRefusedNamingTheFieldAndNothingIsSaved() throws Exception {
        Map<String, String> f = form();
        f.put("proxyPort", "70000");
        HttpResponse<String> r = admin.post(ProxyPage.PATH, f);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("Network &gt; Proxy Port Number"), r.body());
        assertEquals(ProxySettings.NONE, device.device().settings().current().proxy());
        assertEquals(Optional.empty(), device.device().proxyPasswordFile().read());
    }
}
