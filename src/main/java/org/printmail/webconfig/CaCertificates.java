package org.printmail.webconfig;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The device's imported CA certificates (Network Security > CA Certificate), as Web Config
 * needs them. The device wiring adapts its trust store to this.
 */
public interface CaCertificates {
    List<X509Certificate> list();

    /**
     * Imports every certificate in the PEM or DER bytes.
     *
     * @throws org.printmail.codes.PrintmailException with a one-line reason when the bytes are not a certificate
     */
    List<X509Certificate> importCertificates(byte[] pemOrDer);

    /** Deletes the certificate with this SHA-256 fingerprint (lowercase hex); false if none. */
    boolean delete(String sha256Fingerprint);
}
