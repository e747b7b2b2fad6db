package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.printmail.testing.LoopbackHttps;
import org.printmail.trust.TlsTrust;

/** Issue 11 §5: what the server offers on the wire (TLS suites) and how it answers bad input. */
class WebConfigTransportTest {
    private static WebConfigRig web;
    private static SSLContext tls;

    @BeforeAll
    static void start() {
        web = new WebConfigRig();
        tls = TlsTrust.withCaFiles(List.of(WebConfigRig.TEST_CA)).sslContext();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    private static SSLSocket tlsSocket(String protocol, String... suites) throws IOException {
        Socket plain = new Socket(web.server.baseUri().getHost(), web.server.baseUri().getPort());
        plain.setSoTimeout(5_000);
        SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain,
                web.server.baseUri().getHost(), web.server.baseUri().getPort(), true);
        s.setEnabledProtocols(new String[] {protocol});
        s.setEnabledCipherSuites(suites);
        return s;
    }

    @Test
    void aClientOfferingOnlySuitesWithoutForwardSecrecyOrWithCbcCannotHandshake()
            throws Exception {
        try (SSLSocket s = tlsSocket("TLSv1.2", "TLS_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_CBC_SHA")) {
            assertThrows(IOException.class, s::startHandshake, "RSA key exchange refused");
        }
        try (SSLSocket s = tlsSocket("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
                "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384")) {
            assertThrows(IOException.class, s::startHandshake, "CBC suites refused");
        }
    }

    @Test
    void tls13AndTls12WithEcdheAndAeadAreOffered() throws Exception {
        try (SSLSocket s = tlsSocket("TLSv1.3", "TLS_AES_128_GCM_SHA256")) {
            s.startHandshake();
            assertEquals("TLSv1.3", s.getSession().getProtocol());
        }
        try (SSLSocket s = tlsSocket("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")) {
            s.startHandshake();
            assertTrue(s.getSession().getCipherSuite().startsWith("TLS_ECDHE_"));
        }
    }

    @Test
    void malformedPathsGetTheSecurityHeadersAndNoInternals() throws Exception {
        LoopbackHttps client = new LoopbackHttps(tls, web.server.baseUri(),
                InetAddress.getByName("127.0.0.1"), Duration.ofSeconds(5));
        for (String path : List.of("/%zz", "/status/%2e%2e/%2e%2e/etc/passwd", "/a%00b",
                "/static/..%2Fwebconfig.css", "/%c0%ae%c0%ae/")) {
            LoopbackHttps.Reply r = client.send("GET", path, Map.of(), "");
            assertTrue(r.status() >= 400 && r.status() < 500, path + " -> " + r.status());
            assertSecurityHeaders(path, r);
            assertFalse(r.body().matches("(?s).*(Exception|jetty|Jetty|java\\.|at org\\.).*"),
                    path + " shows internals: " + r.body());
            assertTrue(r.body().contains("Web Config"), path + " answered with our own page");
        }
    }

    static void assertSecurityHeaders(String what, LoopbackHttps.Reply r) {
        Dispatcher.securityHeaders().forEach((name, value) -> assertEquals(value,
                r.headers().get(name.toLowerCase(java.util.Locale.ROOT)), what + ": " + name));
        assertFalse(r.headers().containsKey("server"), what + ": no Server header");
    }
}
