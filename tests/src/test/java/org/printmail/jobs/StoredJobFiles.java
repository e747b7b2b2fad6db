package org.printmail.jobs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.printmail.codes.JobCode;
import org.printmail.i18n.Text;

/**
 * Job-log lines and an outbox entry written into a data folder by the firmware's own classes, as
 * a device that has worked for a while holds them (for tests that boot a configured device).
 */
public final class StoredJobFiles {
    private StoredJobFiles() { }

    /** Appends one line per result to {@code job-log.jsonl}, in the current format. */
    public static void jobLog(Path dataDir, Instant time, String account) {
        JobLog log = new JobLog(dataDir.resolve("job-log.jsonl"), 500);
        log.append(new JobLogEntry("J20261204-090000-aaaaaa", JobType.SCAN_TO_EMAIL, time, account, 1,
                JobResult.SENT, 0, Text.of("jobs.sent"), null, List.of("a@contoso.example")));
        log.append(new JobLogEntry("J20261204-091500-bbbbbb", JobType.FAX, time.plusSeconds(60), account, 2,
                JobResult.FAILED, JobCode.SIGN_IN_EXPIRED.number(), JobLogText.held(Text.of("jobs.sent"),
                time.plusSeconds(86400), JobCode.SIGN_IN_EXPIRED), null, List.of("+1 555 0100", "+1 555 0101")));
    }

    /**
     * Saves one job to {@code outbox/}, waiting to retry a day after {@code now}: the device loads it
     * at boot and does not try it meanwhile.
     */
    public static String outboxEntry(Path dataDir, Instant now) {
        String id = "J20261204-100000-cccccc";
        new OutboxStore(dataDir.resolve("outbox")).save(new StoredJob(id, JobType.SCAN_TO_EMAIL, now,
                JobState.RETRY_WAIT, 1, now.plusSeconds(86400), now.plusSeconds(2 * 86400),
                now.plusSeconds(2 * 86400), 384, Text.of("jobs.resumed"), "<" + id + "@printmail>",
                List.of("a@contoso.example"), "Scan", "", null, null, List.of(), null, List.of()));
        return id;
    }
}
