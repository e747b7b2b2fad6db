package org.printmail.jobs;

import java.time.Clock;
import javax.crypto.SecretKey;

import org.printmail.auth.AccountManager;
import org.printmail.config.SettingsStore;
import org.printmail.smtp.MailSender;

/** Creates the device's job service over its outbox folder. */
public final class Jobs {
    private Jobs() { }

    /**
     * Opens the outbox in {@code options.dataDir()} (resuming any jobs a crash left there) and,
     * unless told not to, starts the worker.
     *
     * @param spoolKey AES-256 key for scan data at rest, derived from the device secret
     */
    public static JobService start(JobsOptions options, AccountManager accounts, MailSender sender,
                                   SettingsStore settings, SecretKey spoolKey, Clock clock) {
        Outbox outbox = new Outbox(options, accounts, sender, settings, new SpoolCipher(spoolKey), clock);
        if (options.startWorker()) {
            outbox.startWorker();
        }
        return outbox;
    }
}
