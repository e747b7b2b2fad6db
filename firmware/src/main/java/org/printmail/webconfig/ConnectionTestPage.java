package org.printmail.webconfig;

import java.util.List;
import java.util.Optional;

import org.printmail.codes.JobCode;
import org.printmail.config.DeviceSettings;
import org.printmail.config.EmailServerSettings;
import org.printmail.config.MailTransport;
import org.printmail.i18n.Messages;
import org.printmail.i18n.Text;
import org.printmail.jobs.ConnectionCheck;
import org.printmail.jobs.JobLogEntry;
import org.printmail.jobs.JobState;
import org.printmail.jobs.JobTicket;
import org.printmail.jobs.JobView;
import org.printmail.jobs.Preflight;
import org.printmail.jobs.TestMessage;

/**
 * Email Server > Connection Test: DNS, TCP, TLS and certificate, EHLO/STARTTLS, token, AUTH
 * XOAUTH2 and MAIL FROM with the saved settings (no message sent), each step passed or failed
 * with its remedy; and a test message to an address the administrator gives (for the device
 * mailbox a job, so it shows in the Job Log).
 */
final class ConnectionTestPage {
    private final Layout layout;
    private final WebConfigBackend backend;
    private final StatusBoard board;

    ConnectionTestPage(Layout layout, WebConfigBackend backend, StatusBoard board) {
        this.layout = layout;
        this.backend = backend;
        this.board = board;
    }

    void register(Dispatcher d) {
        for (MailAccount a : MailAccount.values()) {
            d.get(a.connectionTestPath(), Dispatcher.Access.ADMIN, r -> render(r, a, "",
                    Optional.empty()));
            d.post(a.connectionTestPath(), Dispatcher.Access.ADMIN, r -> run(r, a));
            d.post(a.connectionTestPath() + "/send", Dispatcher.Access.ADMIN, r -> send(r, a));
            d.post(a.connectionTestPath() + "/use-graph", Dispatcher.Access.ADMIN, r -> useGraph(r, a));
        }
    }

    /** The remedy offered after 5.7.139: this account sends through Microsoft Graph from now on. */
    private Response useGraph(Request r, MailAccount a) {
        backend.settings().update(d -> a.with(d, a.settings(d).withTransport(MailTransport.MICROSOFT_GRAPH)));
        r.session().state(resultsKey(a), null);
        r.session().flash(TransportSwitch.check(backend.accounts(), board.fresh(a.id()), a.id(),
                MailTransport.MICROSOFT_GRAPH));
        return Response.redirect(a.path());
    }

    private static String resultsKey(MailAccount a) { return "connection-test:" + a.name(); }

    private Response run(Request r, MailAccount a) {
        List<ConnectionCheck> steps = backend.jobs().connectionTest(a.id().purpose());
        r.session().state(resultsKey(a), List.copyOf(steps));
        return Response.redirect(a.connectionTestPath());
    }

    private static String testJobKey(MailAccount a) { return "test-message:" + a.name(); }

    private Response send(Request r, MailAccount a) {
        String to = r.form().get("recipient");
        if (!DeviceSettings.isAddress(to)) {
            Notice bad = Notice.error(Text.of("webconfig.test.notAnAddress", to),
                    Text.of("webconfig.test.notAnAddress.remedy", "name@example.com"));
            return render(r, a, to, Optional.of(bad)).withStatus(400);
        }
        // Through the job system like any scan, so it is retried, held and logged in the Job Log;
        // worded in the device's language (its reader is the recipient), not the admin's.
        JobTicket t = backend.jobs().submit(TestMessage.request(a.id().purpose(), to,
                backend.settings().current().language()));
        if (t.accepted()) {
            r.session().state(testJobKey(a), t.jobId());
            r.session().flash(Notice.info(Text.of("webconfig.test.queued", to, t.jobId())));
        } else {
            Preflight p = t.preflight();
            // The administrator is reading: not the panel's "contact the administrator".
            r.session().flash(Notice.error(Text.of("webconfig.codeTitleDetail", p.code().number(),
                    p.code().titleText(), p.adminMessageText()), p.remedyText()));
        }
        return Response.redirect(a.connectionTestPath());
    }

    /** Where the last test message of this session is: in the outbox, or its Job Log line. */
    private Optional<Notice> testJobStatus(Request r, MailAccount a) {
        Optional<String> id = r.session().state(testJobKey(a));
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Messages m = r.messages();
        for (JobLogEntry e : backend.jobs().jobLog()) {
            if (e.jobId().equals(id.get())) {
                String detail = m.render(e.detailText());
                String text = m.text("webconfig.test.status", e.jobId()) + " "
                        + m.render(e.result().labelText())
                        + (e.code() == 0 ? "" : " (" + e.code() + ")")
                        + (detail.isEmpty() ? "" : ". " + detail);
                // Worded here, for this page view only: never kept for a later one.
                return Optional.of(e.code() == 0 ? Notice.info(Text.literal(text))
                        : Notice.error(Text.literal(text), e.remedyText()).remedyFor(a));
            }
        }
        for (JobView v : backend.jobs().outbox()) {
            if (v.jobId().equals(id.get()) && v.state() == JobState.SENT) {
                // Delivered; its Job Log line is being written.
                return Optional.of(Notice.info(Notice.sentences(Text.of("webconfig.test.status",
                        v.jobId()), JobState.SENT.labelText())));
            }
            if (v.jobId().equals(id.get())) {
                return Optional.of(Notice.warning(Text.literal(m.text("webconfig.test.status", v.jobId())
                        + " " + m.render(v.stateText()) + (v.lastCode() == 0 ? "" : " (" + v.lastCode() + ") "
                        + m.render(v.lastMessageText()))), Text.of("webconfig.test.reload")));
            }
        }
        return Optional.empty();
    }

    private Response render(Request r, MailAccount a, String recipient, Optional<Notice> problem) {
        Optional<List<ConnectionCheck>> steps = r.session().state(resultsKey(a));
        EmailServerSettings s = a.settings(backend.settings().current());
        Messages m = r.messages();
        return layout.page(r, m.text("webconfig.test.title", a.sectionText()), h -> {
            problem.ifPresent(n -> Layout.notice(h, m, n, "flash"));
            h.el("p", s.transport() == MailTransport.MICROSOFT_GRAPH
                    ? m.text("webconfig.test.what.graph")
                    : m.text("webconfig.test.what", s.mail().host() + ":" + s.mail().port(),
                            s.mail().security().displayNameText()));
            Layout.form(h, r.session(), a.connectionTestPath(), "connection-test-form",
                    f -> f.el("button", m.text("webconfig.test.run"), "type", "submit", "id",
                            "run-test-button"));
            steps.ifPresent(list -> results(h, m, a, list));
            if (s.transport() == MailTransport.SMTP_XOAUTH2 && steps.isPresent() && steps.get().stream()
                    .anyMatch(st -> st.code() == JobCode.SMTP_AUTH_DISABLED)) {
                offerGraph(h, m, r, a);
            }
            h.el("h2", m.text("webconfig.test.send.title"));
            testJobStatus(r, a).ifPresent(n -> Layout.notice(h, m, n, "test-message-status"));
            Layout.form(h, r.session(), a.connectionTestPath() + "/send", "test-mail-form", f -> {
                f.el("label", m.text("webconfig.test.recipient"), "for", "test-recipient");
                f.empty("input", "type", "text", "name", "recipient", "id", "test-recipient",
                        "value", recipient, "dir", "ltr");
                f.el("button", m.text("webconfig.test.send"), "type", "submit", "id", "send-test-button");
            });
        });
    }

    /** SMTP AUTH is off for the tenant or mailbox (5.7.139): Graph sends without it. */
    private static void offerGraph(Html h, Messages m, Request r, MailAccount a) {
        h.open("div", "class", "banner info", "id", "graph-offer");
        h.el("p", m.text("webconfig.test.graphOffer"));
        Layout.form(h, r.session(), a.connectionTestPath() + "/use-graph", "use-graph-form",
                f -> f.el("button", m.text("webconfig.test.useGraph"), "type", "submit", "id",
                        "use-graph-button"));
        h.close("div");
    }

    private static void results(Html h, Messages m, MailAccount a, List<ConnectionCheck> steps) {
        boolean allPassed = steps.stream().allMatch(ConnectionCheck::passed);
        h.el("p", m.text(allPassed ? "webconfig.test.allPassed" : "webconfig.test.stopped"), "id",
                "connection-test-summary",
                "class", allPassed ? "pass" : "fail");
        h.open("table", "id", "connection-test-results", "class", "list");
        h.open("tr").el("th", m.text("webconfig.test.step")).el("th", m.text("webconfig.test.result"))
                .el("th", m.text("webconfig.test.detail")).el("th", m.text("webconfig.remedy")).close("tr");
        for (ConnectionCheck step : steps) {
            h.open("tr", "class", step.passed() ? "pass" : "fail");
            h.el("td", m.render(step.nameText()));
            h.el("td", step.passed() ? m.text("webconfig.test.passed")
                    : m.text("webconfig.test.failed", step.code().number()));
            h.el("td", m.render(step.detailText()));
            // Two sentences of the catalogue side by side: no isolation between them.
            h.el("td", step.passed() ? "" : m.render(step.code().titleText()) + ". "
                    + a.remedy(m, step.remedyText()));
            h.close("tr");
        }
        h.close("table");
    }
}
