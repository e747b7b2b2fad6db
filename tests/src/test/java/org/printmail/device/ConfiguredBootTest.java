package org.printmail.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.printmail.config.DeviceSettings;
import org.printmail.config.ProfileLoader;
import org.printmail.config.SettingsStore;
import org.printmail.i18n.Language;
import org.printmail.jobs.StoredJobFiles;
import org.printmail.store.AccountKey;
import org.printmail.store.AccountRecord;
import org.printmail.store.TokenVault;
import org.printmail.store.TokenVaults;
import org.printmail.store.VaultOptions;
import org.printmail.trust.TlsTrust;

/**
 * The firmware image ({@code firmware/target/dist/}) booted as its own process on a configured data
 * folder (saved settings, a signed-in account in the vault, job-log lines, an outbox entry): it
 * reads them all without Jackson databind or its Java-time module, whose 644 classes would cost a
 * printer 7 MB of resident class-data archive (issue 12, docs/benchmarks.md).
 */
class ConfiguredBootTest {
    private static final Duration BOOT = Duration.ofSeconds(120);
    private static final Pattern LOADED = Pattern.compile("\\[class,load\\] (\\S+)");

    private Path data;
    private FirmwareImageProcess image;
    private String outboxJob;

    @BeforeEach
    void theImageIsBuilt() throws IOException {
        FirmwareImageProcess.requireBuilt();
        data = Files.createTempDirectory("configured-boot");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (image != null) {
            image.close();
        }
    }

    @Test
    void aConfiguredDeviceBootsWithoutLoadingJacksonDatabindOrItsJavaTimeModule() throws Exception {
        configure(Instant.now());
        int port = FirmwareImageProcess.freePort();
        Path classLog = data.resolve("class-load.log");
        image = new FirmwareImageProcess(data, port, List.of("-Xlog:class+load=info:file=" + classLog));
        image.awaitLine(l -> l.contains("Web Config at https://"), BOOT);
        HttpClient https = HttpClient.newBuilder()
                .sslContext(TlsTrust.withCaFiles(List.of(FirmwareImageProcess.TEST_CA)).sslContext())
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> login = https.send(HttpRequest.newBuilder(
                        URI.create("https://localhost:" + port + "/login"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), image.transcript());

        // Home > Job Status: shown once the device has booted its parts (vault, outbox, job log).
        image.type("4");
        image.awaitLine(l -> l.contains(outboxJob), BOOT);
        image.awaitLine(l -> l.contains("J20261204-091500-bbbbbb"), BOOT);
        image.type("");
        image.process().getOutputStream().close();
        assertTrue(image.process().waitFor(60, TimeUnit.SECONDS), "the device did not stop:\n" + image.transcript());

        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(classLog, StandardCharsets.UTF_8)) {
            Matcher m = LOADED.matcher(line);
            if (m.find()) {
                classes.add(m.group(1));
            }
        }
        List<String> databind = classes.stream().filter(c -> c.startsWith("com.fasterxml.jackson.databind.")
                || c.startsWith("com.fasterxml.jackson.datatype.")).toList();
        assertEquals(0, databind.size(), databind.size() + " databind classes loaded at boot, e.g. "
                + databind.subList(0, Math.min(8, databind.size())));
        for (String read : List.of("org.printmail.store.AccountSetCodec", "org.printmail.jobs.JobLog",
                "org.printmail.jobs.OutboxStore", "com.fasterxml.jackson.core.JsonParser")) {
            assertTrue(classes.contains(read), read + " not loaded: the boot read less than it should");
        }
    }

    /** What a device that has been set up and used holds, written by the firmware's own classes. */
    private void configure(Instant now) {
        SettingsStore.open(data.resolve("settings.json"), DeviceSettings.defaults(ProfileLoader.load(
                FirmwareImageProcess.DIST, "exchange-online"))).update(s -> s.withLanguage(Language.ENGLISH)
                .withDeviceMail(s.deviceMail().withSenderAddress("scan@contoso.example")));
        try (TokenVault vault = TokenVaults.open(VaultOptions.inDirectory(data, Clock.systemUTC()))) {
            // Signed in just now, its token good for an hour: nothing to refresh while the test runs.
            vault.put(new AccountRecord(new AccountKey("DEVICE_MAIL", ""), "EXCHANGE_ONLINE",
                    "scan@contoso.example", "scan@contoso.example", "", List.of(
                    "https://outlook.office.com/SMTP.Send", "offline_access"), "TEST-ONLY-refresh",
                    "TEST-ONLY-access", now.plusSeconds(3600), now, now, now));
        }
        StoredJobFiles.jobLog(data, now.minusSeconds(3600), "scan@contoso.example");
        outboxJob = StoredJobFiles.outboxEntry(data, now);
    }
}
