package org.printmail.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
import org.printmail.trust.TlsTrust;

/**
 * The firmware image as it ships ({@code firmware/target/dist/}, built by the firmware module at
 * {@code package}), started as its own process the way the {@code printmail-device} launcher starts
 * it, on a fresh data folder, with the control panel on its stdin/stdout: nothing from the lab, the
 * test kit or this module's classpath takes part.
 */
class FirmwareImageTest {
    private static final Path DIST = FirmwareImageProcess.DIST;
    private static final Path TEST_CA = FirmwareImageProcess.TEST_CA;
    /** First boot hashes the administrator password and creates the vault key at -Xmx32m. */
    private static final Duration BOOT = Duration.ofSeconds(120);
    private static final Duration STEP = Duration.ofSeconds(60);
    private static final Pattern SHEET_PATH = Pattern.compile("(/\\S*status-sheet-\\d+\\.pdf)");

    private Path data;
    private FirmwareImageProcess image;
    private Process device;

    @BeforeEach
    void theImageIsBuilt() throws IOException {
        FirmwareImageProcess.requireBuilt();
        data = Files.createTempDirectory("firmware-image");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (image != null) {
            image.close();
        }
    }

    @Test
    void theImageAnswersWebConfigAndItsPanelPrintsTheStatusSheetInArabic() throws Exception {
        int port = FirmwareImageProcess.freePort();
        image = new FirmwareImageProcess(data, port, List.of());
        device = image.process();
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

    private void type(String... lines) throws IOException { image.type(lines); }

    private String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        return image.awaitLine(wanted, timeout);
    }

    private String transcript() { return image.transcript(); }
}
