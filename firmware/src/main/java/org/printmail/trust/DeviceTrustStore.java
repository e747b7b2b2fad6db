package org.printmail.trust;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.files.DurableFiles;
import org.printmail.i18n.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CA certificates an administrator imported (PEM or DER), persisted on the device as one DER
 * file per certificate named by its SHA-256 fingerprint. Web Config's CA Certificate page imports,
 * lists and deletes through this; {@link #tlsTrust(Optional)} gives the trust every TLS
 * connection uses (JDK CAs + imported + the profile's CA file). Thread-safe.
 */
public final class DeviceTrustStore {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceTrustStore.class);

    /**
     * One imported CA certificate, as Web Config's CA Certificate page lists it.
     *
     * @param sha256 upper-case hex SHA-256 fingerprint of the DER encoding; also its id for deletion
     */
    public record ImportedCa(String subject, String issuer, Instant notAfter, String sha256) { }

    private static final String SUFFIX = ".der";

    private final Path dir;
    /** Bumped on every import and delete; the built trust is reused until it changes. */
    private long generation;
    private long cachedGeneration = -1;
    private Optional<Path> cachedFor = Optional.empty();
    private TlsTrust cached;
    private final Clock clock;

    private DeviceTrustStore(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** Opens (creating if needed) the store directory. */
    public static DeviceTrustStore open(Path dir, Clock clock) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the CA certificate store " + dir, e);
        }
        return new DeviceTrustStore(dir, clock);
    }

    /**
     * Imports every certificate in the PEM or DER bytes. Each must be a CA certificate (basic
     * constraints CA:TRUE, and certificate signing allowed when key usage is present) that has
     * not expired; otherwise nothing is stored and the error names the problem.
     */
    public synchronized List<ImportedCa> importCertificates(byte[] pemOrDer) {
        List<X509Certificate> certs = TlsTrust.parseCertificates(pemOrDer);
        for (X509Certificate c : certs) {
            checkIsUsableCa(c);
        }
        List<ImportedCa> out = new ArrayList<>();
        for (X509Certificate c : certs) {
            ImportedCa info = describe(c);
            write(dir.resolve(info.sha256() + SUFFIX), der(c));
            out.add(info);
        }
        generation++;
        return out;
    }

    /** The imported CA certificates, by subject. Unreadable files are skipped with a warning. */
    public synchronized List<ImportedCa> list() {
        return certificates().stream().map(DeviceTrustStore::describe)
                .sorted(Comparator.comparing(ImportedCa::subject)).toList();
    }

    /** Deletes by fingerprint; false when no such certificate was imported. */
    public synchronized boolean delete(String sha256) {
        if (!sha256.matches("[0-9A-Fa-f]{64}")) {
            return false;
        }
        try {
            generation++;
            return Files.deleteIfExists(dir.resolve(sha256.toUpperCase() + SUFFIX));
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete CA certificate " + sha256, e);
        }
    }

    /** JDK CAs + every imported CA + the profile's extra CA file (the lab's test CA). */
    public synchronized TlsTrust tlsTrust(Optional<Path> profileTrustedCa) {
        // Building a trust store copies the JDK's CA set: do it once per change, not per connection.
        if (cached != null && cachedGeneration == generation && cachedFor.equals(profileTrustedCa)) {
            return cached;
        }
        List<X509Certificate> all = new ArrayList<>(certificates());
        profileTrustedCa.ifPresent(p -> all.addAll(TlsTrust.readCertificates(p)));
        cached = TlsTrust.withExtraCas(all);
        cachedGeneration = generation;
        cachedFor = profileTrustedCa;
        return cached;
    }

    private List<X509Certificate> certificates() {
        List<X509Certificate> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                try {
                    out.addAll(TlsTrust.readCertificates(f));
                } catch (PrintmailException e) {
                    LOG.warn("CA certificate store: skipping unreadable file {}", f.getFileName());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CA certificate store " + dir, e);
        }
        return out;
    }

    private void checkIsUsableCa(X509Certificate c) {
        String who = c.getSubjectX500Principal().getName();
        if (c.getBasicConstraints() < 0) {
            throw invalid(Text.of("webpages.ca.problem.notCa", who));
        }
        boolean[] usage = c.getKeyUsage();
        if (usage != null && usage.length > 5 && !usage[5]) {
            throw invalid(Text.of("webpages.ca.problem.mayNotSign", who, "keyCertSign"));
        }
        if (c.getNotAfter().toInstant().isBefore(clock.instant())) {
            throw invalid(Text.of("webpages.ca.problem.expired", who, c.getNotAfter().toInstant()));
        }
    }

    /** The problem, in any language (the CA Certificate page's words, {@code webpages.ca.problem.*}). */
    private static PrintmailException invalid(Text detail) {
        return new PrintmailException(JobCode.SETTINGS_INVALID, detail);
    }

    static ImportedCa describe(X509Certificate c) {
        return new ImportedCa(c.getSubjectX500Principal().getName(),
                c.getIssuerX500Principal().getName(), c.getNotAfter().toInstant(), fingerprint(c));
    }

    static String fingerprint(X509Certificate c) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(der(c)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] der(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (CertificateEncodingException e) {
            throw invalid(Text.of("webpages.ca.problem.notEncodable"));
        }
    }

    /** Temp file then rename, so a power cut leaves the old state or the new, never half a file. */
    private static void write(Path target, byte[] bytes) {
        try {
            DurableFiles.replace(target, bytes);
        } catch (IOException e) {
            throw new IllegalStateException("cannot store CA certificate " + target.getFileName(), e);
        }
    }
}
