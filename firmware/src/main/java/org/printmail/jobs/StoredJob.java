package org.printmail.jobs;

import java.time.Instant;
import java.util.List;

import org.printmail.i18n.Text;

/**
 * A job as the outbox keeps it on disk: the request (with spooled, encrypted files), its state,
 * attempts and timing. The Message-ID is fixed at submission and reused on every attempt.
 *
 * @param lastMessage what the last attempt met, as a text (an old entry's English string reads as a literal)
 */
record StoredJob(String jobId, JobType type, Instant submitted, JobState state, int attempts,
                 Instant nextAttempt, Instant holdUntil, Instant deadline, int lastCode, Text lastMessage,
                 String messageId, List<String> to, String subject, String body, String event,
                 String detail, List<String> faxNumbers, String user, List<SpooledFile> files) {

    /** One spooled attachment: its display name, type, plaintext size and spool file name. */
    record SpooledFile(String name, String contentType, long size, String spoolName) { }

    /** A damaged entry fails here, so loading sets it aside instead of crashing the outbox. */
    StoredJob {
        if (jobId == null || type == null || submitted == null || state == null || nextAttempt == null
                || holdUntil == null || deadline == null || messageId == null) {
            throw new IllegalArgumentException("outbox entry is missing required fields");
        }
        if (type == JobType.NOTIFICATION) {
            DeviceEvent.valueOf(String.valueOf(event)); // IllegalArgumentException for a damaged event
        }
        to = to == null ? List.of() : List.copyOf(to);
        faxNumbers = faxNumbers == null ? List.of() : List.copyOf(faxNumbers);
        files = files == null ? List.of() : List.copyOf(files);
        lastMessage = lastMessage == null ? Text.literal("") : lastMessage;
    }

    /** The next state, with an English message shown as it is. */
    StoredJob next(JobState newState, Instant nextAt, int code, String message) {
        return next(newState, nextAt, code, Text.literal(message));
    }

    StoredJob next(JobState newState, Instant nextAt, int code, Text message) {
        return new StoredJob(jobId, type, submitted, newState, attempts, nextAt, holdUntil, deadline, code,
                message, messageId, to, subject, body, event, detail, faxNumbers, user, files);
    }

    /** The same job for fewer recipients (the ones still to be served). */
    StoredJob withRecipients(List<String> newTo, List<String> newFaxNumbers) {
        return new StoredJob(jobId, type, submitted, state, attempts, nextAttempt, holdUntil, deadline, lastCode,
                lastMessage, messageId, newTo, subject, body, event, detail, newFaxNumbers, user, files);
    }

    StoredJob attempted() {
        return new StoredJob(jobId, type, submitted, JobState.SENDING, attempts + 1, nextAttempt, holdUntil,
                deadline, lastCode, lastMessage, messageId, to, subject, body, event, detail, faxNumbers,
                user, files);
    }

    JobView view() {
        return new JobView(jobId, type, state, submitted, attempts, lastCode, lastMessage, nextAttempt);
    }
}
