package org.printmail.jobs;

/** Lets tests in other packages send the outbox's due jobs now, instead of waiting for its worker. */
public final class OutboxAccess {
    private OutboxAccess() { }

    public static void runDue(JobService jobs) { ((Outbox) jobs).runDue(); }
}
