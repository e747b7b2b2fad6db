package org.printmail.webconfig;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.printmail.codes.PrintmailException;
import org.printmail.trust.DeviceTrustStore;
import org.printmail.trust.DeviceTrustStore.ImportedCa;
import org.printmail.trust.TlsTrust;

/**
 * Network Security > CA Certificate: import (PEM or DER), list with subject, issuer, expiry and
 * fingerprint, delete. It works on the device's one CA store, the one the SMTP sender reads on
 * every new connection.
 */
final class CaCertificatePage {
    static final String PATH = "/network-security/ca-certificate";
    /** A device keeps a handful; the cap stops an upload loop from filling flash. */
    static final int MAX_CERTIFICATES = 64;
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
        DeviceTrustStore store = backend.caCertificates();
        try {
            if (store.list().size() + TlsTrust.parseCertificates(file).size() > MAX_CERTIFICATES) {
                r.session().flash(Notice.error("CA certificate: at most " + MAX_CERTIFICATES
                        + " certificates.", "Delete CA certificates that are no longer used first."));
                return Response.redirect(PATH);
            }
            java.util.Set<String> before = store.list().stream().map(ImportedCa::sha256)
                    .collect(java.util.stream.Collectors.toSet());
            List<ImportedCa> imported = store.importCertificates(file);
            List<ImportedCa> added = imported.stream().filter(c -> !before.contains(c.sha256()))
                    .toList();
            int already = imported.size() - added.size();
            if (added.isEmpty()) {
                r.session().flash(Notice.info("Already on the device: " + imported.get(0).subject()
                        + (already > 1 ? " and " + (already - 1) + " more" : "")
                        + ". Nothing new was imported."));
            } else {
                r.session().flash(Notice.info("Imported " + added.size()
                        + (added.size() == 1 ? " certificate: " : " certificates: ")
                        + added.get(0).subject()
                        + (already > 0 ? " (" + already + " already on the device)" : "")));
            }
        } catch (PrintmailException e) {
            r.session().flash(Notice.error(e.code().number() + " " + e.detail(),
                    "Import the certificate of the CA that issued the email server's certificate,"
                            + " as PEM or DER."));
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
        List<ImportedCa> certs = backend.caCertificates().list();
        return layout.page(r, "Network Security > CA Certificate", h -> {
            h.el("p", "CA certificates the device trusts in addition to its built-in ones, for the"
                    + " email server. An import applies to the next connection.");
            h.open("table", "class", "list", "id", "ca-list");
            h.open("tr").el("th", "Subject").el("th", "Issuer").el("th", "Expires")
                    .el("th", "SHA-256 fingerprint").el("th", "").close("tr");
            if (certs.isEmpty()) {
                h.open("tr").el("td", "No CA certificates imported.", "colspan", "5").close("tr");
            }
            for (ImportedCa c : certs) {
                boolean expired = c.notAfter().isBefore(backend.clock().instant());
                h.open("tr", "class", expired ? "fail" : null);
                h.el("td", c.subject(), "class", "subject");
                h.el("td", c.issuer(), "class", "issuer");
                h.el("td", DATE.format(c.notAfter()) + (expired ? " (expired)" : ""), "class",
                        "expires");
                h.el("td", c.sha256(), "class", "fingerprint");
                h.open("td");
                Layout.form(h, r.session(), PATH + "/delete", "delete-" + c.sha256().substring(0, 16),
                        f -> {
                    f.empty("input", "type", "hidden", "name", "fingerprint", "value", c.sha256());
                    f.el("button", "Delete", "type", "submit", "class", "delete-button");
                });
                h.close("td").close("tr");
            }
            h.close("table");
            h.el("h2", "Import");
            h.open("form", "method", "post", "action", PATH + "/import", "enctype",
                    "multipart/form-data", "id", "ca-import-form");
            Layout.csrf(h, r.session());
            h.el("label", "Certificate file (PEM or DER)", "for", "certificate");
            h.empty("input", "type", "file", "name", "certificate", "id", "certificate",
                    "accept", ".pem,.crt,.cer,.der");
            h.el("button", "Import", "type", "submit", "id", "import-button");
            h.close("form");
        });
    }
}
