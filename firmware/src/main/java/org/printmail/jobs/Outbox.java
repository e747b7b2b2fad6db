package org.printmail.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.printmail.auth.AccountManager;
import org.printmail.auth.AccountPurpose;
import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.codes.ServerText;
import org.printmail.config.DeviceSettings;
import org.printmail.config.SettingsStore;
import org.printmail.i18n.Text;
import org.printmail.smtp.MailSender;
import org.printmail.smtp.OutgoingMessage;
import org.printmail.smtp.SendReport;
import org.printmail.smtp.SmtpAccount;
import org.printmail.threads.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable outbox and the {@link JobService} implementation. Jobs are saved before
 * {@code submit} returns; one worker sends due jobs, retries transient failures with capped
 * exponential backoff and jitter until the deadline, and holds jobs blocked by 360/361/370 until
 * their sign-in is restored or the hold runs out. Delivery is at-least-once: see
 * {@code docs/architecture.md}.
 */
final class Outbox implements JobService {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final Text RESUMED = Text.of("jobs.resumed");
    /** A later attempt's outcome for a job a restart interrupted: "resumed after restart, then: ..." */
    private static final String RESUMED_THEN = "jobs.resumedThen";

    private final JobsOptions options;
    private final OutboxStore store;
    private final JobLog log;
    private final SpoolCipher cipher;
    private final JobAccounts accounts;
    private final MailSender sender;
    private final SettingsStore settings;
    private final Clock clock;
    private final Map<String, StoredJob> jobs = new ConcurrentHashMap<>();
    private final List<JobListener> listeners = new CopyOnWriteArrayList<>();
    private final Object wake = new Object();
    private final java.util.concurrent.atomic.AtomicBoolean releaseRequested =
            new java.util.concurrent.atomic.AtomicBoolean();
    private final JobIntake intake;
    private final RetryPolicy retry;
    private final JobComposer composer;
    private volatile boolean closed;
    private Thread worker;

    Outbox(JobsOptions options, AccountManager accountManager, MailSender sender, SettingsStore settings,
           SpoolCipher cipher, Clock clock) {
        this.options = options;
        this.store = new OutboxStore(options.dataDir().resolve("outbox"));
        this.log = new JobLog(options.dataDir().resolve("job-log.jsonl"), settings.current().jobLogSize());
        this.cipher = cipher;
        this.accounts = new JobAccounts(accountManager);
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
        this.intake = new JobIntake(store, cipher, clock);
        this.retry = new RetryPolicy(options.retryBase(), options.retryCap());
        this.composer = new JobComposer(accounts, settings, store, cipher);
        List<StoredJob> concluded = new ArrayList<>();
        OutboxStore.Loaded loaded = store.loadAll();
        for (StoredJob j : loaded.jobs()) {
            if (j.state().isFinal()) {
                concluded.add(j);
                continue;
            }
            // A job caught mid-send by a crash is due again at once, with the same Message-ID.
            jobs.put(j.jobId(), j.state() == JobState.SENDING ? j.next(JobState.QUEUED, clock.instant(),
                    j.lastCode(), RESUMED) : j);
        }
        concluded.forEach(j -> conclude(j, null));
        for (String name : loaded.setAside()) {
            String jobId = name.replaceAll("\\.json$", "");
            logEntry(jobId, JobType.SCAN_TO_EMAIL, "", List.of(), JobResult.FAILED,
                    JobCode.OUTBOX_DAMAGED, Text.of("jobs.outboxDamaged", name + ".unreadable"));
        }
        accountManager.addListener(status -> {
            if (status.state().canSend()) {
                releaseHeld();
            }
        });
    }

    void startWorker() {
        worker = DaemonThreads.start("printmail-outbox", this::workLoop);
    }

    @Override
    public Preflight preflight(JobType type, Optional<String> user) {
        return accounts.check(type, user, settings.current());
    }

    @Override
    public JobTicket submit(JobRequest request) {
        String jobId = intake.newJobId();
        String user = request instanceof JobRequest.ScanToMyEmail m ? m.user() : "";
        Preflight pre = preflight(request.type(), Optional.ofNullable(user).filter(u -> !u.isBlank()));
        boolean holdable = request.type() == JobType.NOTIFICATION && pre.code().isSignInProblem();
        if (!pre.ready() && !holdable) {
            logEntry(jobId, request.type(), accounts.accountName(request.type(), user), composer.recipients(request),
                    JobResult.REFUSED, pre.code(), pre.adminMessageText());
            return new JobTicket(jobId, false, pre);
        }
        StoredJob job;
        try {
            DeviceSettings s = settings.current();
            job = intake.accept(jobId, request, s.signInHold(), s.retryDeadline());
        } catch (PrintmailException e) {
            logEntry(jobId, request.type(), "", composer.recipients(request), JobResult.REFUSED, e.code(),
                    e.detailText());
            return new JobTicket(jobId, false, Preflight.refused(e.code(), e.detailText()));
        }
        jobs.put(jobId, job);
        publish(job);
        wakeWorker();
        return new JobTicket(jobId, true, pre);
    }

    @Override
    public JobLogEntry recordRefusal(JobType type, Optional<String> user, Preflight refusal) {
        String jobId = intake.newJobId();
        return logEntry(jobId, type, accounts.accountName(type, user.orElse("")), List.of(),
                JobResult.REFUSED, refusal.code(), refusal.adminMessageText());
    }

    @Override
    public List<JobView> outbox() {
        return jobs.values().stream().sorted(java.util.Comparator.comparing(StoredJob::submitted))
                .map(StoredJob::view).toList();
    }

    @Override
    public List<JobLogEntry> jobLog() { return log.entries(); }

    @Override
    public void addListener(JobListener listener) { listeners.add(listener); }

    /** Sends every job that is due now; the worker calls this, tests call it with a moved clock. */
    synchronized void runDue() {
        releaseHeldNow();
        Instant now = clock.instant();
        List<StoredJob> due = jobs.values().stream()
                .filter(j -> !j.state().isFinal() && j.state() != JobState.SENDING && !j.nextAttempt().isAfter(now))
                .sorted(java.util.Comparator.comparing(StoredJob::submitted).thenComparing(StoredJob::jobId))
                .toList();
        Map<List<String>, List<StoredJob>> alerts = new LinkedHashMap<>();
        for (StoredJob j : due) {
            if (closed) {
                return;
            }
            if (j.type() == JobType.NOTIFICATION) {
                alerts.computeIfAbsent(composer.alertRecipients(j), k -> new ArrayList<>()).add(j);
            } else {
                guarded(List.of(j));
            }
        }
        alerts.values().forEach(this::guarded);
    }

    /**
     * An attempt that fails in an unexpected way (the outbox disk full while recording it, say)
     * must not leave its jobs stuck in SENDING: they go back to waiting, in memory at least.
     */
    private void guarded(List<StoredJob> group) {
        try {
            attempt(group);
        } catch (RuntimeException | Error e) {
            LOG.warn("Outbox: attempt for {} failed unexpectedly ({}); retrying later", group.get(0).jobId(),
                    e.getClass().getSimpleName());
            Instant later = clock.instant().plus(retry.backoff(1, JobCode.PROTOCOL_ERROR));
            for (StoredJob j : group) {
                StoredJob now = jobs.get(j.jobId());
                if (now != null && now.state() == JobState.SENDING) {
                    StoredJob back = now.next(JobState.RETRY_WAIT, later, JobCode.PROTOCOL_ERROR.number(),
                            keepResumed(now, Text.of("jobs.notRecorded", e.getClass().getSimpleName())));
                    jobs.put(j.jobId(), back);
                    try {
                        store.save(back);
                    } catch (RuntimeException ignored) {
                        // still waiting in memory; the disk copy says SENDING, which restarts it too
                    }
                }
            }
            if (e instanceof VirtualMachineError v) {
                throw v;
            }
        }
    }

    @Override
    public List<ConnectionCheck> connectionTest(AccountPurpose account) {
        return sender.connectionTest(accounts.testAccount(account, settings.current())).stream()
                .map(step -> new ConnectionCheck(step.nameText(), step.passed(), step.code(), step.detailText()))
                .toList();
    }

    /** One send for one job, or for a burst of alerts coalesced into a digest. */
    private void attempt(List<StoredJob> group) {
        List<StoredJob> sending = new ArrayList<>();
        for (StoredJob j : group) {
            StoredJob a = j.attempted();
            save(a);
            sending.add(a);
        }
        StoredJob first = sending.get(0);
        SendReport report;
        try {
            DeviceSettings s = settings.current();
            SmtpAccount account = accounts.smtpAccount(first.type(), first.user(), s);
            OutgoingMessage msg = composer.message(sending, s);
            report = sender.send(account, msg);
        } catch (PrintmailException e) {
            JobCode code = JobComposer.spoolDamaged(e) ? JobCode.SPOOL_DAMAGED : e.code();
            Text detail = JobLogText.detail(e);
            sending.forEach(j -> failedAttempt(j, code, detail, e.retryAfter()));
            return;
        } catch (RuntimeException e) {
            LOG.warn("Job {} attempt failed unexpectedly: {}", first.jobId(), e.getClass().getSimpleName());
            sending.forEach(j -> failedAttempt(j, JobCode.PROTOCOL_ERROR,
                    Text.of("jobs.unexpected", e.getClass().getSimpleName())));
            return;
        }
        // Delivered: from here on nothing may turn the job back into a retry.
        for (StoredJob j : sending) {
            finished(j, report, sending.size());
        }
    }

    private void finished(StoredJob j, SendReport report, int groupSize) {
        if (groupSize == 1 && retryLater(j, report)) {
            return;
        }
        boolean partial = !report.rejected().isEmpty();
        Text msg = groupSize > 1 ? Text.of("jobs.sentInDigest", groupSize) : Text.of("jobs.sent");
        if (interruptedBefore(j)) {
            msg = Text.of("jobs.sentAgain", msg);
        }
        if (report.parts() > 1) {
            msg = Text.of("jobs.sentAsParts", report.parts(), msg);
        }
        if (partial) {
            msg = Text.of("jobs.sentButRejected", msg, String.join(", ", report.rejected().stream()
                    .map(r -> r.address() + " (" + ServerText.clean(r.serverReply()) + ")")
                    .toList()));
        }
        JobCode code = partial ? JobCode.RECIPIENT_REJECTED : JobCode.OK;
        // Recorded as sent before the log line, so a crash in between neither resends nor loses the line.
        StoredJob done = j.next(JobState.SENT, j.nextAttempt(), code.number(), msg);
        try {
            save(done);
        } catch (RuntimeException e) {
            // The outbox disk failed after the server took the message: log it as sent anyway. The
            // disk copy still says SENDING, so a restart resends it (at least once, same Message-ID).
            LOG.warn("Outbox: could not record job {} as sent ({})", j.jobId(), e.getClass().getSimpleName());
            jobs.put(done.jobId(), done);
        }
        List<String> to = new ArrayList<>(report.accepted());
        report.rejected().forEach(r -> to.add(r.address()));
        conclude(done, to);
    }

    /**
     * Recipients refused only for now (a 4xx at RCPT) are not given up: the job stays queued for
     * them alone, with the same Message-ID, while the others already have it.
     */
    private boolean retryLater(StoredJob j, SendReport report) {
        List<String> again = report.rejected().stream()
                .filter(r -> r.code().disposition() == JobCode.Disposition.RETRY).map(r -> r.address()).toList();
        if (again.isEmpty() || (j.type() != JobType.SCAN_TO_EMAIL && j.type() != JobType.FAX)) {
            return false;
        }
        StoredJob narrowed = j.type() == JobType.SCAN_TO_EMAIL ? j.withRecipients(again, j.faxNumbers())
                : j.withRecipients(j.to(), j.faxNumbers().stream().filter(n -> again.contains(
                        JobMessages.faxAddress(settings.current().faxAddressPattern(), n))).toList());
        Text detail = Text.of("jobs.refusedForNow", report.accepted().size(), String.join(", ", again));
        failedAttempt(narrowed, JobCode.SERVER_BUSY, detail);
        return true;
    }

    private void failedAttempt(StoredJob j, JobCode code, Text detail) {
        failedAttempt(j, code, detail, java.util.Optional.empty());
    }

    private void failedAttempt(StoredJob j, JobCode code, Text failure,
                               java.util.Optional<java.time.Duration> retryAfter) {
        Text detail = keepResumed(j, failure);
        RetryPolicy.Decision d = retry.after(j, code, detail, clock.instant());
        if (d.state() == JobState.RETRY_WAIT && retryAfter.isPresent()
                && d.nextAttempt().isBefore(clock.instant().plus(retryAfter.get()))) {
            // The server said when (Retry-After): no sooner than that.
            d = new RetryPolicy.Decision(d.state(), clock.instant().plus(retryAfter.get()), d.message());
        }
        if (d.state() == JobState.FAILED) {
            failed(j, code, d.message());
        } else {
            save(j.next(d.state(), d.nextAttempt(), code.number(), d.message()));
            if (d.state() == JobState.HELD_FOR_SIGN_IN) {
                loggedAsHeld(j, code, d.nextAttempt(), d.message());
            }
        }
    }

    /**
     * A held job shows in the Job Log at once, with its code and what releases it, not only
     * when the hold ends; one HELD line per code, then the job's final line.
     */
    private void loggedAsHeld(StoredJob j, JobCode code, Instant holdUntil, Text detail) {
        boolean already = log.entries().stream().anyMatch(e -> e.jobId().equals(j.jobId())
                && e.result() == JobResult.HELD && e.code() == code.number());
        if (!already) {
            String account = accounts.accountName(j.type(), j.user());
            logEntry(j.jobId(), j.type(), account, composer.recipients(j, account), JobResult.HELD,
                    code, JobLogText.held(detail, holdUntil, code));
        }
    }

    private void failed(StoredJob j, JobCode code, Text detail) {
        StoredJob done = j.next(JobState.FAILED, j.nextAttempt(), code.number(), detail);
        save(done);
        conclude(done, null);
    }

    /**
     * Whether a restart interrupted an earlier attempt of this job, so the recipient may already
     * have a copy: its last message says so, and keeps saying so through later failed attempts.
     */
    private static boolean interruptedBefore(StoredJob j) {
        return RESUMED.equals(j.lastMessage()) || RESUMED_THEN.equals(j.lastMessage().key());
    }

    /** A failed attempt's detail, still saying that a restart interrupted an earlier one. */
    private static Text keepResumed(StoredJob j, Text detail) {
        return interruptedBefore(j) ? Text.of(RESUMED_THEN, detail) : detail;
    }

    /** A code read back from disk; one this firmware does not know (after a downgrade) reads as 391. */
    private static JobCode codeOf(int number) {
        try {
            return number == 0 ? JobCode.OK : JobCode.byNumber(number);
        } catch (IllegalArgumentException e) {
            return JobCode.PROTOCOL_ERROR;
        }
    }

    /**
     * Writes the job's final log line (unless a crash left it written already) and drops the job.
     *
     * @param recipients the recipients the server answered for, or null for the job's own list
     */
    private void conclude(StoredJob j, List<String> recipients) {
        boolean logged = log.entries().stream().anyMatch(e -> e.jobId().equals(j.jobId())
                && e.result() != JobResult.HELD);
        if (!logged) {
            JobCode code = codeOf(j.lastCode());
            JobResult result = j.state() == JobState.FAILED ? JobResult.FAILED
                    : code == JobCode.RECIPIENT_REJECTED ? JobResult.PARTIAL : JobResult.SENT;
            String account = accounts.accountName(j.type(), j.user());
            List<String> to = recipients == null ? composer.recipients(j, account) : recipients;
            logEntry(j.jobId(), j.type(), account, to, result, code, j.lastMessage());
        }
        remove(j);
    }

    /**
     * Called on the auth thread when an account can send again. Only the sending thread changes
     * job states, so this just asks it to release held jobs on its next pass.
     */
    private void releaseHeld() {
        releaseRequested.set(true);
        wakeWorker();
    }

    private void releaseHeldNow() {
        if (!releaseRequested.getAndSet(false)) {
            return;
        }
        Instant now = clock.instant();
        jobs.values().stream().filter(j -> j.state() == JobState.HELD_FOR_SIGN_IN)
                .forEach(j -> save(j.next(JobState.QUEUED, now, j.lastCode(), Text.of("jobs.signInRestored"))));
    }

    private void save(StoredJob j) {
        store.save(j);
        jobs.put(j.jobId(), j);
        publish(j);
    }

    private void remove(StoredJob j) {
        jobs.remove(j.jobId());
        store.delete(j);
    }

    private JobLogEntry logEntry(String jobId, JobType type, String account,
                                 List<String> recipients, JobResult result, JobCode code,
                                 Text message) {
        // The code and the detail only: the remedy follows from them when the line is shown.
        JobLogEntry e = new JobLogEntry(jobId, type, clock.instant(),
                account == null ? "" : account, recipients.size(), result, code.number(),
                message == null ? Text.literal("") : message, null, recipients);
        log.append(e);
        LOG.info("Job {} {} {} code {}", jobId, type, result, code.number());
        listeners.forEach(l -> l.jobLogged(e));
        return e;
    }

    private void publish(StoredJob j) { listeners.forEach(l -> l.jobChanged(j.view())); }

    private void wakeWorker() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void workLoop() {
        while (!closed) {
            try {
                runDue();
                synchronized (wake) {
                    wake.wait(options.workerTick().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // The worker must outlive anything one pass throws; a job log without it stops.
                LOG.warn("Outbox worker recovered from {}", e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        wakeWorker();
        if (worker != null) {
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
