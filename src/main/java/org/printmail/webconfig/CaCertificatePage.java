package org.printmail.webconfig;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

import org.printmail.codes.PrintmailException;

/** Network Security > CA Certificate: import (PEM or DER), list with subject and expiry, delete. */
final class CaCertificatePage {
    static final String PATH = "/network-security/ca-certificate";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Layout layout;
    private final WebConfigBackend backend;

    CaCertificatePage(Layout layout, WebConfigBackend backend) {
        this.layout = layout;
        this.backend = backend;
    }

    void register(Dispatcher d) {
        d.get(PATH, Dispatcher.Access.ADMIN, this::render);
        d.post(PATH + "/import", Dispatcher.Access.ADMIN, this::importCertificate);
        d.post(PATH + "/delete", Dispatcher.Access.ADMIN, this::delete);
    }

    private Response importCertificate(Request r) {
        byte[] file = r.form().file("certificate");
        if (file.length == 0) {
            r.session().flash(Notice.error("CA certificate: choose a file to import.",
                    "PEM (.pem, .crt) or DER (.der, .cer)."));
            return Response.redirect(PATH);
        }
        try {
            List<X509Certificate> added = backend.caCertificates().importCertificates(file);
            r.session().flash(Notice.info("Imported " + added.size()
                    + (added.size() == 1 ? " certificate: " : " certificates: ")
                    + added.get(0).getSubjectX500Principal().getName()));
        } catch (PrintmailException e) {
            r.session().flash(Notice.error(e.detail(),
                    "Export the CA certificate as PEM or DER and import it again."));
        }
        return Response.redirect(PATH);
    }

    private Response delete(Request r) {
        boolean gone = backend.caCertificates().delete(r.form().get("fingerprint"));
        r.session().flash(gone ? Notice.info("The CA certificate was deleted.")
                : Notice.error("No such CA certificate.",
                        "Reload the page; it may have been deleted already."));
        return Response.redirect(PATH);
    }

    private Response render(Request r) {
        List<X509Certificate> certs = backend.caCertificates().list();
        return layout.page(r, "Network Security > CA Certificate", h -> {
            h.el("p", "CA certificates the device trusts in addition to its built-in ones, for the email server"
                    + " and the sign-in service.");
            h.open("table", "class", "list", "id", "ca-list");
            h.open("tr").el("th", "Subject").el("th", "Issuer").el("th", "Expires").el("th",
                    "SHA-256").el("th", "")
                    .close("tr");
            if (certs.isEmpty()) {
                h.open("tr").el("td", "No CA certificates imported.", "colspan", "5").close("tr");
            }
            for (X509Certificate c : certs) {
                String fp = fingerprint(c);
                boolean expired = c.getNotAfter().toInstant().isBefore(backend.clock().instant());
                h.open("tr", "class", expired ? "fail" : null);
                h.el("td", c.getSubjectX500Principal().getName(), "class", "subject");
                h.el("td", c.getIssuerX500Principal().getName());
                h.el("td", DATE.format(c.getNotAfter().toInstant())
                        + (expired ? " (expired)" : ""));
                h.el("td", fp.substring(0, 16) + "...", "title", fp);
                h.open("td");
                Layout.form(h, r.session(), PATH + "/delete", "delete-" + fp.substring(0, 16),
                        f -> {
                    f.empty("input", "type", "hidden", "name", "fingerprint", "value", fp);
                    f.el("button", "Delete", "type", "submit", "class", "delete-button");
                });
                h.close("td").close("tr");
            }
            h.close("table");
            h.el("h2", "Import");
            h.open("form", "method", "post", "action", PATH + "/import", "enctype",
                    "multipart/form-data",
                    "id", "ca-import-form");
            Layout.csrf(h, r.session());
            h.el("label", "Certificate file (PEM or DER)", "for", "certificate");
            h.empty("input", "type", "file", "name", "certificate", "id", "certificate",
                    "accept", ".pem,.crt,.cer,.der");
            h.el("button", "Import", "type", "submit", "id", "import-button");
            h.close("form");
        });
    }

    static String fingerprint(X509Certificate c) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }
}
