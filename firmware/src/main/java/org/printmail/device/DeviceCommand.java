package org.printmail.device;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.printmail.config.ConfigException;
import org.printmail.config.ProfileLoader;
import org.printmail.panel.ControlPanel;
import org.printmail.webconfig.WebConfigOptions;

/**
 * {@code printmail device}: the production wiring, talking to Microsoft (or any service a profile
 * names). Secrets never come from the command line: the keystore password and the first-boot
 * administrator password are read from the environment.
 */
public final class DeviceCommand implements CliCommand {
    public static final String KEYSTORE_PASSWORD_ENV = "PRINTMAIL_WEB_KEYSTORE_PASSWORD";
    public static final String ADMIN_PASSWORD_ENV = "PRINTMAIL_ADMIN_PASSWORD";
    public static final String PROXY_PASSWORD_ENV = "PRINTMAIL_PROXY_PASSWORD";
    static final String DEFAULT_PROFILE = "exchange-online";
    static final int DEFAULT_WEB_PORT = 443;

    /** The command line, understood. */
    record Arguments(String profile, Path dataDir, int webPort, Path webKeystore, boolean noPanel,
                     Path scanSource) {
        static Arguments of(CommandLine line) throws ParseException {
            Path dataDir = Cli.path(line, "data-dir", null);
            return new Arguments(line.getOptionValue("profile", DEFAULT_PROFILE), dataDir,
                    Cli.port(line, "web-port", DEFAULT_WEB_PORT), Cli.path(line, "web-keystore", null),
                    line.hasOption("no-panel"),
                    Cli.path(line, "scan-source", dataDir.resolve("scanner/scan.pdf")));
        }
    }

    @Override
    public String name() { return "device"; }

    @Override
    public String summary() {
        return "Run the device against a firmware profile (exchange-online, outlook-com) with Web Config.";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Cli.valued("profile", "NAME", "Firmware profile for first boot (default: " + DEFAULT_PROFILE + ")"))
                .addOption(Cli.required("data-dir", "DIR", "Device data folder (vault, outbox, job log, settings)"))
                .addOption(Cli.valued("web-port", "PORT", "Web Config HTTPS port (default: " + DEFAULT_WEB_PORT + ")"))
                .addOption(Cli.required("web-keystore", "FILE", "PKCS#12 keystore with the device's TLS certificate "
                        + "(password in $" + KEYSTORE_PASSWORD_ENV + ")"))
                .addOption(Cli.flag("no-panel", "No control panel on this terminal; run until interrupted"))
                .addOption(Cli.valued("scan-source", "FILE", "Where the scanner driver leaves the scanned document that "
                        + "the panel's Scan to Email sends (default: <data-dir>/scanner/scan.pdf)"));
    }

    @Override
    public int run(CommandLine line) throws Exception {
        return run(Arguments.of(line));
    }

    private static int run(Arguments a) throws Exception {
        Path root = FirmwareMain.home();
        String keystorePassword = env(KEYSTORE_PASSWORD_ENV);
        String adminPassword = Files.exists(a.dataDir().resolve("webconfig/admin-password")) ? "" : env(ADMIN_PASSWORD_ENV);
        boolean firstBoot = !Files.exists(a.dataDir().resolve("settings.json"));
        Clock clock = Clock.systemUTC();
        WebConfigOptions webOptions = WebConfigOptions.defaults(a.webKeystore(), keystorePassword,
                a.dataDir().resolve("webconfig"), adminPassword)
                .withBindAddress(new InetSocketAddress(a.webPort()));
        try (ProductionDevice running = ProductionDevice.start(root, a.profile(),
                Device.Options.defaults(a.dataDir(), clock), webOptions)) {
            Device device = running.device();
            device.adoptProxy(firstBoot ? ProfileLoader.proxy(root, a.profile()) : null,
                    System.getenv(PROXY_PASSWORD_ENV));
            // Web Config's address first: scripts take the first https:// URL of this line.
            System.out.println("printmail device: Web Config at " + running.web().baseUri()
                    + " (profile " + running.profile().name() + ", sign-in at "
                    + running.profile().identity().authorityBase() + ")");
            if (a.noPanel()) {
                new CountDownLatch(1).await();
            } else {
                new ControlPanel(device.jobs(), device.accounts(), device.settings(), device.accountProfiles(),
                        a.scanSource(), a.dataDir().resolve("status-sheets"), clock)
                        .withWebConfigPasswordReset(running.web()::resetAdministratorPassword)
                        .run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out);
            }
        }
        return 0;
    }

    private static String env(String name) {
        String v = System.getenv(name);
        if (v == null || v.isEmpty()) {
            throw new ConfigException(name, "is not set (secrets are read from the environment, never from arguments)");
        }
        return v;
    }
}
