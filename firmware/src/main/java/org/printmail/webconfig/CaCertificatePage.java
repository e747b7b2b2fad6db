package org.printmail.webconfig;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

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
        d.get(PATH + "/delete", Dispatcher.Access.ADMIN, this::confirmDelete);
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

    /** Deleting a trusted CA can stop mail: ask first, naming the certificate and what is lost. */
    private Response confirmDelete(Request r) {
        String fingerprint = r.param("fingerprint");
        Optional<ImportedCa> ca = backend.caCertificates().list().stream()
                .filter(c -> c.sha256().equals(fingerprint)).findFirst();
        if (ca.isEmpty()) {
            r.session().flash(Notice.error("No such CA certificate.",
                    "Reload the page; it may have been deleted already."));
            return Response.redirect(PATH);
        }
        return layout.page(r, "Network Security > CA Certificate > Delete", h -> {
            h.open("p").text("Delete the CA certificate ").el("strong", ca.get().subject(), "id", "delete-subject")
                    .text("?").close("p");
            h.el("p", ca.get().sha256(), "class", "fingerprint");
            h.open("ul", "id", "delete-losses");
            h.el("li", "The device stops trusting servers whose certificates this CA issued: sending"
                    + " through such an email server or proxy fails with code 389 from the next connection.");
            h.el("li", "To trust it again, the certificate file must be imported again.");
            h.close("ul");
            h.open("div", "class", "buttons");
            Layout.form(h, r.session(), PATH + "/delete", "delete-form", f -> {
                f.empty("input", "type", "hidden", "name", "fingerprint", "value", ca.get().sha256());
                f.el("button", "Delete", "type", "submit", "id", "confirm-delete");
            });
            h.el("a", "Cancel", "href", PATH, "class", "button", "id", "cancel-delete");
            h.close("div");
        });
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
                // A link to a confirmation page: nothing is deleted by one click or a stray Enter.
                h.el("a", "Delete", "href", PATH + "/delete?fingerprint=" + c.sha256(),
                        "class", "button delete-button");
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
