package org.printmail.webconfig;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.printmail.codes.PrintmailException;
import org.printmail.i18n.Messages;
import org.printmail.i18n.Text;
import org.printmail.trust.DeviceTrustStore;
import org.printmail.trust.DeviceTrustStore.ImportedCa;
import org.printmail.trust.TlsTrust;

/**
 * Network Security > CA Certificate: import (PEM or DER), list with subject, issuer, expiry and
 * fingerprint, delete. It works on the device's one CA store, the one the SMTP sender reads on
 * every new connection. Subjects, issuers and fingerprints are data: each is isolated, so an
 * Arabic subject keeps its order on an English page and a fingerprint on an Arabic one.
 */
final class CaCertificatePage {
    static final String PATH = "/network-security/ca-certificate";
    /** A device keeps a handful; the cap stops an upload loop from filling flash. */
    static final int MAX_CERTIFICATES = 64;

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
            r.session().flash(Notice.error(Text.of("webpages.ca.noFile"),
                    Text.of("webpages.ca.noFile.remedy", ".pem, .crt", ".der, .cer")));
            return Response.redirect(PATH);
        }
        DeviceTrustStore store = backend.caCertificates();
        try {
            if (store.list().size() + TlsTrust.parseCertificates(file).size() > MAX_CERTIFICATES) {
                r.session().flash(Notice.error(Text.of("webpages.ca.tooMany", MAX_CERTIFICATES),
                        Text.of("webpages.ca.tooMany.remedy")));
                return Response.redirect(PATH);
            }
            Set<String> before = store.list().stream().map(ImportedCa::sha256).collect(Collectors.toSet());
            List<ImportedCa> imported = store.importCertificates(file);
            List<ImportedCa> added = imported.stream().filter(c -> !before.contains(c.sha256())).toList();
            int already = imported.size() - added.size();
            if (added.isEmpty()) {
                String subject = imported.get(0).subject();
                r.session().flash(Notice.info(already > 1
                        ? Text.of("webpages.ca.alreadyMore", already - 1, subject)
                        : Text.of("webpages.ca.already", subject)));
            } else {
                Text text = Text.of("webpages.ca.imported", added.size(), added.get(0).subject());
                if (already > 0) {
                    text = Notice.sentences(text, Text.of("webpages.ca.importedAlready", already));
                }
                r.session().flash(Notice.info(text));
            }
        } catch (PrintmailException e) {
            r.session().flash(Notice.error(Text.of("webpages.ca.importFailed",
                    e.code().number(), e.detailText()), Text.of("webpages.ca.importFailed.remedy")));
        }
        return Response.redirect(PATH);
    }

    private Response delete(Request r) {
        boolean gone = backend.caCertificates().delete(r.form().get("fingerprint"));
        r.session().flash(gone ? Notice.info(Text.of("webpages.ca.deleted")) : noSuchCertificate(r));
        return Response.redirect(PATH);
    }

    private static Notice noSuchCertificate(Request r) {
        return Notice.error(Text.of("webpages.ca.noSuch"), Text.of("webpages.ca.noSuch.remedy"));
    }

    /** Deleting a trusted CA can stop mail: ask first, naming the certificate and what is lost. */
    private Response confirmDelete(Request r) {
        String fingerprint = r.param("fingerprint");
        Optional<ImportedCa> ca = backend.caCertificates().list().stream()
                .filter(c -> c.sha256().equals(fingerprint)).findFirst();
        if (ca.isEmpty()) {
            r.session().flash(noSuchCertificate(r));
            return Response.redirect(PATH);
        }
        return layout.page(r, r.messages().render(Text.of("webpages.ca.delete.title",
                Text.of("common.menu.caCertificate"))), h -> {
            h.el("p", r.t("webpages.ca.delete.question"));
            h.open("p").open("strong", "id", "delete-subject").ltr(ca.get().subject()).close("strong")
                    .close("p");
            h.open("p", "class", "fingerprint").ltr(ca.get().sha256()).close("p");
            h.open("ul", "id", "delete-losses");
            h.el("li", r.t("webpages.ca.delete.lossTrust"));
            h.el("li", r.t("webpages.ca.delete.lossReimport"));
            h.close("ul");
            h.open("div", "class", "buttons");
            Layout.form(h, r.session(), PATH + "/delete", "delete-form", f -> {
                f.empty("input", "type", "hidden", "name", "fingerprint", "value", ca.get().sha256());
                f.el("button", r.t("webpages.ca.delete.button"), "type", "submit", "id", "confirm-delete");
            });
            h.el("a", r.t("common.button.cancel"), "href", PATH, "class", "button", "id", "cancel-delete");
            h.close("div");
        });
    }

    private Response render(Request r) {
        List<ImportedCa> certs = backend.caCertificates().list();
        Messages m = r.messages();
        return layout.page(r, m.text("common.menu.caCertificate"), h -> {
            h.el("p", m.text("webpages.ca.intro"));
            h.open("table", "class", "list", "id", "ca-list");
            h.open("tr").el("th", m.text("webpages.ca.subject")).el("th", m.text("webpages.ca.issuer"))
                    .el("th", m.text("webpages.ca.expires")).el("th", m.text("webpages.ca.fingerprint"))
                    .el("th", "").close("tr");
            if (certs.isEmpty()) {
                h.open("tr").el("td", m.text("webpages.ca.none"), "colspan", "5").close("tr");
            }
            for (ImportedCa c : certs) {
                boolean expired = c.notAfter().isBefore(backend.clock().instant());
                h.open("tr", "class", expired ? "fail" : null);
                h.open("td", "class", "subject").ltr(c.subject()).close("td");
                h.open("td", "class", "issuer").ltr(c.issuer()).close("td");
                String date = m.dateTime(c.notAfter(), ZoneOffset.UTC);
                h.el("td", expired ? m.text("webpages.ca.expired", date) : date, "class", "expires");
                h.open("td", "class", "fingerprint").ltr(c.sha256()).close("td");
                h.open("td");
                // A link to a confirmation page: nothing is deleted by one click or a stray Enter.
                h.el("a", m.text("webpages.ca.delete.button"), "href",
                        Html.query(PATH + "/delete", "fingerprint", c.sha256()), "class", "button delete-button");
                h.close("td").close("tr");
            }
            h.close("table");
            h.el("h2", m.text("webpages.ca.import"));
            h.open("form", "method", "post", "action", PATH + "/import", "enctype",
                    "multipart/form-data", "id", "ca-import-form");
            Layout.csrf(h, r.session());
            h.el("label", m.text("webpages.ca.file"), "for", "certificate");
            h.empty("input", "type", "file", "name", "certificate", "id", "certificate",
                    "accept", ".pem,.crt,.cer,.der");
            h.el("button", m.text("webpages.ca.import.button"), "type", "submit", "id", "import-button");
            h.close("form");
        });
    }
}
