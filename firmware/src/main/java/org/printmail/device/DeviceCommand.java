package org.printmail.device;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.printmail.config.ConfigException;
import org.printmail.config.ProfileLoader;
import org.printmail.panel.ControlPanel;
import org.printmail.webconfig.WebConfigOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code printmail device}: the production wiring, talking to Microsoft (or any service a profile
 * names). Secrets never come from the command line: the keystore password and the first-boot
 * administrator password are read from the environment.
 */
@Command(name = "device", mixinStandardHelpOptions = true,
        description = "Run the device against a firmware profile (exchange-online, outlook-com) with Web Config.")
public final class DeviceCommand implements Callable<Integer> {
    public static final String KEYSTORE_PASSWORD_ENV = "PRINTMAIL_WEB_KEYSTORE_PASSWORD";
    public static final String ADMIN_PASSWORD_ENV = "PRINTMAIL_ADMIN_PASSWORD";
    public static final String PROXY_PASSWORD_ENV = "PRINTMAIL_PROXY_PASSWORD";

    @Option(names = "--profile", defaultValue = "exchange-online",
            description = "Firmware profile for first boot (default: ${DEFAULT-VALUE})")
    String profile;

    @Option(names = "--data-dir", required = true, description = "Device data folder (vault, outbox, job log, settings)")
    Path dataDir;

    @Option(names = "--web-port", defaultValue = "443", description = "Web Config HTTPS port (default: ${DEFAULT-VALUE})")
    int webPort;

    @Option(names = "--web-keystore", required = true,
            description = "PKCS#12 keystore with the device's TLS certificate (password in $" + KEYSTORE_PASSWORD_ENV + ")")
    Path webKeystore;

    @Option(names = "--no-panel", description = "No control panel on this terminal; run until interrupted")
    boolean noPanel;

    @Option(names = "--scan-source", description = "Where the scanner driver leaves the scanned document that the "
            + "panel's Scan to Email sends (default: <data-dir>/scanner/scan.pdf)")
    Path scanSource;

    @Override
    public Integer call() throws Exception {
        Path root = FirmwareMain.home();
        String keystorePassword = env(KEYSTORE_PASSWORD_ENV);
        String adminPassword = Files.exists(dataDir.resolve("webconfig/admin-password")) ? "" : env(ADMIN_PASSWORD_ENV);
        boolean firstBoot = !Files.exists(dataDir.resolve("settings.json"));
        Clock clock = Clock.systemUTC();
        WebConfigOptions webOptions = WebConfigOptions.defaults(webKeystore, keystorePassword,
                dataDir.resolve("webconfig"), adminPassword)
                .withBindAddress(new InetSocketAddress(webPort));
        try (ProductionDevice running = ProductionDevice.start(root, profile,
                Device.Options.defaults(dataDir, clock), webOptions)) {
            Device device = running.device();
            device.adoptProxy(firstBoot ? ProfileLoader.proxy(root, profile) : null,
                    System.getenv(PROXY_PASSWORD_ENV));
            // Web Config's address first: scripts take the first https:// URL of this line.
            System.out.println("printmail device: Web Config at " + running.web().baseUri()
                    + " (profile " + running.profile().name() + ", sign-in at "
                    + running.profile().identity().authorityBase() + ")");
            if (noPanel) {
                new CountDownLatch(1).await();
            } else {
                new ControlPanel(device.jobs(), device.accounts(), device.settings(), device.accountProfiles(),
                        scanSource != null ? scanSource : dataDir.resolve("scanner/scan.pdf"), dataDir.resolve("status-sheets"), clock)
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
