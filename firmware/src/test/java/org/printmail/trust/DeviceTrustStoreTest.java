package org.printmail.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;

/** Import, list, delete and trust-building of the device's CA certificate store. */
class DeviceTrustStoreTest {
    private static final Path TLS = Path.of("test-fixtures", "tls");
    private static final Clock NOW = Clock.fixed(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void anImportedPemCaIsListedWithSubjectIssuerExpiryAndFingerprintAfterReopening() throws Exception {
        DeviceTrustStore.open(dir, NOW).importCertificates(Files.readAllBytes(TLS.resolve("test-ca.pem")));

        List<DeviceTrustStore.ImportedCa> listed = DeviceTrustStore.open(dir, NOW).list();

        assertEquals(1, listed.size());
        DeviceTrustStore.ImportedCa ca = listed.get(0);
        assertTrue(ca.subject().contains("CN=printmail TEST-ONLY Lab CA"), ca.subject());
        assertEquals(ca.subject(), ca.issuer());
        assertTrue(ca.notAfter().isAfter(NOW.instant()));
        assertTrue(ca.sha256().matches("[0-9A-F]{64}"));
    }

    @Test
    void derIsAcceptedAsWellAsPem() throws Exception {
        X509Certificate ca = TlsTrust.readCertificates(TLS.resolve("untrusted-ca.pem")).get(0);
        List<DeviceTrustStore.ImportedCa> got = DeviceTrustStore.open(dir, NOW).importCertificates(ca.getEncoded());
        assertEquals(DeviceTrustStore.fingerprint(ca), got.get(0).sha256());
    }

    @Test
    void aServerCertificateIsRefusedWithAClearErrorAndNothingIsStored() throws Exception {
        DeviceTrustStore store = DeviceTrustStore.open(dir, NOW);
        PrintmailException e = assertThrows(PrintmailException.class,
                () -> store.importCertificates(Files.readAllBytes(TLS.resolve("localhost.pem"))));
        assertEquals(JobCode.SETTINGS_INVALID, e.code());
        assertTrue(e.detail().contains("is not a CA certificate"), e.detail());
        assertEquals(List.of(), store.list());
    }

    @Test
    void anExpiredCaAndAFileThatIsNoCertificateAreRefused() {
        Clock farFuture = Clock.fixed(Instant.parse("2090-01-01T00:00:00Z"), ZoneOffset.UTC);
        DeviceTrustStore store = DeviceTrustStore.open(dir, farFuture);
        PrintmailException expired = assertThrows(PrintmailException.class,
                () -> store.importCertificates(Files.readAllBytes(TLS.resolve("test-ca.pem"))));
        assertTrue(expired.detail().contains("expired on"), expired.detail());
        assertThrows(PrintmailException.class, () -> store.importCertificates("hello".getBytes()));
    }

    @Test
    void deleteRemovesByFingerprintAndUnknownFingerprintsAreFalse() throws Exception {
        DeviceTrustStore store = DeviceTrustStore.open(dir, NOW);
        String sha = store.importCertificates(Files.readAllBytes(TLS.resolve("test-ca.pem"))).get(0).sha256();
        assertFalse(store.delete("../../etc/passwd"));
        assertTrue(store.delete(sha.toLowerCase()));
        assertFalse(store.delete(sha));
        assertEquals(List.of(), store.list());
    }

    @Test
    void theTrustHoldsTheImportedAndTheProfileCasBesidesTheJdkOnes() throws Exception {
        DeviceTrustStore store = DeviceTrustStore.open(dir, NOW);
        store.importCertificates(Files.readAllBytes(TLS.resolve("untrusted-ca.pem")));
        Files.write(dir.resolve("garbage.der"), new byte[] {1, 2, 3});

        TlsTrust trust = store.tlsTrust(Optional.of(TLS.resolve("test-ca.pem")));

        List<String> subjects = trust.extraCas().stream().map(c -> c.getSubjectX500Principal().getName()).toList();
        assertEquals(2, subjects.size(), subjects.toString());
    }
}
