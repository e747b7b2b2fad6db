package org.printmail.panel;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.printmail.i18n.Language;
import org.printmail.i18n.Messages;
import org.printmail.i18n.Text;
import org.printmail.jobs.JobLogEntry;
import org.printmail.jobs.JobView;

/**
 * Job Status > Job Status: jobs still queued, then the job log with codes and remedies, in the
 * reader's language. Columns are separated by two spaces rather than padded: padding cannot line
 * up text that runs right to left.
 */
public final class JobStatusScreen {
    private static final String GAP = "  ";

    private JobStatusScreen() { }

    /** In English, times in UTC. */
    public static String render(List<JobView> queued, List<JobLogEntry> log) {
        return render(Messages.of(Language.ENGLISH), ZoneOffset.UTC, queued, log);
    }

    public static String render(Messages language, ZoneId zone, List<JobView> queued,
                                List<JobLogEntry> log) {
        Messages m = language.inZone(zone); // times inside sentences too (a held job's deadline)
        String title = m.text("panel.menu.jobStatus");
        StringBuilder sb = new StringBuilder("== ").append(ControlPanel.path(m, title, title))
                .append(" ==\n");
        if (!queued.isEmpty()) {
            sb.append(m.text("panel.jobs.inProgress")).append('\n');
            for (JobView j : queued) {
                sb.append(GAP).append(Messages.isolate(j.jobId()))
                        .append(GAP).append(m.render(j.type().displayNameText()))
                        .append(GAP).append(m.render(j.stateText()))
                        .append(GAP).append(m.count("panel.jobs.attempts", j.attempts()));
                if (j.lastCode() != 0) {
                    sb.append(GAP).append(m.render(Text.of("panel.jobs.lastCode", j.lastCode(), j.lastMessageText())));
                }
                sb.append('\n');
            }
        }
        sb.append(m.text("panel.jobs.log")).append('\n');
        if (log.isEmpty()) {
            sb.append(GAP).append(m.text("panel.jobs.empty")).append('\n');
        }
        for (JobLogEntry e : log) {
            sb.append(GAP).append(Messages.isolate(m.dateTime(e.time(), zone)))
                    .append(GAP).append(Messages.isolate(e.jobId()))
                    .append(GAP).append(m.render(e.type().displayNameText()))
                    .append(GAP).append(m.render(e.result().labelText()))
                    .append(GAP).append(m.text("panel.jobs.code", e.code()))
                    .append(GAP).append(m.render(e.detailText())).append('\n');
            String remedy = m.render(e.remedyText());
            if (!remedy.isEmpty()) {
                sb.append(GAP).append(GAP).append(GAP).append(m.render(Text.of("panel.remedy", e.remedyText())))
                        .append('\n');
            }
        }
        return sb.toString();
    }
}
