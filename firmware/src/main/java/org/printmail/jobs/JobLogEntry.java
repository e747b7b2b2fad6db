package org.printmail.jobs;

import java.time.Instant;
import java.util.List;

/**
 * One line of the job log (Job Status > Job Log). No tokens, no message bodies.
 *
 * @param code       the job-log code number (0 when sent, 360/361/370, or one of
 *                   {@code docs/error-codes.md})
 * @param recipients the addresses (fax numbers for a fax) the job was for, shown to the
 *                   administrator; empty in lines written before this field existed
 */
public record JobLogEntry(String jobId, JobType type, Instant time, String account, int recipientCount,
                          JobResult result, int code, String message, String remedy,
                          List<String> recipients) {
    public JobLogEntry {
        recipients = recipients == null ? List.of()
                : recipients.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** A line without the recipients' addresses. */
    public JobLogEntry(String jobId, JobType type, Instant time, String account, int recipientCount,
                       JobResult result, int code, String message, String remedy) {
        this(jobId, type, time, account, recipientCount, result, code, message, remedy, List.of());
    }
}
