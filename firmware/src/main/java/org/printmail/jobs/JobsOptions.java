package org.printmail.jobs;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the outbox runs.
 *
 * @param retryBase  first retry delay; doubles per attempt (with jitter) up to {@code retryCap}
 * @param workerTick how often the worker looks for due jobs when nothing wakes it
 */
public record JobsOptions(Path dataDir, Duration retryBase, Duration retryCap, Duration workerTick,
                          boolean startWorker) {
    public static JobsOptions defaults(Path dataDir) {
        return new JobsOptions(dataDir, Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofSeconds(1), true);
    }

    public JobsOptions withWorker(boolean start) {
        return new JobsOptions(dataDir, retryBase, retryCap, workerTick, start);
    }
}
