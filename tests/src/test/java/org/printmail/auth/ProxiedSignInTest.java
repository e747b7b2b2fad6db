package org.printmail.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.config.DeviceProfile;
import org.printmail.config.ProxyRoute;
import org.printmail.config.ProxySettings;
import org.printmail.testing.LogCapture;
import org.printmail.testing.Tinyproxy;

/**
 * Sign-in and refresh through a real HTTP CONNECT proxy (Debian's tinyproxy) on loopback, to the
 * lab identity platform over real HTTPS: the proxy's log proves the traffic went through it.
 */
class ProxiedSignInTest {
    private static final String PROXY_USER = "printer";
    private static final String PROXY_PASSWORD = "proxy-Secret-42";

    private static Path dir(TestInfo info) {
        return Path.of("target", "tinyproxy", info.getTestMethod().orElseThrow().getName());
    }

    private static ProxyRoute route(Tinyproxy proxy, String user, String password, List<String> noProxy) {
        return new ProxyRoute(new ProxySettings("127.0.0.1", proxy.port(), user, noProxy,
                ProxySettings.SmtpRoute.DIRECT, "", 0), password);
    }

    private static String labHostPort(LabRig rig) { return "localhost:" + rig.lab.port(); }

    @Test
    void signInAndRefreshGoThroughTheProxyWithItsCredentials(TestInfo info) throws Exception {
        try (Tinyproxy proxy = Tinyproxy.start(dir(info), Optional.of(PROXY_USER), Optional.of(PROXY_PASSWORD));
             LogCapture logs = LogCapture.start(java.util.logging.Level.ALL);
             LabRig rig = new LabRig(o -> o, o -> o.withProxy(
                     () -> route(proxy, PROXY_USER, PROXY_PASSWORD, List.of())))) {
            rig.signIn();
            rig.advancePastExpiry();
            assertTrue(rig.lab.isValid(LabRig.ADMIN, rig.manager.accessToken(LabRig.DEVICE)));
            assertEquals(1, rig.refreshRequests());
            assertTrue(proxy.tunnelsOpenedTo(labHostPort(rig)) >= 1, proxy.connectRequests().toString());
            assertTrue(proxy.connectRequests().stream().allMatch(labHostPort(rig)::equals),
                    proxy.connectRequests().toString());
            assertFalse(logs.text().contains(PROXY_PASSWORD), "the proxy password is never logged");
        }
    }

    @Test
    void hostsOnTheNoProxyListAreReachedDirectly(TestInfo info) throws Exception {
        try (Tinyproxy proxy = Tinyproxy.start(dir(info), Optional.empty(), Optional.empty());
             LabRig rig = new LabRig(o -> o, o -> o.withProxy(
                     () -> route(proxy, "", "", List.of("intranet.example", "localhost"))))) {
            rig.signIn();
            assertEquals(List.of(), proxy.connectRequests());
        }
    }

    @Test
    void aProxyRefusingTheCredentialsSays377WithItsRemedy(TestInfo info) throws Exception {
        try (Tinyproxy proxy = Tinyproxy.start(dir(info), Optional.of(PROXY_USER), Optional.of(PROXY_PASSWORD));
             LogCapture logs = LogCapture.start(java.util.logging.Level.ALL);
             LabRig rig = new LabRig(o -> o, o -> o.withProxy(
                     () -> route(proxy, PROXY_USER, "wrong-Password-7", List.of())))) {
            PrintmailException e = assertThrows(PrintmailException.class,
                    () -> rig.manager.startSignIn(LabRig.DEVICE, rig.profile));
            assertEquals(JobCode.PROXY_AUTH_FAILED, e.code(), e.getMessage());
            assertTrue(e.remedy().contains("Proxy User Name"), e.remedy());
            assertEquals(0, rig.lab.deviceCodeRequests());
            assertFalse(logs.text().contains("wrong-Password-7"));
        }
    }

    @Test
    void theIdentityPlatformsCertificateIsStillCheckedThroughTheTunnel(TestInfo info) throws Exception {
        try (Tinyproxy proxy = Tinyproxy.start(dir(info), Optional.empty(), Optional.empty());
             LabRig rig = new LabRig(o -> o, o -> o.withProxy(() -> route(proxy, "", "", List.of())))) {
            // The lab's test CA is not trusted by this profile: only the JDK's CAs are.
            DeviceProfile untrusting = new DeviceProfile(rig.profile.name(), rig.profile.service(),
                    rig.profile.identity(), rig.profile.mail(), Optional.empty());
            PrintmailException e = assertThrows(PrintmailException.class,
                    () -> rig.manager.startSignIn(LabRig.DEVICE, untrusting));
            assertEquals(JobCode.IDENTITY_UNREACHABLE, e.code());
            assertTrue(e.getMessage().contains("SSLHandshakeException"), e.getMessage());
            assertEquals(1, proxy.tunnelsOpenedTo(labHostPort(rig)), "the tunnel was opened");
            assertEquals(0, rig.lab.deviceCodeRequests());
        }
    }
}
