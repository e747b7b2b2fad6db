package org.printmail.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The no-proxy list and the firmware profile's proxy keys. */
class ProxySettingsTest {
    private static ProxySettings with(String... noProxy) {
        return new ProxySettings("proxy.contoso.example", 3128, "", List.of(noProxy),
                ProxySettings.SmtpRoute.DIRECT, "", 0);
    }

    @Test
    void aDomainOnTheNoProxyListCoversItsSubdomainsButNotLookAlikes() {
        ProxySettings s = with("contoso.com", ".fabrikam.example", "*.intranet");
        assertTrue(s.bypasses("contoso.com"));
        assertTrue(s.bypasses("smtp.CONTOSO.com"));
        assertTrue(s.bypasses("mail.fabrikam.example"));
        assertTrue(s.bypasses("a.b.intranet"));
        assertFalse(s.bypasses("notcontoso.com"));
        assertFalse(s.bypasses("login.microsoftonline.com"));
        assertTrue(with("*").bypasses("login.microsoftonline.com"));
        assertTrue(ProxySettings.NONE.bypasses("login.microsoftonline.com"), "no proxy: direct");
    }

    @Test
    void theProfileKeysSetTheProxyAndABadOneNamesItsKey() throws Exception {
        Properties p = new Properties();
        p.load(new StringReader("proxy.host=proxy.contoso.example\nproxy.port=8080\nproxy.user=printer\n"
                + "proxy.no-proxy=localhost, .contoso.com\nproxy.smtp=http-connect\n"));
        ProxySettings s = ProxySettings.fromProperties(p);
        assertEquals(new ProxySettings("proxy.contoso.example", 8080, "printer",
                List.of("localhost", ".contoso.com"), ProxySettings.SmtpRoute.HTTP_CONNECT, "", 0), s);
        assertEquals(ProxySettings.NONE, ProxySettings.fromProperties(new Properties()));
        p.setProperty("proxy.smtp", "carrier-pigeon");
        ConfigException e = assertThrows(ConfigException.class, () -> ProxySettings.fromProperties(p));
        assertTrue(e.getMessage().contains("proxy.smtp"), e.getMessage());
    }

    @Test
    void theRouteNeverShowsThePassword() {
        assertFalse(new ProxyRoute(with(), "proxy-Secret-42").toString().contains("proxy-Secret-42"));
    }

    @Test
    void settingsNameAProxyExactlyWhenTheyDifferFromNoneByAnHttpOrSocksHost() {
        assertFalse(ProxySettings.NONE.namesAProxy());
        assertFalse(ProxySettings.fromProperties(new Properties()).namesAProxy());
        assertFalse(new ProxySettings(" ", 0, null, null, null, null, 0).namesAProxy(), "blank is none");
        assertTrue(with().namesAProxy());
        assertTrue(new ProxySettings("", 0, "", List.of(), ProxySettings.SmtpRoute.SOCKS, "socks.example", 1080)
                .namesAProxy(), "a SOCKS-only proxy for SMTP");
        for (ProxySettings s : List.of(ProxySettings.NONE, with(),
                new ProxySettings("", 0, "", List.of(), ProxySettings.SmtpRoute.SOCKS, "socks.example", 1080))) {
            assertEquals(!s.equals(ProxySettings.NONE), s.namesAProxy(), s.toString());
        }
    }
}
