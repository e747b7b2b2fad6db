package org.printmail.jobs;

/** Notified when a job changes state or ends with a job-log entry. */
public interface JobListener {
    JobListener NONE = new JobListener() { };

    default void jobChanged(JobView job) { }

    default void jobLogged(JobLogEntry entry) { }
}
