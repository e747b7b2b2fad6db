package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.printmail.i18n.Language;

/**
 * A CA whose subject is Arabic, imported through an English page: the subject is isolated data
 * wherever it shows (list, flash, delete confirmation), so it neither reorders the English
 * sentence around it nor is reordered by it. The certificate is made by the JDK's keytool.
 */
class CaCertificateSubjectIsolatedTest {
    private static final String SUBJECT = "CN=شركة المثال للطباعة,O=مثال";

    /** A self-signed CA certificate (PEM) with an Arabic subject, TEST-ONLY. */
    private static byte[] arabicCa(Path dir) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path store = dir.resolve("ca.p12");
        Path pem = dir.resolve("ca.pem");
        run(List.of(keytool.toString(), "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", SUBJECT, "-ext", "BasicConstraints:critical=ca:true",
                "-ext", "KeyUsage:critical=keyCertSign,cRLSign", "-startdate", "2026/01/01 00:00:00",
                "-validity", "7300", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", "test-only", "-keypass", "test-only"), null);
        run(List.of(keytool.toString(), "-exportcert", "-rfc", "-alias", "ca", "-keystore", store.toString(),
                "-storepass", "test-only"), pem);
        return Files.readAllBytes(pem);
    }

    private static void run(List<String> command, Path out) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(out == null);
        if (out != null) {
            pb.redirectOutput(out.toFile());
        }
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool finished");
        assertEquals(0, p.exitValue(), String.join(" ", command));
    }

    @Test
    void anArabicSubjectIsIsolatedOnTheEnglishPagesAndTheEnglishAroundItStaysEnglish(@TempDir Path dir)
            throws Exception {
        byte[] pem = arabicCa(dir);
        try (WebConfigRig device = new WebConfigRig()) {
            HttpsAdmin admin = HttpsAdmin.loggedIn(device.server.baseUri());
            admin.acceptLanguage = Language.ENGLISH.tag();
            String path = CaCertificatePage.PATH;
            assertEquals(303, admin.upload(path, path + "/import", "certificate", "ca.pem", pem).statusCode());
            String page = admin.get(path).body();
            assertEquals(SUBJECT, device.device().caCertificates().list().get(0).subject());
            assertTrue(page.contains("Imported 1 certificate: <bdi>" + SUBJECT + "</bdi>"), page);
            assertTrue(page.contains("<td class=\"subject\"><bdi dir=\"ltr\">" + SUBJECT + "</bdi></td>"), page);
            String sha256 = device.device().caCertificates().list().get(0).sha256();
            String confirm = admin.get(Html.query(path + "/delete", "fingerprint", sha256)).body();
            assertTrue(confirm.contains("<strong id=\"delete-subject\"><bdi dir=\"ltr\">" + SUBJECT + "</bdi>"),
                    confirm);
            String words = PageText.visible(page, Language.ENGLISH);
            assertTrue(!words.matches("(?s).*[\\u0600-\\u06FF].*"), "no Arabic outside the isolated data: " + words);
        }
    }
}
