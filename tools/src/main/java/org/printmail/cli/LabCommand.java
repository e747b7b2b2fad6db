package org.printmail.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.printmail.time.MonotonicClock;
import org.printmail.config.EmailService;
import org.printmail.device.Device;
import org.printmail.lab.LabIdentityOptions;
import org.printmail.lab.LabUsers;
import org.printmail.panel.ControlPanel;
import org.printmail.webconfig.WebConfigBackend;
import org.printmail.webconfig.WebConfigOptions;
import org.printmail.webconfig.WebConfigServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code printmail lab}: the device with Web Config and the control panel against the lab
 * services, for a person to try. Everything listens on loopback only.
 */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Run the device (Web Config + control panel) against the lab identity platform and mail server.")
final class LabCommand implements Callable<Integer> {
    /** TEST-ONLY first-boot Web Config password of the lab device. */
    static final String LAB_WEB_PASSWORD = "lab-admin-TEST-ONLY";

    @Option(names = "--data-dir", description = "Device data folder (default: .printmail-data/lab)")
    Path dataDir;

    @Option(names = "--web-port", defaultValue = "0", description = "Web Config HTTPS port (default: a free port)")
    int webPort;

    @Option(names = "--identity-port", defaultValue = "0",
            description = "Lab identity platform HTTPS port (default: a free port)")
    int identityPort;

    @Option(names = "--smtp-port", defaultValue = "0", description = "Lab mail server SMTP port (default: a free port)")
    int smtpPort;

    @Option(names = "--no-web", description = "Do not start Web Config (control panel only)")
    boolean noWeb;

    @Option(names = "--no-panel", description = "No control panel on this terminal; run until interrupted")
    boolean noPanel;

    @Override
    public Integer call() throws Exception {
        Path root = Main.home();
        Path data = dataDir != null ? dataDir : root.resolve(".printmail-data/lab");
        Clock clock = Clock.systemUTC();
        try (LabServices lab = LabServices.start(root, LabIdentityOptions.defaults(root, clock)
                .withPort(identityPort), smtpPort, clock);
             Device device = Device.start(Device.Options.defaults(data, clock), name -> lab.profile(), lab.profile());
             WebConfigServer web = noWeb ? null : WebConfigServer.start(webOptions(root, data), backend(device, lab,
                     clock))) {
            lab.retarget(device.settings());
            System.out.println("printmail lab (all TEST-ONLY, loopback only)");
            System.out.println("  Lab identity platform: " + lab.identity().deviceLoginUri());
            System.out.println("  Lab mail server:       localhost:" + lab.mail().port() + " (STARTTLS)");
            System.out.println("  Lab accounts:          " + LabUsers.ADMIN + " / " + LabUsers.ADMIN_PASSWORD
                    + " (Global Administrator), " + LabUsers.ALICE + " / " + LabUsers.ALICE_PASSWORD);
            if (web != null) {
                System.out.println("  Web Config:            " + web.baseUri() + "  (administrator password: "
                        + LAB_WEB_PASSWORD + " on first boot)");
            }
            System.out.println("  Device data:           " + data);
            if (noPanel) {
                new CountDownLatch(1).await();
            } else {
                ControlPanel panel = new ControlPanel(device.jobs(), device.accounts(), device.settings(),
                        device.accountProfiles(), root.resolve("test-fixtures/scans/sample-scan.pdf"),
                        data.resolve("status-sheets"), clock);
                if (web != null) {
                    panel.withWebConfigPasswordReset(web::resetAdministratorPassword);
                }
                panel.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out);
            }
        }
        return 0;
    }

    private WebConfigOptions webOptions(Path root, Path data) {
        return WebConfigOptions.defaults(root.resolve("test-fixtures/tls/localhost.p12"), LabServices.KEYSTORE_PASSWORD,
                data.resolve("webconfig"), LAB_WEB_PASSWORD)
                .withBindAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), webPort))
                .withDeviceName("printmail lab device");
    }

    private static WebConfigBackend backend(Device device, LabServices lab, Clock clock) {
        // In the lab, both Microsoft services are served by the loopback stand-in.
        return new WebConfigBackend(device.accounts(), device.jobs(), device.settings(),
                device.caCertificates(), Map.of(EmailService.EXCHANGE_ONLINE, lab.profile(),
                EmailService.OUTLOOK_COM, lab.profile(), EmailService.LAB, lab.profile()), clock,
                MonotonicClock.SYSTEM, device.proxyPassword());
    }
}
