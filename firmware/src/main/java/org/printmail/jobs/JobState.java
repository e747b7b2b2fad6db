package org.printmail.jobs;

import org.printmail.i18n.Text;

/** The lifecycle of one job in the outbox. */
public enum JobState {
    QUEUED, SENDING, RETRY_WAIT, HELD_FOR_SIGN_IN, SENT, FAILED;

    public boolean isFinal() { return this == SENT || this == FAILED; }

    /** How Job Status words this state, in any language ({@code jobs.state.<name>}). */
    public Text labelText() { return Text.of("jobs.state." + name().toLowerCase(java.util.Locale.ROOT)); }
}
