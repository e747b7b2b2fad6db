package org.printmail.webconfig;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.printmail.jobs.JobLogEntry;

/** Job Status > Job Log: newest first, with each failure's code and remedy. */
final class JobLogPage {
    static final String PATH = "/job-log";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final Layout layout;
    private final WebConfigBackend backend;

    JobLogPage(Layout layout, WebConfigBackend backend) {
        this.layout = layout;
        this.backend = backend;
    }

    void register(Dispatcher d) {
        d.get(PATH, Dispatcher.Access.ADMIN, this::render);
    }

    /** The addresses (encoded by {@link Html}); older lines without them show the count. */
    private static String recipients(JobLogEntry e) {
        return e.recipients().isEmpty() ? Integer.toString(e.recipientCount())
                : String.join(", ", e.recipients());
    }

    private Response render(Request r) {
        return layout.page(r, "Job Status > Job Log", h -> {
            h.open("table", "class", "list", "id", "job-log");
            h.open("tr").el("th", "Time (UTC)").el("th", "Job ID").el("th", "Job")
                    .el("th", "Account").el("th",
                    "Recipients")
                    .el("th", "Result").el("th", "Code").el("th", "Message").el("th",
                            "Remedy").close("tr");
            for (JobLogEntry e : backend.jobs().jobLog()) {
                h.open("tr", "class", e.code() == 0 ? "pass" : "fail");
                h.el("td", TIME.format(e.time())).el("td", e.jobId(), "class", "job-id")
                        .el("td", e.type().displayName()).el("td", e.account())
                        .el("td", recipients(e), "class", "recipients").el("td", JobWords.result(e.result()))
                        .el("td",
                                e.code() == 0 ? "" : e.code())
                        .el("td", e.message()).el("td", e.remedy());
                h.close("tr");
            }
            h.close("table");
        });
    }
}
