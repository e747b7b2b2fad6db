package org.printmail.webconfig;

import java.util.List;
import java.util.Optional;

import org.printmail.codes.JobCode;
import org.printmail.config.DeviceSettings;
import org.printmail.config.EmailServerSettings;
import org.printmail.config.MailTransport;
import org.printmail.jobs.ConnectionCheck;
import org.printmail.jobs.JobLogEntry;
import org.printmail.jobs.JobRequest;
import org.printmail.jobs.JobState;
import org.printmail.jobs.JobTicket;
import org.printmail.jobs.JobView;
import org.printmail.jobs.Preflight;

/**
 * Email Server > Connection Test: DNS, TCP, TLS and certificate, EHLO/STARTTLS, token, AUTH
 * XOAUTH2 and MAIL FROM with the saved settings (no message sent), each step passed or failed
 * with its remedy; and a test message to an address the administrator gives (for the device
 * mailbox a job, so it shows in the Job Log).
 */
final class ConnectionTestPage {
    private static final String TEST_BODY =
            "This test message was sent by the device's Web Config to check its email settings.";

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
            Notice bad = Notice.error("Recipient: not an email address: " + to,
                    "Enter one address, e.g. name@example.com.");
            return render(r, a, to, Optional.of(bad)).withStatus(400);
        }
        String subject = "Test message from " + a.title();
        // Through the job system like any scan, so it is retried, held and logged in the Job Log.
        JobRequest request = a == MailAccount.DEVICE
                ? new JobRequest.ScanToEmail(List.of(to), subject, TEST_BODY, List.of())
                : new JobRequest.FaxServerTest(to, subject, TEST_BODY);
        JobTicket t = backend.jobs().submit(request);
        if (t.accepted()) {
            r.session().state(testJobKey(a), t.jobId());
            r.session().flash(Notice.info("The test message to " + to + " was queued as job "
                    + t.jobId() + "; its result shows below and in the Job Log."));
        } else {
            Preflight p = t.preflight();
            // The administrator is reading: not the panel's "contact the administrator".
            r.session().flash(Notice.error(p.code().number() + " " + p.code().title() + ". "
                    + p.adminMessage(), p.remedy()));
        }
        return Response.redirect(a.connectionTestPath());
    }

    /** Where the last test message of this session is: in the outbox, or its Job Log line. */
    private Optional<Notice> testJobStatus(Request r, MailAccount a) {
        Optional<String> id = r.session().state(testJobKey(a));
        if (id.isEmpty()) {
            return Optional.empty();
        }
        for (JobLogEntry e : backend.jobs().jobLog()) {
            if (e.jobId().equals(id.get())) {
                String text = "Test message (job " + e.jobId() + "): " + JobWords.result(e.result())
                        + (e.code() == 0 ? "" : " (" + e.code() + ")")
                        + (e.message().isEmpty() ? "" : ". " + e.message());
                return Optional.of(e.code() == 0 ? Notice.info(text) : Notice.error(text, e.remedy()));
            }
        }
        for (JobView v : backend.jobs().outbox()) {
            if (v.jobId().equals(id.get()) && v.state() == JobState.SENT) {
                // Delivered; its Job Log line is being written.
                return Optional.of(Notice.info("Test message (job " + v.jobId() + "): SENT"));
            }
            if (v.jobId().equals(id.get())) {
                return Optional.of(Notice.warning("Test message (job " + v.jobId() + "): "
                        + JobWords.state(v.state()) + (v.lastCode() == 0 ? "" : " (" + v.lastCode() + ") "
                        + v.lastMessage()), "Reload the page to see the result."));
            }
        }
        return Optional.empty();
    }

    private Response render(Request r, MailAccount a, String recipient, Optional<Notice> problem) {
        Optional<List<ConnectionCheck>> steps = r.session().state(resultsKey(a));
        EmailServerSettings s = a.settings(backend.settings().current());
        return layout.page(r, a.section() + " > Connection Test", h -> {
            problem.ifPresent(n -> Layout.notice(h, n, "flash"));
            h.open("p").text("Tests the saved settings: " + (s.transport() == MailTransport.MICROSOFT_GRAPH
                    ? "Microsoft Graph" : s.mail().host() + ":" + s.mail().port() + " (" + s.mail().security()
                    + ")") + ". No message is sent.").close("p");
            Layout.form(h, r.session(), a.connectionTestPath(), "connection-test-form",
                    f -> f.el("button", "Run Connection Test", "type", "submit", "id",
                            "run-test-button"));
            steps.ifPresent(list -> results(h, a, list));
            if (s.transport() == MailTransport.SMTP_XOAUTH2 && steps.isPresent() && steps.get().stream()
                    .anyMatch(st -> st.code() == JobCode.SMTP_AUTH_DISABLED)) {
                offerGraph(h, r, a);
            }
            h.el("h2", "Send a test message");
            testJobStatus(r, a).ifPresent(n -> Layout.notice(h, n, "test-message-status"));
            Layout.form(h, r.session(), a.connectionTestPath() + "/send", "test-mail-form", f -> {
                f.el("label", "Recipient", "for", "test-recipient");
                f.empty("input", "type", "text", "name", "recipient", "id", "test-recipient",
                        "value", recipient);
                f.el("button", "Send", "type", "submit", "id", "send-test-button");
            });
        });
    }

    /** SMTP AUTH is off for the tenant or mailbox (5.7.139): Graph sends without it. */
    private static void offerGraph(Html h, Request r, MailAccount a) {
        h.open("div", "class", "banner info", "id", "graph-offer");
        h.el("p", "The organization keeps SMTP AUTH switched off. Instead of turning it on, the device"
                + " can send through Microsoft Graph with the same sign-in method (device code); the"
                + " sign-in then asks for the Graph permissions Mail.Send and Mail.ReadWrite.");
        Layout.form(h, r.session(), a.connectionTestPath() + "/use-graph", "use-graph-form",
                f -> f.el("button", "Send through Microsoft Graph", "type", "submit", "id", "use-graph-button"));
        h.close("div");
    }

    private static void results(Html h, MailAccount a, List<ConnectionCheck> steps) {
        boolean allPassed = steps.stream().allMatch(ConnectionCheck::passed);
        h.el("p", allPassed ? "All steps passed." : "The test stopped at a failed step.", "id",
                "connection-test-summary",
                "class", allPassed ? "pass" : "fail");
        h.open("table", "id", "connection-test-results", "class", "list");
        h.open("tr").el("th", "Step").el("th", "Result").el("th", "Detail").el("th",
                "Remedy").close("tr");
        for (ConnectionCheck step : steps) {
            h.open("tr", "class", step.passed() ? "pass" : "fail");
            h.el("td", step.name());
            h.el("td", step.passed() ? "Passed" : "Failed (" + step.code().number() + ")");
            h.el("td", step.detail());
            h.el("td", step.passed() ? "" : step.code().title() + ". "
                    + a.remedy(step.code().remedyFor(step.detail())));
            h.close("tr");
        }
        h.close("table");
    }
}
