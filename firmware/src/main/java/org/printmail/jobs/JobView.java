package org.printmail.jobs;

import java.time.Instant;

/** A job still in the outbox, as Job Status shows it. */
public record JobView(String jobId, JobType type, JobState state, Instant submitted, int attempts,
                      int lastCode, String lastMessage, Instant nextAttempt) {
}
