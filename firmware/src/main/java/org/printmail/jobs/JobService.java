package org.printmail.jobs;

import java.util.List;
import java.util.Optional;

import org.printmail.auth.AccountPurpose;

/**
 * The jobs facade used by the panel, Web Config and firmware: preflight, durable submission and
 * the job log. An accepted job is on disk before {@link #submit} returns.
 */
public interface JobService extends AutoCloseable {

    /** Checks the sign-in and settings a job of this type will need, before any page is scanned. */
    Preflight preflight(JobType type, Optional<String> user);

    /**
     * Records in the job log that a job was refused at preflight (the panel refused to start the
     * scan), so Job Status shows the code the user saw.
     */
    JobLogEntry recordRefusal(JobType type, Optional<String> user, Preflight refusal);

    /** Refuses at once (job log: REFUSED with the code) or queues durably and returns. */
    JobTicket submit(JobRequest request);

    /** Jobs not yet finished. */
    List<JobView> outbox();

    /** The job log, newest first (bounded, default 500 entries). */
    List<JobLogEntry> jobLog();

    void addListener(JobListener listener);

    /**
     * Web Config's Connection Test for the device mailbox or the fax server's account, through the
     * transport that account sends with (SMTP or Microsoft Graph). Sends nothing.
     */
    List<ConnectionCheck> connectionTest(AccountPurpose account);

    @Override
    void close();
}
