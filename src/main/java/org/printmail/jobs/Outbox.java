package org.printmail.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import org.printmail.auth.AccountManager;
import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.config.DeviceSettings;
import org.printmail.config.SettingsStore;
import org.printmail.smtp.Attachment;
import org.printmail.smtp.MailSender;
import org.printmail.smtp.OutgoingMessage;
import org.printmail.smtp.SendReport;
import org.printmail.smtp.SmtpAccount;
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
    private static final String RESUMED = "resumed after restart";

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
        List<StoredJob> concluded = new ArrayList<>();
        for (StoredJob j : store.loadAll()) {
            if (j.state().isFinal()) {
                concluded.add(j);
                continue;
            }
            // A job caught mid-send by a crash is due again at once, with the same Message-ID.
            jobs.put(j.jobId(), j.state() == JobState.SENDING ? j.next(JobState.QUEUED, clock.instant(),
                    j.lastCode(), RESUMED) : j);
        }
        concluded.forEach(j -> conclude(j, recipientCount(j)));
        accountManager.addListener(status -> {
            if (status.state().canSend()) {
                releaseHeld();
            }
        });
    }

    void startWorker() {
        worker = new Thread(this::workLoop, "printmail-outbox");
        worker.setDaemon(true);
        worker.start();
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
            logEntry(jobId, request.type(), accounts.accountName(request.type(), user), recipients(request),
                    JobResult.REFUSED, pre.code(), pre.message());
            return new JobTicket(jobId, false, pre);
        }
        StoredJob job;
        try {
            DeviceSettings s = settings.current();
            job = intake.accept(jobId, request, s.signInHold(), s.retryDeadline());
        } catch (PrintmailException e) {
            logEntry(jobId, request.type(), "", recipients(request), JobResult.REFUSED, e.code(), e.detail());
            return new JobTicket(jobId, false, Preflight.refused(e.code(), e.detail()));
        }
        jobs.put(jobId, job);
        publish(job);
        wakeWorker();
        return new JobTicket(jobId, true, pre);
    }

    @Override
    public JobLogEntry recordRefusal(JobType type, Optional<String> user, Preflight refusal) {
        String jobId = intake.newJobId();
        return logEntry(jobId, type, accounts.accountName(type, user.orElse("")), 0, JobResult.REFUSED,
                refusal.code(), refusal.message());
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
                alerts.computeIfAbsent(alertRecipients(j), k -> new ArrayList<>()).add(j);
            } else {
                attempt(List.of(j));
            }
        }
        alerts.values().forEach(this::attempt);
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
        try {
            DeviceSettings s = settings.current();
            SmtpAccount account = accounts.smtpAccount(first.type(), first.user(), s);
            OutgoingMessage msg = message(sending, s);
            SendReport report = sender.send(account, msg);
            for (StoredJob j : sending) {
                finished(j, report, sending.size());
            }
        } catch (PrintmailException e) {
            sending.forEach(j -> failedAttempt(j, e.code(), e.detail()));
        } catch (RuntimeException e) {
            LOG.warn("Job {} attempt failed unexpectedly: {}", first.jobId(), e.getClass().getSimpleName());
            sending.forEach(j -> failedAttempt(j, JobCode.PROTOCOL_ERROR, e.getClass().getSimpleName()));
        }
    }

    private OutgoingMessage message(List<StoredJob> group, DeviceSettings s) {
        StoredJob j = group.get(0);
        return switch (j.type()) {
            case NOTIFICATION -> {
                List<String> to = alertRecipients(j);
                if (to.isEmpty()) {
                    throw new PrintmailException(JobCode.SETTINGS_INVALID,
                            "no recipients configured for " + DeviceEvent.valueOf(j.event()).displayName());
                }
                yield group.size() == 1 ? JobMessages.alert(j, to) : JobMessages.digest(group, to);
            }
            case FAX -> JobMessages.fax(j, s, attachments(j));
            case SCAN_TO_EMAIL -> JobMessages.scan(j, j.to(), attachments(j));
            case SCAN_TO_MY_EMAIL -> JobMessages.scan(j, List.of(accounts.accountName(j.type(), j.user())),
                    attachments(j));
        };
    }

    /** Spooled scan data is decrypted as the sender streams it: no plaintext copy ever touches the disk. */
    private List<Attachment> attachments(StoredJob j) {
        List<Attachment> out = new ArrayList<>();
        for (StoredJob.SpooledFile f : j.files()) {
            Path spooled = store.spoolFile(f.spoolName());
            if (!Files.isReadable(spooled)) {
                throw new PrintmailException(JobCode.SETTINGS_INVALID, "spooled scan data for " + j.jobId()
                        + " is missing");
            }
            out.add(new Attachment(f.name(), f.contentType(), f.size(), () -> cipher.open(spooled, f.spoolName())));
        }
        return out;
    }

    private void finished(StoredJob j, SendReport report, int groupSize) {
        boolean partial = !report.rejected().isEmpty();
        String msg = groupSize > 1 ? "Sent in a digest of " + groupSize + " alerts" : "Sent";
        if (RESUMED.equals(j.lastMessage())) {
            msg += " (resent after a restart interrupted the first attempt: the recipient may also have"
                    + " an earlier copy with the same Message-ID)";
        }
        if (report.parts() > 1) {
            msg += " as " + report.parts() + " messages";
        }
        if (partial) {
            msg += "; rejected: " + String.join(", ", report.rejected().stream()
                    .map(r -> r.address() + " (" + r.serverReply() + ")").toList());
        }
        JobCode code = partial ? JobCode.RECIPIENT_REJECTED : JobCode.OK;
        // Recorded as sent before the log line, so a crash in between neither resends nor loses the line.
        StoredJob done = j.next(JobState.SENT, j.nextAttempt(), code.number(), msg);
        save(done);
        conclude(done, report.accepted().size() + report.rejected().size());
    }

    private void failedAttempt(StoredJob j, JobCode code, String detail) {
        Instant now = clock.instant();
        switch (code.disposition()) {
            case RETRY -> {
                if (now.isAfter(j.deadline())) {
                    failed(j, code, "gave up after " + j.attempts() + " attempts: " + detail);
                } else {
                    save(j.next(JobState.RETRY_WAIT, now.plus(backoff(j.attempts(), code)), code.number(), detail));
                }
            }
            case HOLD_FOR_SIGN_IN -> {
                if (!now.isBefore(j.holdUntil())) {
                    failed(j, code, "sign-in not restored within the hold time: " + detail);
                } else {
                    save(j.next(JobState.HELD_FOR_SIGN_IN, j.holdUntil(), code.number(), detail));
                }
            }
            default -> failed(j, code, detail);
        }
    }

    private Duration backoff(int attempts, JobCode code) {
        long base = options.retryBase().toMillis() << Math.min(attempts - 1, 20);
        long capped = Math.min(base, options.retryCap().toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        Duration d = Duration.ofMillis(jittered);
        return code == JobCode.DAILY_LIMIT ? max(d, Duration.ofHours(1)) : d;
    }

    private static Duration max(Duration a, Duration b) { return a.compareTo(b) >= 0 ? a : b; }

    private void failed(StoredJob j, JobCode code, String detail) {
        StoredJob done = j.next(JobState.FAILED, j.nextAttempt(), code.number(), detail);
        save(done);
        conclude(done, recipientCount(j));
    }

    /** Writes the job's one log line (unless a crash left it written already) and drops the job. */
    private void conclude(StoredJob j, int recipients) {
        boolean logged = log.entries().stream().anyMatch(e -> e.jobId().equals(j.jobId()));
        if (!logged) {
            JobCode code = j.lastCode() == 0 ? JobCode.OK : JobCode.byNumber(j.lastCode());
            JobResult result = j.state() == JobState.FAILED ? JobResult.FAILED
                    : code == JobCode.RECIPIENT_REJECTED ? JobResult.PARTIAL : JobResult.SENT;
            logEntry(j.jobId(), j.type(), accounts.accountName(j.type(), j.user()), recipients, result, code,
                    j.lastMessage());
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
                .forEach(j -> save(j.next(JobState.QUEUED, now, j.lastCode(), "sign-in restored")));
    }

    private List<String> alertRecipients(StoredJob j) {
        return settings.current().notificationRecipients().getOrDefault(j.event(), List.of());
    }

    private int recipientCount(StoredJob j) {
        return switch (j.type()) {
            case NOTIFICATION -> alertRecipients(j).size();
            case FAX -> j.faxNumbers().size();
            case SCAN_TO_MY_EMAIL -> 1;
            case SCAN_TO_EMAIL -> j.to().size();
        };
    }

    private int recipients(JobRequest r) {
        if (r instanceof JobRequest.ScanToEmail s) {
            return s.to().size();
        }
        if (r instanceof JobRequest.Fax f) {
            return f.faxNumbers().size();
        }
        if (r instanceof JobRequest.Notification n) {
            return settings.current().notificationRecipients().getOrDefault(n.event().name(), List.of()).size();
        }
        return 1;
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

    private JobLogEntry logEntry(String jobId, JobType type, String account, int recipients, JobResult result,
                                 JobCode code, String message) {
        JobLogEntry e = new JobLogEntry(jobId, type, clock.instant(), account == null ? "" : account, recipients,
                result, code.number(), message == null ? "" : message, code == JobCode.OK ? "" : code.remedy());
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
            } catch (RuntimeException e) {
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
