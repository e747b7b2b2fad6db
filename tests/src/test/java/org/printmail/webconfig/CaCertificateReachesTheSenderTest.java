package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.printmail.lab.LabUsers;
import org.printmail.smtp.ScriptedSmtpServer;
import org.printmail.auth.AccountId;

/**
 * A CA certificate imported on the CA Certificate page is the one the device's SMTP sender
 * trusts on its next connection: the same email server fails the TLS step with 389 before the
 * import and passes every step after it, without a restart.
 */
class CaCertificateReachesTheSenderTest {
    private static final String TEST_PAGE = "/network/email-server/connection-test";
    private static final Pattern ROW = Pattern.compile(
            "<tr class=\"(pass|fail)\"><td>TLS and certificate</td><td>([^<]*)</td>");

    @Test
    void importedCaLetsTheConnectionTestPassTheTlsStepThatFailedWith389Before() throws Exception {
        try (WebConfigRig device = new WebConfigRig();
             ScriptedSmtpServer server = ScriptedSmtpServer.script()
                     .keystore("untrusted-localhost.p12").start()) {
            HttpsAdmin admin = new HttpsAdmin(device.server.baseUri());
            admin.logIn(WebConfigRig.ADMIN_PASSWORD);
            device.rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
            pointAt(admin, server.port());

            assertEquals("Failed (389)", tlsStep(admin));
            String failed = admin.get(TEST_PAGE).body();
            assertTrue(failed.contains("The email server&#39;s certificate could not be verified"),
                    failed);

            String ca = "/network-security/ca-certificate";
            assertEquals(303, admin.upload(ca, ca + "/import", "certificate", "untrusted-ca.pem",
                    Files.readAllBytes(WebConfigRig.ROOT.resolve("test-fixtures/tls/untrusted-ca.pem")))
                    .statusCode());
            assertTrue(admin.get(ca).body().contains("CN=printmail TEST-ONLY Untrusted CA"));
            List<String> stored = device.device().caCertificates().list().stream()
                    .map(c -> c.subject()).toList();
            assertEquals(1, stored.size());
            assertTrue(stored.get(0).contains("CN=printmail TEST-ONLY Untrusted CA"), stored.get(0));

            assertEquals("Passed", tlsStep(admin));
            assertTrue(admin.get(TEST_PAGE).body().contains("All steps passed."));
        }
    }

    /** Network > Email Server > Basic: the scripted server's port, saved with OK. */
    private static void pointAt(HttpsAdmin admin, int port) throws Exception {
        Map<String, String> form = new HashMap<>(Map.of("action", "ok", "authMethod", "OAUTH2",
                "service", "EXCHANGE_ONLINE", "sender", "", "tenant", "", "smtpHost", "localhost",
                "smtpPort", Integer.toString(port), "security", "STARTTLS", "certValidation",
                "enable"));
        form.put("csrf", admin.csrf("/network/email-server"));
        assertEquals(303, admin.post("/network/email-server", form).statusCode());
    }

    /** Runs the Connection Test and returns the TLS step's result cell. */
    private static String tlsStep(HttpsAdmin admin) throws Exception {
        assertEquals(303, admin.post(TEST_PAGE, Map.of("csrf", admin.csrf(TEST_PAGE))).statusCode());
        String page = admin.get(TEST_PAGE).body();
        Matcher m = ROW.matcher(page);
        assertTrue(m.find(), "no TLS step on " + page);
        return m.group(2);
    }
}
