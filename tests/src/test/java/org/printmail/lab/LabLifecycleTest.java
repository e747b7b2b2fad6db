package org.printmail.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LabLifecycleTest {

    @Test
    void listensOnLoopbackWithTheTestCertificateAndStopsCleanly() throws Exception {
        LabFixture f = new LabFixture();
        assertEquals("https://localhost:" + f.lab.port(), f.lab.authorityBase().toString());
        assertEquals(f.lab.authorityBase() + "/devicelogin", f.lab.deviceLoginUri().toString());
        assertEquals(200, f.client.get("/devicelogin").statusCode());
        f.close();
        f.close(); // idempotent
        assertThrows(IOException.class, () -> new LabClient(f.lab.authorityBase(),
                Duration.ofSeconds(2), false).get("/devicelogin"));
    }

    @Test
    void missingKeystoreIsAClearError() {
        LabIdentityOptions o = LabIdentityOptions.defaults(LabClient.ROOT,
                AdjustableClock.startingAt("2025-03-01T09:00:00Z"))
                .withKeystore(LabClient.ROOT.resolve("no-such.p12"), "test-only");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LabIdentityPlatform.start(o));
        assertTrue(e.getMessage().contains("no-such.p12"), e.getMessage());
    }

    @Test
    void optionsNameTheBadField() {
        LabIdentityOptions o = LabIdentityOptions.defaults(LabClient.ROOT,
                AdjustableClock.startingAt("2025-03-01T09:00:00Z"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> o.withExpiredCodeError("gone")).getMessage().startsWith("expiredCodeError"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> o.withPollInterval(Duration.ZERO)).getMessage().startsWith("pollInterval"));
    }
}
