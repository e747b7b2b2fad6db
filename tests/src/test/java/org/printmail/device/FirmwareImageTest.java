package org.printmail.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.printmail.i18n.Language;
import org.printmail.i18n.Messages;
import org.printmail.panel.SheetReader;
import org.printmail.testing.DeviceRig;
import org.printmail.trust.TlsTrust;

/**
 * The firmware image as it ships ({@code firmware/target/dist/}, built by the firmware module at
 * {@code package}), started as its own process the way the {@code printmail-device} launcher starts
 * it, on a fresh data folder, with the control panel on its stdin/stdout: nothing from the lab, the
 * test kit or this module's classpath takes part.
 */
class FirmwareImageTest {
    private static final Path DIST = DeviceRig.ROOT.resolve("firmware/target/dist");
    private static final Path KEYSTORE = DeviceRig.ROOT.resolve("test-fixtures/tls/localhost.p12");
    private static final Path TEST_CA = DeviceRig.ROOT.resolve("test-fixtures/tls/test-ca.pem");
    private static final String KEYSTORE_PASSWORD = "test-only"; // TEST-ONLY keystore
    private static final String ADMIN_PASSWORD = "image-TEST-ONLY-1";
    /** First boot hashes the administrator password and creates the vault key at -Xmx32m. */
    private static final Duration BOOT = Duration.ofSeconds(120);
    private static final Duration STEP = Duration.ofSeconds(60);
    private static final Pattern SHEET_PATH = Pattern.compile("(/\\S*status-sheet-\\d+\\.pdf)");

    private Path data;
    private Process device;
    private final BlockingQueue<String> panel = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    @BeforeEach
    void theImageIsBuilt() throws IOException {
        if (!Files.isRegularFile(DIST.resolve("printmail-firmware.jar"))) {
            fail("no firmware image in " + DIST + ": build the firmware module in the same run, e.g. "
                    + "mvn verify -pl tests -am (with -am), not -pl tests alone");
        }
        data = Files.createTempDirectory("firmware-image");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (device != null && device.isAlive()) {
            device.destroy();
            if (!device.waitFor(10, TimeUnit.SECONDS)) {
                device.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void theImageAnswersWebConfigAndItsPanelPrintsTheStatusSheetInArabic() throws Exception {
        int port = freePort();
        start(port);
        String ready = awaitLine(l -> l.contains("Web Config at https://"), BOOT);

        HttpClient https = HttpClient.newBuilder()
                .sslContext(TlsTrust.withCaFiles(List.of(TEST_CA)).sslContext())
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> login = https.send(HttpRequest.newBuilder(
                        URI.create("https://localhost:" + port + "/login"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), ready);
        assertTrue(login.body().contains(Messages.of(Language.ENGLISH).text("webconfig.login.title")),
                "the log-in page: " + login.body());

        // Home > Language > العربية, then Settings > ... > Network Status > Status Sheet.
        String arabic = String.valueOf(Language.ARABIC.ordinal() + 1);
        type("6", arabic, "5", "2");
        String printed = awaitLine(l -> SHEET_PATH.matcher(l).find(), STEP);
        Matcher m = SHEET_PATH.matcher(printed);
        assertTrue(m.find());
        Path sheet = Path.of(m.group(1));
        assertTrue(sheet.startsWith(data.toRealPath()) || sheet.startsWith(data), sheet + " outside " + data);
        assertTrue(Files.isRegularFile(sheet), "the panel printed " + sheet + " but there is no such file");

        List<String> lines = SheetReader.lines(sheet);
        String title = SheetReader.plain(Messages.of(Language.ARABIC).text("sheet.title"));
        assertFalse(lines.isEmpty(), "no text on the sheet " + sheet);
        assertTrue(lines.get(0).startsWith(title + " - "), "the Arabic title \"" + title + "\" heads "
                + String.join("\n", lines));
        List<PDFont> fonts = SheetReader.fonts(sheet);
        assertEquals(1, fonts.size(), fonts.toString());
        assertTrue(fonts.get(0).isEmbedded(), fonts.get(0).getName());
        assertTrue(fonts.get(0).getName().matches("[A-Z]{6}\\+.+"), "a subset's name: " + fonts.get(0).getName());

        // Back out of both menus: the panel ends and the device shuts down cleanly.
        device.getOutputStream().close();
        assertTrue(device.waitFor(STEP.toSeconds(), TimeUnit.SECONDS), "the device did not stop:\n" + transcript());
        assertEquals(0, device.exitValue(), transcript());
    }

    @Test
    void theImageIsOneJarWithTheFirmwareAndItsLibrariesOnly() throws IOException {
        List<String> names;
        Manifest mf;
        try (JarFile jar = new JarFile(DIST.resolve("printmail-firmware.jar").toFile())) {
            names = jar.stream().map(e -> e.getName()).toList();
            mf = jar.getManifest();
        }
        List<String> foreign = names.stream().filter(n -> n.matches("(?i)(org/printmail/(lab|testing|bench)/"
                + "|com/icegreen/|org/junit/|org/openqa/|org/apache/pdfbox/|org/eclipse/angus/mail/dsn/Test).*"))
                .toList();
        assertEquals(List.of(), foreign.subList(0, Math.min(5, foreign.size())), "not for a printer");
        assertTrue(names.contains("org/printmail/device/FirmwareMain.class"), "the firmware");
        for (String library : List.of("org/eclipse/jetty/server/Server.class", "org/eclipse/angus/mail/smtp/SMTPTransport.class",
                "com/nimbusds/oauth2/sdk/TokenRequest.class", "com/lowagie/text/pdf/PdfWriter.class",
                "com/fasterxml/jackson/core/JsonParser.class", "org/apache/commons/cli/DefaultParser.class")) {
            assertTrue(names.contains(library), "a library the device runs with: " + library);
        }
        assertEquals("org.printmail.device.FirmwareMain", mf.getMainAttributes().getValue("Main-Class"));
        assertNull(mf.getMainAttributes().getValue("Class-Path"), "one jar: nothing beside it to name");
        // Services of different libraries under one name are merged, not overwritten.
        assertTrue(names.contains("META-INF/services/jakarta.mail.Provider"), "Angus Mail's providers");
        try (Stream<Path> s = Files.list(DIST)) {
            assertEquals(List.of("firmware-config", "licenses", "printmail-device", "printmail-firmware.jar"),
                    s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".jsa")).sorted().toList());
        }
    }

    @Test
    void everyLibrarysLicenceTravelsWithTheImageUnderItsOwnName() throws IOException {
        Path licences = DIST.resolve("licenses");
        List<String> folders;
        try (Stream<Path> s = Files.list(licences)) {
            folders = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertTrue(folders.stream().anyMatch(f -> f.startsWith("jetty-server-")), folders.toString());
        assertTrue(folders.stream().anyMatch(f -> f.startsWith("openpdf-")), folders.toString());
        assertTrue(folders.size() >= 20, "one folder per library: " + folders);
        Path jackson = licences.resolve(licenceFolder("jackson-core-"));
        // Two libraries' META-INF/LICENSE would overwrite each other in one jar: each keeps its own.
        assertTrue(Files.readString(jackson.resolve("META-INF/LICENSE")).contains("Apache"), "Jackson's licence");
        Path angus = licences.resolve(licenceFolder("angus-mail-"));
        assertTrue(Files.readString(angus.resolve("META-INF/LICENSE.md")).contains("Eclipse"), "Angus Mail's licence");
        for (String folder : folders) {
            assertTrue(Files.isRegularFile(licences.resolve(folder).resolve("META-INF/MANIFEST.MF")),
                    folder + ": its manifest (its licence headers) is kept");
        }
    }

    @Test
    void theImagesOpenPdfLeavesOutCjkCmapsTheFallbackFontAndTheJava17Copy() throws IOException {
        try (JarFile jar = new JarFile(DIST.resolve("printmail-firmware.jar").toFile())) {
            List<String> names = jar.stream().map(e -> e.getName()).toList();
            List<String> left = names.stream().filter(n -> n.endsWith(".cmap") || n.startsWith("font-fallback/")
                    || n.startsWith("META-INF/versions/17/com/lowagie/")).toList();
            assertEquals(0, left.size(), left.size() + " entries the image should leave out, e.g. "
                    + left.subList(0, Math.min(5, left.size())));
            assertTrue(names.contains("com/lowagie/text/pdf/fonts/Helvetica.afm"), "standard-14 metrics kept");
            assertTrue(names.contains("com/lowagie/text/pdf/ArabicLigaturizer.class"), "Arabic shaping kept");
        }
        assertTrue(Files.isRegularFile(DIST.resolve("licenses").resolve(licenceFolder("openpdf-")).resolve("META-INF/LICENSES.md")),
                "OpenPDF's licence files kept");
    }

    private static String licenceFolder(String library) throws IOException {
        try (Stream<Path> s = Files.list(DIST.resolve("licenses"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(library)).findFirst()
                    .orElseThrow(() -> new AssertionError("no licence folder for " + library));
        }
    }

    /** The launcher's JVM flags, java -jar on the image; the CDS archive is left out (not a test's). */
    private void start(int port) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(launcherFlags());
        cmd.addAll(List.of("-Dprintmail.home=" + DIST,
                "-Djava.util.logging.config.file=" + DIST.resolve("firmware-config/logging.properties"),
                "-jar", DIST.resolve("printmail-firmware.jar").toString(),
                "--profile", "exchange-online", "--data-dir", data.toString(),
                "--web-port", String.valueOf(port), "--web-keystore", KEYSTORE.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(data.toFile())
                .redirectError(data.resolve("device.log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("PRINTMAIL_"));
        pb.environment().put(DeviceCommand.KEYSTORE_PASSWORD_ENV, KEYSTORE_PASSWORD);
        pb.environment().put(DeviceCommand.ADMIN_PASSWORD_ENV, ADMIN_PASSWORD);
        device = pb.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(device.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    panel.add(l);
                }
            } catch (IOException e) {
                panel.add("(stdout closed: " + e + ")");
            }
        }, "firmware-image-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** PRINTMAIL_JAVA_OPTS's default in the image's printmail-device launcher. */
    private static List<String> launcherFlags() throws IOException {
        Matcher m = Pattern.compile(": \"\\$\\{PRINTMAIL_JAVA_OPTS:=([^}]*)}\"")
                .matcher(Files.readString(DIST.resolve("printmail-device")));
        assertTrue(m.find(), "no PRINTMAIL_JAVA_OPTS default in " + DIST.resolve("printmail-device"));
        return Arrays.asList(m.group(1).trim().split("\\s+"));
    }

    private void type(String... lines) throws IOException {
        OutputStream in = device.getOutputStream();
        for (String l : lines) {
            in.write((l + "\n").getBytes(StandardCharsets.UTF_8));
        }
        in.flush();
    }

    /** The next panel line that matches; fails at the timeout or as soon as the device has exited. */
    private String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean alive = device.isAlive();
            String l = panel.poll(Math.min(500_000_000L, Math.max(1, deadline - System.nanoTime())),
                    TimeUnit.NANOSECONDS);
            if (l != null) {
                seen.add(l);
                if (wanted.test(l)) {
                    return l;
                }
            } else if (!alive || System.nanoTime() > deadline) {
                fail("no such line within " + timeout + (alive ? "" : " (the device exited "
                        + device.exitValue() + ")") + ":\n" + transcript());
            }
        }
    }

    private String transcript() {
        String log;
        try {
            log = new String(Files.readAllBytes(data.resolve("device.log")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "stdout:\n" + String.join("\n", seen) + "\nstderr:\n" + log;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
