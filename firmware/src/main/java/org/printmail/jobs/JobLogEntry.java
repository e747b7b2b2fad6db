package org.printmail.jobs;

import java.time.Instant;

/**
 * One line of the job log (Job Status > Job Log). No tokens, no message bodies.
 *
 * @param code the job-log code number (0 when sent, 360/361/370, or one of {@code docs/error-codes.md})
 */
public record JobLogEntry(String jobId, JobType type, Instant time, String account, int recipientCount,
                          JobResult result, int code, String message, String remedy) {
}
