package org.printmail.jobs;

import java.time.Instant;

import org.printmail.i18n.Messages;
import org.printmail.i18n.Text;

/**
 * A job still in the outbox, as Job Status shows it.
 *
 * @param lastMessageText what the last attempt met, in any language
 */
public record JobView(String jobId, JobType type, JobState state, Instant submitted, int attempts,
                      int lastCode, Text lastMessageText, Instant nextAttempt) {
    public JobView {
        lastMessageText = lastMessageText == null ? Text.literal("") : lastMessageText;
    }

    /** A view whose last message is English text (shown as it is). */
    public JobView(String jobId, JobType type, JobState state, Instant submitted, int attempts,
                   int lastCode, String lastMessage, Instant nextAttempt) {
        this(jobId, type, state, submitted, attempts, lastCode, Text.literal(lastMessage), nextAttempt);
    }

    /** The last message in English, for logs. */
    public String lastMessage() { return Messages.stripDirectionalControls(lastMessageText.toString()); }

    /** The state's name, in any language ({@code jobs.state.<STATE>}). */
    public Text stateText() { return state.labelText(); }
}
