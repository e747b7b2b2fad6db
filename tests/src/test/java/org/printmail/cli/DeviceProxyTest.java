package org.printmail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.printmail.config.ConfigException;
import org.printmail.config.ProxySettings;
import org.printmail.lab.LabUsers;
import org.printmail.auth.AccountId;
import org.printmail.testing.DeviceRig;
import org.printmail.testing.Tinyproxy;

/**
 * The whole device on the proxy its settings name, with the password sealed at rest: the lab
 * sign-in goes through a real tinyproxy, and no file holds the password in clear.
 */
class DeviceProxyTest {
    private static final String PASSWORD = "proxy-Secret-42";

    @Test
    void theDeviceSignsInThroughTheProxyItsSettingsNameWithTheSealedPassword() throws Exception {
        try (Tinyproxy proxy = Tinyproxy.start(Path.of("target", "tinyproxy", "device"),
                Optional.of("printer"), Optional.of(PASSWORD));
             DeviceRig rig = new DeviceRig()) {
            ProxySettings settings = new ProxySettings("127.0.0.1", proxy.port(), "printer", List.of(),
                    ProxySettings.SmtpRoute.DIRECT, "", 0);
            rig.device().adoptProxy(settings, PASSWORD);
            rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
            String lab = "localhost:" + rig.lab.identity().port();
            assertTrue(proxy.tunnelsOpenedTo(lab) >= 1, proxy.connectRequests().toString());

            rig.restart(); // the password survives a reboot, sealed
            assertEquals(Optional.of(PASSWORD), rig.device().proxyPasswordFile().read());
            assertEquals(settings, rig.device().settings().current().proxy());
            try (var files = Files.walk(rig.dataDir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    assertFalse(text.contains(PASSWORD), f + " holds the proxy password in clear");
                }
            }
        }
    }

    @Test
    void aProxyWithoutAPortIsRefusedNamingTheWebConfigField() {
        try (DeviceRig rig = new DeviceRig()) {
            ConfigException e = assertThrows(ConfigException.class, () -> rig.device().settings().update(
                    s -> s.withProxy(new ProxySettings("proxy.contoso.example", 0, "", List.of(),
                            ProxySettings.SmtpRoute.DIRECT, "", 0))));
            assertTrue(e.getMessage().contains("Network > Proxy Port Number"), e.getMessage());
        }
    }
}
