package org.printmail.webconfig;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.printmail.config.DeviceProfile;
import org.printmail.config.DeviceSettings;
import org.printmail.config.EmailService;
import org.printmail.config.ProfileLoader;
import org.printmail.config.SettingsStore;
import org.printmail.lab.AdjustableClock;

/**
 * A running Web Config over real HTTPS with test-owned stand-ins for the device components, for
 * the page, session and security tests. Quick: low PBKDF2 iterations, the test CA's localhost
 * certificate.
 */
final class PageFixture implements AutoCloseable {
    /** TEST-ONLY administrator password. */
    static final String ADMIN_PASSWORD = "webconfig-TEST-ONLY-1";
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path KEYSTORE = ROOT.resolve("test-fixtures/tls/localhost.p12");
    static final String KEYSTORE_PASSWORD = "test-only";

    final Path dir;
    final AdjustableClock clock = AdjustableClock.startingAt("2025-03-01T09:00:00Z");
    final InMemoryAccounts accounts = new InMemoryAccounts(clock);
    final ScriptedMail mail = new ScriptedMail();
    final FixedJobLog jobs = new FixedJobLog();
    final CaCertificateFolder cas;
    final SettingsStore settings;
    final WebConfigServer server;

    PageFixture() throws IOException {
        dir = Files.createTempDirectory("webconfig-test");
        DeviceProfile exchange = ProfileLoader.load(ROOT, "exchange-online");
        DeviceProfile outlook = ProfileLoader.load(ROOT, "outlook-com");
        settings = SettingsStore.open(dir.resolve("settings.json"),
                DeviceSettings.defaults(exchange));
        cas = CaCertificateFolder.open(dir.resolve("ca-certificates"));
        WebConfigBackend backend = new WebConfigBackend(accounts, jobs, mail, settings, cas,
                Map.of(EmailService.EXCHANGE_ONLINE, exchange, EmailService.OUTLOOK_COM, outlook),
                        clock);
        server = WebConfigServer.start(options(dir), backend);
    }

    static WebConfigOptions options(Path dir) {
        return WebConfigOptions.defaults(KEYSTORE, KEYSTORE_PASSWORD, dir.resolve("webconfig"),
                ADMIN_PASSWORD)
                .withBindAddress(new InetSocketAddress("127.0.0.1", 0))
                .withPasswordIterations(1_000)
                .withLockout(5, Duration.ofSeconds(30), Duration.ofMinutes(15));
    }

    @Override
    public void close() throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
