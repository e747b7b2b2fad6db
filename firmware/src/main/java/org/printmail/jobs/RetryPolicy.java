package org.printmail.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.printmail.codes.JobCode;
import org.printmail.i18n.Text;

/**
 * What happens to a job after a failed attempt, by its code's disposition: retry after a capped
 * exponential backoff with jitter until the deadline, hold until the sign-in is back or the hold
 * runs out, or fail now.
 */
final class RetryPolicy {
    /** The decision: the job's next state, when it is due again, and the log message if it ends. */
    record Decision(JobState state, Instant nextAttempt, Text message) { }

    private final Duration base;
    private final Duration cap;

    RetryPolicy(Duration base, Duration cap) {
        this.base = base;
        this.cap = cap;
    }

    Decision after(StoredJob j, JobCode code, Text detail, Instant now) {
        return switch (code.disposition()) {
            case RETRY -> now.isAfter(j.deadline())
                    ? new Decision(JobState.FAILED, now, Text.of("jobs.gaveUp", j.attempts(), detail))
                    : new Decision(JobState.RETRY_WAIT, now.plus(backoff(j.attempts(), code)), detail);
            case HOLD_FOR_SIGN_IN -> now.isBefore(j.holdUntil())
                    ? new Decision(JobState.HELD_FOR_SIGN_IN, j.holdUntil(), detail)
                    : new Decision(JobState.FAILED, now, Text.of("jobs.holdEnded", detail));
            default -> new Decision(JobState.FAILED, now, detail);
        };
    }

    /** Doubling from the base, capped, then jittered into [half, whole] so devices do not retry in step. */
    Duration backoff(int attempts, JobCode code) {
        long doubled = base.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        long capped = Math.min(doubled, cap.toMillis());
        Duration d = Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
        // A daily quota does not reset in minutes: look again at most hourly.
        return code == JobCode.DAILY_LIMIT && d.compareTo(Duration.ofHours(1)) < 0 ? Duration.ofHours(1) : d;
    }
}
