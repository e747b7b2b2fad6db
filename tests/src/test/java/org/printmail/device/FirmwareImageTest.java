package org.printmail.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
    void theImageRunsFromItsOwnLibrariesOnly() throws IOException {
        List<String> libs;
        try (Stream<Path> s = Files.list(DIST.resolve("lib"))) {
            libs = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        for (String jar : libs) {
            assertFalse(jar.matches("(?i).*(lab|greenmail|junit|testkit|pdfbox|selenium).*"), "not for a printer: " + jar);
        }
        Manifest mf;
        try (JarFile jar = new JarFile(DIST.resolve("printmail-firmware.jar").toFile())) {
            mf = jar.getManifest();
        }
        String classPath = mf.getMainAttributes().getValue("Class-Path");
        assertNotNull(classPath, "no Class-Path in the firmware jar's manifest");
        for (String entry : classPath.trim().split("\\s+")) {
            assertTrue(Files.isRegularFile(DIST.resolve(entry)), "the manifest names " + entry + ", not in the image");
        }
    }

    @Test
    void theImagesOpenPdfLeavesOutCjkCmapsTheFallbackFontAndTheJava17Copy() throws IOException {
        Path openPdf;
        try (Stream<Path> s = Files.list(DIST.resolve("lib"))) {
            openPdf = s.filter(p -> p.getFileName().toString().startsWith("openpdf-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no OpenPDF in " + DIST.resolve("lib")));
        }
        try (JarFile jar = new JarFile(openPdf.toFile())) {
            List<String> names = jar.stream().map(e -> e.getName()).toList();
            List<String> left = names.stream().filter(n -> n.endsWith(".cmap") || n.startsWith("font-fallback/")
                    || n.startsWith("META-INF/versions/")).toList();
            assertEquals(0, left.size(), left.size() + " entries the image's " + openPdf.getFileName()
                    + " should leave out, e.g. " + left.subList(0, Math.min(5, left.size())));
            assertEquals(null, jar.getManifest().getMainAttributes().getValue("Multi-Release"),
                    "Multi-Release without versioned classes");
            assertTrue(names.contains("com/lowagie/text/pdf/fonts/Helvetica.afm"), "standard-14 metrics kept");
            assertTrue(names.contains("META-INF/LICENSES.md"), "licence files kept");
            assertTrue(names.contains("com/lowagie/text/pdf/ArabicLigaturizer.class"), "Arabic shaping kept");
        }
    }

    private void type(String... lines) throws IOException { image.type(lines); }

    private String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        return image.awaitLine(wanted, timeout);
    }

    private String transcript() { return image.transcript(); }
}
