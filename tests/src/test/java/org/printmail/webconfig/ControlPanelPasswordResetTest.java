package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.printmail.panel.ControlPanel;
import org.printmail.testing.DeviceRig;

/**
 * Issue 11 §2: the administrator's way back in. A locked-out address, a forgotten password: at
 * the device, the control panel's Settings > Web Config Administrator Password Reset sets a new
 * password, ends the lock and logs every Web Config session out.
 */
class ControlPanelPasswordResetTest {
    private static final String NEW_PASSWORD = "panel-reset-TEST-ONLY-2";

    @Test
    void thePanelResetSetsANewPasswordEndsTheLockAndLogsEverySessionOut() throws Exception {
        try (WebConfigRig web = new WebConfigRig()) {
            HttpsAdmin other = new HttpsAdmin(web.server.baseUri());
            assertEquals(303, other.logIn(WebConfigRig.ADMIN_PASSWORD).statusCode());
            HttpsAdmin locked = new HttpsAdmin(web.server.baseUri());
            for (int i = 0; i < 6; i++) {
                locked.logIn("forgotten-" + i);
            }
            assertEquals(429, locked.logIn(WebConfigRig.ADMIN_PASSWORD).statusCode());

            ControlPanel panel = new ControlPanel(web.device().jobs(), web.device().accounts(),
                    web.device().settings(), web.device().accountProfiles(),
                    DeviceRig.ROOT.resolve("test-fixtures/scans/sample-scan.pdf"),
                    web.rig.dataDir.resolve("sheets"), web.clock)
                    .withWebConfigPasswordReset(web.server::resetAdministratorPassword);
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            panel.run(new BufferedReader(new StringReader("5\n3\n" + NEW_PASSWORD + "\n"
                    + NEW_PASSWORD + "\ny\nq\nq\n")), new PrintStream(screen, true,
                    StandardCharsets.UTF_8));
            String out = screen.toString(StandardCharsets.UTF_8);
            assertTrue(out.contains("Web Config administrator password reset."), out);
            assertTrue(!out.contains(NEW_PASSWORD), "the panel does not echo the password");

            assertEquals(303, other.get("/status").statusCode(), "every session was logged out");
            assertEquals(401, locked.logIn(WebConfigRig.ADMIN_PASSWORD).statusCode(),
                    "the lock ended; the old password is wrong now");
            assertEquals(303, locked.logIn(NEW_PASSWORD).statusCode());
        }
    }
}
