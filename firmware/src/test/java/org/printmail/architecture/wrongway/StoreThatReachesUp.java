package org.printmail.architecture.wrongway;

import org.printmail.jobs.JobService;

/** A deliberate wrong-way import (a lower layer using jobs), for the rule's own test. */
public final class StoreThatReachesUp {
    private StoreThatReachesUp() {
    }

    public static Class<?> reachesUp() {
        return JobService.class;
    }
}
