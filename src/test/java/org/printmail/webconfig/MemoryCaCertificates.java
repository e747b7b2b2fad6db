package org.printmail.webconfig;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.printmail.trust.TlsTrust;

/** CA certificates held in memory, parsed by the device's own parser (test wiring). */
final class MemoryCaCertificates implements CaCertificates {
    private final List<X509Certificate> certs = new CopyOnWriteArrayList<>();

    @Override
    public List<X509Certificate> list() { return List.copyOf(certs); }

    @Override
    public List<X509Certificate> importCertificates(byte[] pemOrDer) {
        List<X509Certificate> parsed = TlsTrust.parseCertificates(pemOrDer);
        certs.addAll(parsed);
        return parsed;
    }

    @Override
    public boolean delete(String sha256Fingerprint) {
        return certs.removeIf(c -> CaCertificatePage.fingerprint(c).equals(sha256Fingerprint));
    }
}
