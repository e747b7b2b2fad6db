package org.printmail.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.config.DeviceSettings;
import org.printmail.config.SettingsStore;
import org.printmail.i18n.Text;
import org.printmail.smtp.Attachment;
import org.printmail.smtp.OutgoingMessage;

/**
 * Builds the message for a stored job from the current settings: who receives it (an event's
 * recipients, the fax provider's addresses, the user's own mailbox) and its attachments, which
 * stream out of the encrypted spool.
 */
final class JobComposer {
    private final JobAccounts accounts;
    private final SettingsStore settings;
    private final OutboxStore store;
    private final SpoolCipher cipher;

    JobComposer(JobAccounts accounts, SettingsStore settings, OutboxStore store, SpoolCipher cipher) {
        this.accounts = accounts;
        this.settings = settings;
        this.store = store;
        this.cipher = cipher;
    }

    OutgoingMessage message(List<StoredJob> group, DeviceSettings s) {
        StoredJob j = group.get(0);
        return switch (j.type()) {
            case NOTIFICATION -> {
                List<String> to = alertRecipients(j);
                if (to.isEmpty()) {
                    throw new PrintmailException(JobCode.SETTINGS_INVALID,
                            Text.of("jobs.noAlertRecipients", DeviceEvent.valueOf(j.event()).displayNameText()));
                }
                yield group.size() == 1 ? JobMessages.alert(j, to, s.language())
                        : JobMessages.digest(group, to, s.language());
            }
            case FAX -> JobMessages.fax(j, s, attachments(j));
            case SCAN_TO_EMAIL, FAX_SERVER_TEST -> JobMessages.scan(j, j.to(), attachments(j), s.language());
            case SCAN_TO_MY_EMAIL -> JobMessages.scan(j, List.of(accounts.accountName(j.type(), j.user())),
                    attachments(j), s.language());
        };
    }

    /** Spooled scan data is decrypted as the sender streams it: no plaintext copy ever touches the disk. */
    private List<Attachment> attachments(StoredJob j) {
        List<Attachment> out = new ArrayList<>();
        for (StoredJob.SpooledFile f : j.files()) {
            Path spooled = store.spoolFile(f.spoolName());
            if (!Files.isReadable(spooled)) {
                throw new PrintmailException(JobCode.SETTINGS_INVALID, Text.of("jobs.spoolMissing", j.jobId()));
            }
            out.add(new Attachment(f.name(), f.contentType(), f.size(), () -> {
                try {
                    return new DamageMarking(cipher.open(spooled, f.spoolName()));
                } catch (java.io.IOException e) {
                    throw new SpoolDamagedException(e);
                }
            }));
        }
        return out;
    }

    List<String> alertRecipients(StoredJob j) {
        return settings.current().notificationRecipients().getOrDefault(j.event(), List.of());
    }

    /** Whom the job is for, as the Job Log shows it: addresses, fax numbers or the user. */
    List<String> recipients(StoredJob j, String account) {
        return switch (j.type()) {
            case NOTIFICATION -> alertRecipients(j);
            case FAX -> j.faxNumbers();
            case SCAN_TO_MY_EMAIL -> account.isBlank() ? List.of(j.user()) : List.of(account);
            case SCAN_TO_EMAIL, FAX_SERVER_TEST -> j.to();
        };
    }

    List<String> recipients(JobRequest r) {
        if (r instanceof JobRequest.ScanToEmail s) {
            return s.to() == null ? List.of() : s.to();
        }
        if (r instanceof JobRequest.Fax f) {
            return f.faxNumbers() == null ? List.of() : f.faxNumbers();
        }
        if (r instanceof JobRequest.FaxServerTest t) {
            return t.to() == null ? List.of() : List.of(t.to());
        }
        if (r instanceof JobRequest.Notification n) {
            return settings.current().notificationRecipients()
                    .getOrDefault(n.event().name(), List.of());
        }
        return r instanceof JobRequest.ScanToMyEmail m ? List.of(m.user()) : List.of();
    }

    /** True when a send failed because the spooled data could not be read back intact. */
    static boolean spoolDamaged(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SpoolDamagedException) {
                return true;
            }
        }
        return false;
    }

    /** Marks a read failure of spooled data, so it is not mistaken for a network failure and retried. */
    static final class SpoolDamagedException extends java.io.IOException {
        private static final long serialVersionUID = 1L;

        SpoolDamagedException(java.io.IOException cause) {
            super("spooled scan data damaged: " + cause.getMessage(), cause);
        }
    }

    private static final class DamageMarking extends java.io.FilterInputStream {
        DamageMarking(java.io.InputStream in) { super(in); }

        @Override
        public int read() throws java.io.IOException {
            try {
                return super.read();
            } catch (java.io.IOException e) {
                throw new SpoolDamagedException(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            try {
                return super.read(b, off, len);
            } catch (java.io.IOException e) {
                throw new SpoolDamagedException(e);
            }
        }
    }
}
