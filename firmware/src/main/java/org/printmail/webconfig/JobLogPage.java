package org.printmail.webconfig;

import java.time.ZoneOffset;
import java.util.List;

import org.printmail.codes.JobCode;
import org.printmail.i18n.Messages;
import org.printmail.i18n.Text;
import org.printmail.jobs.JobLogEntry;

/**
 * Job Status > Job Log: newest first, with each failure's code and remedy. The log stores codes
 * and parameters, never a sentence: each line is put into words here, in the reader's language,
 * whatever language the device spoke when the job ran. Job ids, accounts and recipients are data
 * and are isolated.
 */
final class JobLogPage {
    static final String PATH = "/job-log";

    private final Layout layout;
    private final WebConfigBackend backend;

    JobLogPage(Layout layout, WebConfigBackend backend) {
        this.layout = layout;
        this.backend = backend;
    }

    void register(Dispatcher d) {
        d.get(PATH, Dispatcher.Access.ADMIN, this::render);
    }

    /** The code's title; nothing for a job that was sent or a code this firmware does not know. */
    private static String title(Messages m, int code) {
        if (code == 0) {
            return "";
        }
        try {
            return m.render(JobCode.byNumber(code).titleText());
        } catch (IllegalArgumentException unknown) {
            return "";
        }
    }

    /**
     * A sentence of the line in the reader's language. A line from before the catalogue holds
     * English sentences as they were written: shown as written, isolated like any other data.
     */
    private static String shown(Messages m, Text t) {
        if (!t.isLiteral()) {
            return m.render(t);
        }
        return t.value().isEmpty() ? "" : Messages.isolate(t.value());
    }

    /**
     * The addresses, each isolated ({@code a, b, c} in the reader's punctuation); older lines
     * without them show how many there were.
     */
    private static String recipients(Messages m, JobLogEntry e) {
        List<String> to = e.recipients();
        if (to.isEmpty()) {
            return m.count("webpages.joblog.recipientCount", e.recipientCount());
        }
        if (to.size() == 1) {
            return Messages.isolate(to.get(0));
        }
        Text list = Text.literal(to.get(0));
        for (int i = 1; i < to.size(); i++) {
            list = Text.of("webpages.common.list", list, Text.literal(to.get(i)));
        }
        return m.render(list);
    }

    private Response render(Request r) {
        Messages m = r.messages();
        List<JobLogEntry> log = backend.jobs().jobLog();
        return layout.page(r, m.text("common.menu.jobLog"), h -> {
            h.el("p", log.isEmpty() ? m.text("webpages.joblog.empty")
                    : m.count("webpages.joblog.entries", log.size()), "id", "job-log-summary");
            h.open("table", "class", "list", "id", "job-log");
            h.open("tr");
            for (String column : List.of("time", "jobId", "job", "account", "recipients", "result", "code",
                    "message", "remedy")) {
                h.el("th", m.text("webpages.joblog.column." + column));
            }
            h.close("tr");
            for (JobLogEntry e : log) {
                h.open("tr", "class", e.code() == 0 ? "pass" : "fail");
                h.el("td", m.dateTime(e.time(), ZoneOffset.UTC), "class", "time");
                h.open("td", "class", "job-id").ltr(e.jobId()).close("td");
                h.el("td", m.render(e.type().displayNameText()));
                h.open("td", "class", "account").ltr(e.account()).close("td");
                h.el("td", recipients(m, e), "class", "recipients");
                h.el("td", m.render(e.result().labelText()));
                h.el("td", e.code() == 0 ? "" : e.code());
                // The title and what happened, each a sentence of its own: no punctuation joins them.
                h.open("td", "class", "message");
                String title = title(m, e.code());
                String detail = shown(m, e.detailText());
                if (!title.isEmpty()) {
                    h.el("span", title, "class", "code-title");
                    if (!detail.isEmpty()) {
                        h.empty("br");
                    }
                }
                h.text(detail).close("td");
                h.el("td", shown(m, e.remedyText()), "class", "remedy");
                h.close("tr");
            }
            h.close("table");
        });
    }
}
