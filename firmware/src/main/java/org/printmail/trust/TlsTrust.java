package org.printmail.trust;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.i18n.Text;

/**
 * The device's TLS trust: the JDK's CA certificates plus CA certificates imported into the device
 * (PEM or DER). Used for the identity platform (HTTPS) and the SMTP server alike, so one imported
 * CA serves both. Validation is never switched off here; the SMTP layer's explicit "Certificate
 * Validation: Disable" setting is handled (and warned about) there.
 */
public final class TlsTrust {
    private final List<X509Certificate> extraCas;
    private final SSLContext context;

    private TlsTrust(List<X509Certificate> extraCas) {
        this.extraCas = List.copyOf(extraCas);
        this.context = buildContext(this.extraCas);
    }

    /**
     * The server side's TLS context from a PKCS#12 key store (Web Config's certificate, or a test
     * server's). The message names the file, never the password.
     */
    public static SSLContext serverContext(Path pkcs12, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(pkcs12)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(
                    javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            // No trust managers: a server that asks for no client certificate needs no CAs, and
            // null would parse the JDK's 140-odd CA certificates at boot for nothing.
            ctx.init(kmf.getKeyManagers(), new javax.net.ssl.TrustManager[0], null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load the key store " + pkcs12.getFileName() + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** JDK CAs only. */
    public static TlsTrust jdkDefaults() {
        return new TlsTrust(List.of());
    }

    /** JDK CAs plus the given extra CA certificates. */
    public static TlsTrust withExtraCas(Collection<X509Certificate> cas) {
        return new TlsTrust(new ArrayList<>(cas));
    }

    /** JDK CAs plus every certificate in the given PEM or DER files. */
    public static TlsTrust withCaFiles(Collection<Path> files) {
        List<X509Certificate> all = new ArrayList<>();
        for (Path f : files) {
            all.addAll(readCertificates(f));
        }
        return new TlsTrust(all);
    }

    public List<X509Certificate> extraCas() { return extraCas; }

    /** A TLS 1.2+ context whose trust is the JDK's CAs plus the extra ones. */
    public SSLContext sslContext() { return context; }

    public SSLSocketFactory socketFactory() { return context.getSocketFactory(); }

    /** Parses one or more certificates from PEM or DER bytes; a clear error otherwise. */
    public static List<X509Certificate> parseCertificates(byte[] pemOrDer) {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            Collection<? extends Certificate> certs =
                    cf.generateCertificates(new java.io.ByteArrayInputStream(pemOrDer));
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : certs) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new PrintmailException(JobCode.SETTINGS_INVALID, Text.of("webpages.ca.problem.empty"));
            }
            return out;
        } catch (CertificateException e) {
            throw new PrintmailException(JobCode.SETTINGS_INVALID, Text.of("webpages.ca.problem.notCertificate"));
        }
    }

    public static List<X509Certificate> readCertificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parseCertificates(in.readAllBytes());
        } catch (IOException e) {
            throw new PrintmailException(JobCode.SETTINGS_INVALID,
                    Text.of("webpages.ca.problem.unreadable", file.getFileName()));
        }
    }

    private static SSLContext buildContext(List<X509Certificate> extra) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            // Start from the JDK's own CA set, then add the device's imported CAs.
            TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            jdk.init((KeyStore) null);
            int i = 0;
            for (TrustManager tm : jdk.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    for (X509Certificate c : x.getAcceptedIssuers()) {
                        ks.setCertificateEntry("jdk-" + i++, c);
                    }
                }
            }
            for (X509Certificate c : extra) {
                ks.setCertificateEntry("device-" + i++, c);
            }
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the TLS trust context", e);
        }
    }
}
