package org.printmail.webconfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.trust.TlsTrust;

/**
 * The device's imported CA certificates, one PEM file per certificate named by its SHA-256
 * fingerprint. The device's TLS trust reads {@link #list()} (e.g. through
 * {@code TlsTrust.withExtraCas}) whenever it opens a connection, so an import or delete applies
 * to the next connection. A damaged file is skipped, never fatal.
 */
public final class CaCertificateFolder implements CaCertificates {
    /** A device keeps a handful; the cap stops an upload loop from filling flash. */
    static final int MAX_CERTIFICATES = 64;
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

    private final Path dir;

    private CaCertificateFolder(Path dir) { this.dir = dir; }

    public static CaCertificateFolder open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("CA certificate folder " + dir + " cannot be created",
                    e);
        }
        return new CaCertificateFolder(dir);
    }

    @Override
    public synchronized List<X509Certificate> list() {
        List<X509Certificate> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.pem")) {
            for (Path f : files) {
                try {
                    out.addAll(TlsTrust.readCertificates(f));
                } catch (PrintmailException e) {
                    // Skip a damaged file; the others still count.
                }
            }
        } catch (IOException e) {
            throw new PrintmailException(JobCode.SETTINGS_INVALID,
                    "CA certificate folder cannot be read");
        }
        out.sort(Comparator.comparing(c -> c.getSubjectX500Principal().getName()));
        return out;
    }

    @Override
    public synchronized List<X509Certificate> importCertificates(byte[] pemOrDer) {
        List<X509Certificate> parsed = TlsTrust.parseCertificates(pemOrDer);
        if (list().size() + parsed.size() > MAX_CERTIFICATES) {
            throw new PrintmailException(JobCode.SETTINGS_INVALID,
                    "CA certificate: at most " + MAX_CERTIFICATES
                            + " certificates; delete unused ones first");
        }
        for (X509Certificate c : parsed) {
            write(CaCertificatePage.fingerprint(c), pem(c));
        }
        return parsed;
    }

    @Override
    public synchronized boolean delete(String sha256Fingerprint) {
        // Only a plain fingerprint names a file: nothing from the form reaches a path otherwise.
        if (sha256Fingerprint == null || !FINGERPRINT.matcher(sha256Fingerprint).matches()) {
            return false;
        }
        try {
            return Files.deleteIfExists(dir.resolve(sha256Fingerprint + ".pem"));
        } catch (IOException e) {
            throw new PrintmailException(JobCode.SETTINGS_INVALID,
                    "CA certificate cannot be deleted");
        }
    }

    private void write(String fingerprint, String pem) {
        Path target = dir.resolve(fingerprint + ".pem");
        Path tmp = dir.resolve(fingerprint + ".tmp");
        try {
            Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PrintmailException(JobCode.SETTINGS_INVALID,
                    "CA certificate cannot be saved");
        }
    }

    private static String pem(X509Certificate c) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64,
                            "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(c.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new PrintmailException(JobCode.SETTINGS_INVALID,
                    "CA certificate cannot be encoded");
        }
    }

    @Override
    public String toString() { return "CaCertificateFolder[" + dir + "]"; }
}
