package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

/** Issue 11 §5: importing a CA that is already on the device says so. */
class CaCertificateReimportTest {
    private static final String CA = "/network-security/ca-certificate";

    @Test
    void reimportingACaAlreadyOnTheDeviceSaysItWasAlreadyThere() throws Exception {
        try (WebConfigRig device = new WebConfigRig()) {
            HttpsAdmin admin = new HttpsAdmin(device.server.baseUri());
            var login = admin.logIn(WebConfigRig.ADMIN_PASSWORD);
            assertEquals(303, login.statusCode(), login.body());
            byte[] pem = Files.readAllBytes(WebConfigRig.ROOT.resolve(
                    "test-fixtures/tls/untrusted-ca.pem"));
            assertEquals(303, admin.upload(CA, CA + "/import", "certificate", "ca.pem", pem)
                    .statusCode());
            assertTrue(admin.get(CA).body().contains("Imported 1 certificate"));
            assertEquals(303, admin.upload(CA, CA + "/import", "certificate", "ca.pem", pem)
                    .statusCode());
            String again = admin.get(CA).body();
            assertTrue(again.contains("Already on the device: ")
                    // The subject is data: isolated in the sentence.
                    && again.contains("Untrusted CA</bdi>. Nothing new was imported."),
                    again);
            assertFalse(again.contains("Imported 1 certificate"), again);
            assertEquals(1, device.device().caCertificates().list().size());
        }
    }
}
