package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.printmail.codes.PrintmailException;
import org.printmail.trust.TlsTrust;

class CaCertificateFolderTest {
    static final Path TEST_CA = PageFixture.ROOT.resolve("test-fixtures/tls/test-ca.pem");
    static final Path OTHER_CA = PageFixture.ROOT.resolve("test-fixtures/tls/untrusted-ca.pem");

    @TempDir
    Path dir;

    @Test
    void importsPemAndDerListsThemAndSurvivesReopening() throws Exception {
        CaCertificateFolder folder = CaCertificateFolder.open(dir);
        folder.importCertificates(Files.readAllBytes(TEST_CA));
        X509Certificate other = TlsTrust.readCertificates(OTHER_CA).get(0);
        folder.importCertificates(other.getEncoded());
        List<X509Certificate> listed = CaCertificateFolder.open(dir).list();
        assertEquals(2, listed.size());
        assertTrue(listed.stream().anyMatch(c -> c.getSubjectX500Principal().getName().contains("TEST-ONLY Lab CA")));
        assertTrue(listed.contains(other));
    }

    @Test
    void deleteTakesOnlyAFingerprintAndRemovesThatCertificate() throws Exception {
        CaCertificateFolder folder = CaCertificateFolder.open(dir);
        X509Certificate ca = folder.importCertificates(Files.readAllBytes(TEST_CA)).get(0);
        Files.writeString(dir.resolve("keep.txt"), "not a certificate");
        assertFalse(folder.delete("../keep.txt"));
        assertFalse(folder.delete("keep"));
        assertTrue(Files.exists(dir.resolve("keep.txt")));
        assertTrue(folder.delete(CaCertificatePage.fingerprint(ca)));
        assertEquals(List.of(), folder.list());
    }

    @Test
    void garbageIsRefusedWithAReasonAndNothingIsStored() throws Exception {
        CaCertificateFolder folder = CaCertificateFolder.open(dir);
        PrintmailException e = assertThrows(PrintmailException.class,
                () -> folder.importCertificates("<script>hello</script>".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.detail().contains("PEM or DER"), e.detail());
        assertEquals(List.of(), folder.list());
    }

    @Test
    void aDamagedFileIsSkippedNotFatal() throws Exception {
        CaCertificateFolder folder = CaCertificateFolder.open(dir);
        folder.importCertificates(Files.readAllBytes(TEST_CA));
        Files.writeString(dir.resolve("0".repeat(64) + ".pem"),
                "-----BEGIN CERTIFICATE-----\nAAAA\n");
        assertEquals(1, folder.list().size());
    }
}
