package org.printmail.jobs;

/** What {@code submit} returns: the job id and whether it was queued or refused. */
public record JobTicket(String jobId, boolean accepted, Preflight preflight) {
}
