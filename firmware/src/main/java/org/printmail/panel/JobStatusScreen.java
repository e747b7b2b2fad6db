package org.printmail.panel;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.printmail.jobs.JobLogEntry;
import org.printmail.jobs.JobView;

/** Job Status > Job Status: jobs still queued, then the job log with codes and remedies. */
public final class JobStatusScreen {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private JobStatusScreen() { }

    public static String render(List<JobView> queued, List<JobLogEntry> log) {
        StringBuilder sb = new StringBuilder("== Job Status ==\n");
        if (!queued.isEmpty()) {
            sb.append("In progress:\n");
            for (JobView j : queued) {
                sb.append(String.format(Locale.ROOT, "  %-22s %-18s %-16s attempts %d%s%n", j.jobId(),
                        j.type().displayName(), j.state(), j.attempts(),
                        j.lastCode() == 0 ? "" : "  last code " + j.lastCode() + ": " + j.lastMessage()));
            }
        }
        sb.append("Job Log (newest first):\n");
        if (log.isEmpty()) {
            sb.append("  (empty)\n");
        }
        for (JobLogEntry e : log) {
            sb.append(String.format(Locale.ROOT, "  %s  %-22s %-18s %-8s code %3d  %s%n", TIME.format(e.time()),
                    e.jobId(), e.type().displayName(), e.result(), e.code(), e.message()));
            if (!e.remedy().isEmpty()) {
                sb.append("      Remedy: ").append(e.remedy()).append('\n');
            }
        }
        return sb.toString();
    }
}
