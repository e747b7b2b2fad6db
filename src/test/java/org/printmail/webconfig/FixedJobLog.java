package org.printmail.webconfig;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.printmail.jobs.JobListener;
import org.printmail.jobs.JobLogEntry;
import org.printmail.jobs.JobRequest;
import org.printmail.jobs.JobService;
import org.printmail.jobs.JobTicket;
import org.printmail.jobs.JobType;
import org.printmail.jobs.JobView;
import org.printmail.jobs.Preflight;

/** A job service whose log the test fills, for the Job Log page tests. */
final class FixedJobLog implements JobService {
    final List<JobLogEntry> log = new CopyOnWriteArrayList<>();

    @Override
    public Preflight preflight(JobType type, Optional<String> user) { return Preflight.ok(); }

    @Override
    public JobTicket submit(JobRequest request) { throw new UnsupportedOperationException("not used by Web Config"); }

    @Override
    public List<JobView> outbox() { return List.of(); }

    @Override
    public List<JobLogEntry> jobLog() { return List.copyOf(log); }

    @Override
    public JobLogEntry recordRefusal(org.printmail.jobs.JobType type, java.util.Optional<String> user,
                                     org.printmail.jobs.Preflight refusal) {
        throw new UnsupportedOperationException("Web Config does not refuse jobs");
    }

    @Override
    public void addListener(JobListener listener) { }

    @Override
    public void close() { }
}
