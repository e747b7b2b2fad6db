package org.printmail.webconfig;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.printmail.auth.AccountStatus;
import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.config.DeviceSettings;
import org.printmail.config.EmailServerSettings;
import org.printmail.jobs.JobLogEntry;
import org.printmail.jobs.JobRequest;
import org.printmail.jobs.JobTicket;
import org.printmail.jobs.JobView;
import org.printmail.jobs.Preflight;
import org.printmail.smtp.ConnectionTestStep;
import org.printmail.smtp.OutgoingMessage;
import org.printmail.smtp.SendReport;
import org.printmail.smtp.SmtpAccount;
import org.printmail.smtp.TokenSource;

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
        }
    }

    private static String resultsKey(MailAccount a) { return "connection-test:" + a.name(); }

    private Response run(Request r, MailAccount a) {
        List<ConnectionTestStep> steps = backend.mail().connectionTest(smtpAccount(a));
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
        if (a == MailAccount.DEVICE) {
            // Through the job system like any scan, so it is retried, held and logged in the Job Log.
            JobTicket t = backend.jobs().submit(new JobRequest.ScanToEmail(List.of(to), subject,
                    TEST_BODY, List.of()));
            if (t.accepted()) {
                r.session().state(testJobKey(a), t.jobId());
                r.session().flash(Notice.info("The test message to " + to + " was queued as job "
                        + t.jobId() + "; its result shows below and in the Job Log."));
            } else {
                Preflight p = t.preflight();
                r.session().flash(Notice.error(p.code().number() + " " + p.code().title() + ". "
                        + p.message(), p.remedy()));
            }
            return Response.redirect(a.connectionTestPath());
        }
        // The fax server's account has no job type that mails an arbitrary address: send directly.
        try {
            OutgoingMessage m = new OutgoingMessage(UUID.randomUUID().toString(), List.of(to),
                    subject, TEST_BODY, List.of());
            SendReport report = backend.mail().send(smtpAccount(a), m);
            r.session().flash(report.accepted().isEmpty()
                    ? Notice.error("The server refused the recipient " + to + ".",
                            JobCode.RECIPIENT_REJECTED.remedy())
                    : Notice.info("The test message to " + to
                            + " was accepted by the email server."));
        } catch (PrintmailException e) {
            r.session().flash(Notice.error(e.code().number() + " " + e.code().title() + ". "
                    + e.detail(), e.remedy()));
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
            if (v.jobId().equals(id.get())) {
                return Optional.of(Notice.warning("Test message (job " + v.jobId() + "): "
                        + JobWords.state(v.state()) + (v.lastCode() == 0 ? "" : " (" + v.lastCode() + ") "
                        + v.lastMessage()), "Reload the page to see the result."));
            }
        }
        return Optional.empty();
    }

    /** The account as the SMTP layer needs it, with tokens fetched from the auth facade when used. */
    private SmtpAccount smtpAccount(MailAccount a) {
        EmailServerSettings s = a.settings(backend.settings().current());
        AccountStatus st = board.fresh(a.id());
        String from = s.senderAddress().isEmpty() ? st.accountName() : s.senderAddress();
        TokenSource tokens = new TokenSource() {
            @Override
            public String accessToken() { return backend.accounts().accessToken(a.id()); }

            @Override
            public String refreshedAccessToken() { return backend.accounts().forceRefresh(a.id()); }
        };
        return new SmtpAccount(a.id().key(), st.accountName(), from, s.mail(), tokens);
    }

    private Response render(Request r, MailAccount a, String recipient, Optional<Notice> problem) {
        Optional<List<ConnectionTestStep>> steps = r.session().state(resultsKey(a));
        EmailServerSettings s = a.settings(backend.settings().current());
        return layout.page(r, a.section() + " > Connection Test", h -> {
            problem.ifPresent(n -> Layout.notice(h, n, "flash"));
            h.open("p").text("Tests the saved settings: " + s.mail().host() + ":" + s.mail().port()
                    + " ("
                    + s.mail().security() + "). No message is sent.").close("p");
            Layout.form(h, r.session(), a.connectionTestPath(), "connection-test-form",
                    f -> f.el("button", "Run Connection Test", "type", "submit", "id",
                            "run-test-button"));
            steps.ifPresent(list -> results(h, a, list));
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

    private static void results(Html h, MailAccount a, List<ConnectionTestStep> steps) {
        boolean allPassed = steps.stream().allMatch(ConnectionTestStep::passed);
        h.el("p", allPassed ? "All steps passed." : "The test stopped at a failed step.", "id",
                "connection-test-summary",
                "class", allPassed ? "pass" : "fail");
        h.open("table", "id", "connection-test-results", "class", "list");
        h.open("tr").el("th", "Step").el("th", "Result").el("th", "Detail").el("th",
                "Remedy").close("tr");
        for (ConnectionTestStep step : steps) {
            h.open("tr", "class", step.passed() ? "pass" : "fail");
            h.el("td", step.name());
            h.el("td", step.passed() ? "Passed" : "Failed (" + step.code().number() + ")");
            h.el("td", step.detail());
            h.el("td", step.passed() ? "" : step.code().title() + ". "
                    + a.remedy(step.code().remedy()));
            h.close("tr");
        }
        h.close("table");
    }
}
