package org.printmail.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.printmail.codes.JobCode;
import org.printmail.config.ProxyRoute;
import org.printmail.config.ProxySettings;
import org.printmail.lab.AdjustableClock;
import org.printmail.lab.LabMailServer;
import org.printmail.testing.DanteSocks;
import org.printmail.testing.LogCapture;
import org.printmail.testing.Tinyproxy;
import org.printmail.trust.TlsTrust;

/** SMTP through a real HTTP CONNECT proxy (Debian's tinyproxy) on loopback, when the admin asks. */
@Timeout(60)
class ProxiedSmtpTest {
    private static final String PROXY_USER = "printer";
    private static final String PROXY_PASSWORD = "proxy-Secret-42";
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final AdjustableClock clock = AdjustableClock.startingAt("2025-03-01T09:00:00Z");
    private LabMailServer lab;
    private Tinyproxy proxy;
    private SmtpMailSender sender;

    @BeforeEach
    void start(TestInfo info) {
        proxy = Tinyproxy.start(Path.of("target", "tinyproxy", "smtp-" + info.getTestMethod().orElseThrow().getName()),
                Optional.of(PROXY_USER), Optional.of(PROXY_PASSWORD));
        validTokens.add(SmtpFixtures.TOKEN);
        lab = LabMailServer.start(SmtpFixtures.keystore("localhost.p12"), SmtpFixtures.PASSWORD, 0,
                (user, token) -> user.equals(SmtpFixtures.USER) && validTokens.contains(token));
    }

    @AfterEach
    void stop() {
        if (sender != null) {
            sender.close();
        }
        lab.close();
        proxy.close();
    }

    private SendReport send(TlsTrust trust, String password, ProxySettings.SmtpRoute how, List<String> noProxy) {
        ProxyRoute route = new ProxyRoute(new ProxySettings("127.0.0.1", proxy.port(), PROXY_USER,
                noProxy, how, "", 0), password);
        sender = SmtpMailSender.create(trust, SmtpFixtures.options(clock).withProxy(() -> route));
        SmtpAccount account = SmtpFixtures.account(SmtpFixtures.settings(lab.port()),
                new TestTokens(SmtpFixtures.TOKEN, SmtpFixtures.FRESH_TOKEN));
        return sender.send(account, SmtpFixtures.message("<proxied-1@printer.example>", "alice@contoso.example"));
    }

    private String mailServer() { return "localhost:" + lab.port(); }

    @Test
    void mailGoesThroughTheProxyByHttpConnectWithItsCredentials() throws Exception {
        try (LogCapture logs = LogCapture.start(java.util.logging.Level.ALL)) {
            SendReport r = send(SmtpFixtures.testCaTrust(), PROXY_PASSWORD,
                    ProxySettings.SmtpRoute.HTTP_CONNECT, List.of());
            assertEquals(List.of("alice@contoso.example"), r.accepted());
            assertTrue(lab.waitForIncoming(1, Duration.ofSeconds(5)));
            assertEquals(1, proxy.tunnelsOpenedTo(mailServer()), proxy.connectRequests().toString());
            assertFalse(logs.text().contains(PROXY_PASSWORD), "the proxy password is never logged");
        }
    }

    @Test
    void theConnectionTestChecksTheProxyAndTheWholeSessionThroughIt() {
        ProxyRoute route = new ProxyRoute(new ProxySettings("127.0.0.1", proxy.port(), PROXY_USER,
                List.of(), ProxySettings.SmtpRoute.HTTP_CONNECT, "", 0), PROXY_PASSWORD);
        sender = SmtpMailSender.create(SmtpFixtures.testCaTrust(), SmtpFixtures.options(clock).withProxy(() -> route));
        List<ConnectionTestStep> steps = sender.connectionTest(SmtpFixtures.account(
                SmtpFixtures.settings(lab.port()), new TestTokens(SmtpFixtures.TOKEN, SmtpFixtures.FRESH_TOKEN)));
        assertTrue(steps.stream().allMatch(ConnectionTestStep::passed), steps.toString());
        assertTrue(steps.get(1).detail().contains("the proxy port " + proxy.port()), steps.toString());
        assertEquals(1, proxy.tunnelsOpenedTo(mailServer()), proxy.connectRequests().toString());
    }

    @Test
    void mailGoesThroughASocksProxyWhenTheAdminChoosesIt(TestInfo info) throws Exception {
        try (DanteSocks socks = DanteSocks.start(Path.of("target", "dante",
                info.getTestMethod().orElseThrow().getName()))) {
            ProxyRoute route = new ProxyRoute(new ProxySettings("", 0, "", List.of(),
                    ProxySettings.SmtpRoute.SOCKS, "127.0.0.1", socks.port()), "");
            sender = SmtpMailSender.create(SmtpFixtures.testCaTrust(),
                    SmtpFixtures.options(clock).withProxy(() -> route));
            sender.send(SmtpFixtures.account(SmtpFixtures.settings(lab.port()),
                    new TestTokens(SmtpFixtures.TOKEN, SmtpFixtures.FRESH_TOKEN)),
                    SmtpFixtures.message("<socks-1@printer.example>", "alice@contoso.example"));
            assertTrue(lab.waitForIncoming(1, Duration.ofSeconds(5)));
            assertTrue(socks.relayedTo(lab.port()) >= 1, "relayed by the SOCKS proxy");
            assertEquals(List.of(), proxy.connectRequests());
        }
    }

    @Test
    void withoutTheAdminAskingSmtpGoesDirect() throws Exception {
        send(SmtpFixtures.testCaTrust(), PROXY_PASSWORD, ProxySettings.SmtpRoute.DIRECT, List.of());
        assertTrue(lab.waitForIncoming(1, Duration.ofSeconds(5)));
        assertEquals(List.of(), proxy.connectRequests());
    }

    @Test
    void aMailServerOnTheNoProxyListIsReachedDirectly() throws Exception {
        send(SmtpFixtures.testCaTrust(), PROXY_PASSWORD, ProxySettings.SmtpRoute.HTTP_CONNECT,
                List.of("localhost"));
        assertTrue(lab.waitForIncoming(1, Duration.ofSeconds(5)));
        assertEquals(List.of(), proxy.connectRequests());
    }

    @Test
    void aProxyRefusingTheCredentialsSays377() {
        SmtpFailure f = assertThrows(SmtpFailure.class, () -> send(SmtpFixtures.testCaTrust(),
                "wrong-Password-7", ProxySettings.SmtpRoute.HTTP_CONNECT, List.of()));
        assertEquals(JobCode.PROXY_AUTH_FAILED, f.code(), f.getMessage());
        assertFalse(f.getMessage().contains("wrong-Password-7"));
        assertEquals(0, proxy.tunnelsOpenedTo(mailServer()));
    }

    @Test
    void theMailServersCertificateIsStillCheckedThroughTheTunnel() {
        SmtpFailure f = assertThrows(SmtpFailure.class, () -> send(TlsTrust.jdkDefaults(),
                PROXY_PASSWORD, ProxySettings.SmtpRoute.HTTP_CONNECT, List.of()));
        assertEquals(JobCode.CERTIFICATE_PROBLEM, f.code(), f.getMessage());
        assertEquals(1, proxy.tunnelsOpenedTo(mailServer()), "the tunnel was opened");
        assertEquals(0, lab.receivedMessages().length);
    }
}
