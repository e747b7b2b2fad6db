package org.printmail.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.config.DeviceSettings;
import org.printmail.i18n.Text;

/**
 * Checks a request and turns it into a stored job: validates addresses and files, encrypts the
 * scanned files into the spool and saves the job, all before {@code submit} returns.
 */
final class JobIntake {
    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final OutboxStore store;
    private final SpoolCipher cipher;
    private final Clock clock;

    JobIntake(OutboxStore store, SpoolCipher cipher, Clock clock) {
        this.store = store;
        this.cipher = cipher;
        this.clock = clock;
    }

    String newJobId() {
        byte[] r = new byte[3];
        ThreadLocalRandom.current().nextBytes(r);
        return "J" + ID_TIME.format(clock.instant()) + "-" + HexFormat.of().formatHex(r);
    }

    StoredJob accept(String jobId, JobRequest request, Duration hold, Duration deadline) {
        Instant now = clock.instant();
        List<StoredJob.SpooledFile> files = new ArrayList<>();
        try {
            StoredJob job;
            if (request instanceof JobRequest.ScanToEmail s) {
                requireAddresses(s.to());
                spool(jobId, s.files(), files);
                job = job(jobId, request.type(), now, hold, deadline, s.to(), s.subject(), s.body(),
                        null, null, List.of(), "", files);
            } else if (request instanceof JobRequest.FaxServerTest t) {
                requireAddresses(List.of(t.to()));
                job = job(jobId, request.type(), now, hold, deadline, List.of(t.to()), t.subject(), t.body(),
                        null, null, List.of(), "", files);
            } else if (request instanceof JobRequest.Notification n) {
                job = job(jobId, request.type(), now, hold, deadline, List.of(), null, null,
                        n.event().name(), n.detail(), List.of(), "", files);
            } else if (request instanceof JobRequest.Fax f) {
                if (f.faxNumbers().isEmpty() || f.faxNumbers().stream()
                        .anyMatch(x -> !x.matches("\\+?[0-9 ()-]{3,32}"))) {
                    throw new PrintmailException(JobCode.SETTINGS_INVALID, Text.of("jobs.badFaxNumber"));
                }
                spool(jobId, f.pages(), files);
                job = job(jobId, request.type(), now, hold, deadline, List.of(), null, null, null, null,
                        f.faxNumbers(), "", files);
            } else {
                JobRequest.ScanToMyEmail m = (JobRequest.ScanToMyEmail) request;
                spool(jobId, m.files(), files);
                job = job(jobId, request.type(), now, hold, deadline, List.of(), m.subject(), m.body(),
                        null, null, List.of(), m.user(), files);
            }
            store.save(job);
            return job;
        } catch (RuntimeException e) {
            for (StoredJob.SpooledFile f : files) {
                store.spoolFile(f.spoolName()).toFile().delete();
            }
            throw e;
        }
    }

    private static StoredJob job(String id, JobType type, Instant now, Duration hold, Duration deadline,
                                 List<String> to, String subject, String body, String event, String detail,
                                 List<String> fax, String user, List<StoredJob.SpooledFile> files) {
        return new StoredJob(id, type, now, JobState.QUEUED, 0, now, now.plus(hold), now.plus(deadline), 0, null,
                JobMessages.messageId(id), to, subject, body, event, detail, fax, user, files);
    }

    private static void requireAddresses(List<String> to) {
        if (to.isEmpty()) {
            throw new PrintmailException(JobCode.SETTINGS_INVALID, Text.of("jobs.noRecipient"));
        }
        for (String a : to) {
            if (!DeviceSettings.isAddress(a)) {
                throw new PrintmailException(JobCode.SETTINGS_INVALID, Text.of("jobs.notAnAddress", a));
            }
        }
    }

    /** Encrypts each file into the spool, adding it to {@code out} as soon as it is complete. */
    private void spool(String jobId, List<Path> files, List<StoredJob.SpooledFile> out) {
        int i = 0;
        for (Path f : files) {
            if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                throw new PrintmailException(JobCode.SETTINGS_INVALID, Text.of("jobs.scanFileUnreadable",
                        f.getFileName()));
            }
            String display = f.getFileName().toString();
            if (display.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
                throw new PrintmailException(JobCode.SETTINGS_INVALID,
                        Text.of("jobs.scanFileNameControls"));
            }
            String spoolName = jobId + "-" + i++ + ".spool";
            try {
                long size = cipher.encrypt(f, store.spoolFile(spoolName), spoolName);
                out.add(new StoredJob.SpooledFile(display, JobMessages.contentType(display), size, spoolName));
            } catch (IOException e) {
                store.spoolFile(spoolName).toFile().delete(); // a partly written file (disk full, say)
                throw new PrintmailException(JobCode.SETTINGS_INVALID, Text.of("jobs.cannotSpool",
                        f.getFileName(), e.getClass().getSimpleName()));
            }
        }
    }
}
