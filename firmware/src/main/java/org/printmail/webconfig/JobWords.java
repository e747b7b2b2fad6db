package org.printmail.webconfig;

import org.printmail.jobs.JobResult;
import org.printmail.jobs.JobState;

/** How the admin reads a job's result and state: words, not enum names. */
final class JobWords {
    private JobWords() { }

    static String result(JobResult r) {
        return switch (r) {
            case SENT -> "Sent";
            case PARTIAL -> "Sent to some recipients";
            case FAILED -> "Failed";
            case REFUSED -> "Refused (not queued)";
            case HELD -> "Held until the account is signed in again";
        };
    }

    static String state(JobState s) {
        return switch (s) {
            case QUEUED -> "Waiting to be sent";
            case SENDING -> "Sending";
            case RETRY_WAIT -> "Waiting to try again";
            case HELD_FOR_SIGN_IN -> "Held until the account is signed in again";
            case SENT -> "Sent";
            case FAILED -> "Failed";
        };
    }
}
