package org.printmail.jobs;

/** How a job ended, as the job log shows it. */
public enum JobResult {
    SENT,
    /** Delivered to some recipients; the others were rejected (code 387). */
    PARTIAL,
    FAILED,
    /** Refused at submission (preflight), nothing was queued. */
    REFUSED
}
