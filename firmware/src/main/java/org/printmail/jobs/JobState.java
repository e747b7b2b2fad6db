package org.printmail.jobs;

/** The lifecycle of one job in the outbox. */
public enum JobState {
    QUEUED, SENDING, RETRY_WAIT, HELD_FOR_SIGN_IN, SENT, FAILED;

    public boolean isFinal() { return this == SENT || this == FAILED; }
}
