package org.printmail.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.printmail.device.Cli;
import org.printmail.device.CliCommand;
import org.printmail.time.MonotonicClock;
import org.printmail.config.EmailService;
import org.printmail.device.Device;
import org.printmail.lab.LabIdentityOptions;
import org.printmail.lab.LabUsers;
import org.printmail.panel.ControlPanel;
import org.printmail.webconfig.WebConfigBackend;
import org.printmail.webconfig.WebConfigOptions;
import org.printmail.webconfig.WebConfigServer;

/**
 * {@code printmail lab}: the device with Web Config and the control panel against the lab
 * services, for a person to try. Everything listens on loopback only.
 */
final class LabCommand implements CliCommand {
    /** TEST-ONLY first-boot Web Config password of the lab device. */
    static final String LAB_WEB_PASSWORD = "lab-admin-TEST-ONLY";

    /** The command line, understood; ports are 0 for a free one. */
    record Arguments(Path dataDir, int webPort, int identityPort, int smtpPort, boolean noWeb, boolean noPanel) {
        static Arguments of(CommandLine line) throws ParseException {
            return new Arguments(Cli.path(line, "data-dir", null), Cli.port(line, "web-port", 0),
                    Cli.port(line, "identity-port", 0), Cli.port(line, "smtp-port", 0),
                    line.hasOption("no-web"), line.hasOption("no-panel"));
        }
    }

    @Override
    public String name() { return "lab"; }

    @Override
    public String summary() {
        return "Run the device (Web Config + control panel) against the lab identity platform and mail server.";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Cli.valued("data-dir", "DIR", "Device data folder (default: .printmail-data/lab)"))
                .addOption(Cli.valued("web-port", "PORT", "Web Config HTTPS port (default: a free port)"))
                .addOption(Cli.valued("identity-port", "PORT", "Lab identity platform HTTPS port (default: a free port)"))
                .addOption(Cli.valued("smtp-port", "PORT", "Lab mail server SMTP port (default: a free port)"))
                .addOption(Cli.flag("no-web", "Do not start Web Config (control panel only)"))
                .addOption(Cli.flag("no-panel", "No control panel on this terminal; run until interrupted"));
    }

    @Override
    public int run(CommandLine line) throws Exception {
        return run(Arguments.of(line));
    }

    static int run(Arguments a) throws Exception {
        Path root = Main.home();
        Path data = a.dataDir() != null ? a.dataDir() : root.resolve(".printmail-data/lab");
        Clock clock = Clock.systemUTC();
        try (LabServices lab = LabServices.start(root, LabIdentityOptions.defaults(root, clock)
                .withPort(a.identityPort()), a.smtpPort(), clock);
             Device device = Device.start(Device.Options.defaults(data, clock), name -> lab.profile(), lab.profile());
             WebConfigServer web = a.noWeb() ? null : WebConfigServer.start(webOptions(root, data, a.webPort()), backend(device, lab,
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
            if (a.noPanel()) {
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

    private static WebConfigOptions webOptions(Path root, Path data, int webPort) {
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
