package org.printmail.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.config.DeviceSettings;
import org.printmail.config.SettingsStore;
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

    List<String> alertRecipients(StoredJob j) {
        return settings.current().notificationRecipients().getOrDefault(j.event(), List.of());
    }

    int recipientCount(StoredJob j) {
        return switch (j.type()) {
            case NOTIFICATION -> alertRecipients(j).size();
            case FAX -> j.faxNumbers().size();
            case SCAN_TO_MY_EMAIL -> 1;
            case SCAN_TO_EMAIL -> j.to().size();
        };
    }

    int recipients(JobRequest r) {
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
}
