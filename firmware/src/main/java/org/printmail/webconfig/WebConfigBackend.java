package org.printmail.webconfig;

import java.time.Clock;
import java.util.Map;

import org.printmail.auth.AccountManager;
import org.printmail.config.DeviceProfile;
import org.printmail.config.EmailService;
import org.printmail.config.SettingsStore;
import org.printmail.jobs.JobService;
import org.printmail.smtp.MailSender;
import org.printmail.trust.DeviceTrustStore;

/**
 * The device components Web Config drives.
 *
 * @param mail           the sender, for the Connection Test (and the fax server's test message)
 * @param caCertificates the device's imported CA store, the one its SMTP sender trusts on every
 *                       new connection, so an import here applies to the next connection
 * @param profiles       the firmware profile that serves each email service this device offers
 *                       (the lab maps Microsoft Exchange Online to its loopback stand-in)
 */
public record WebConfigBackend(AccountManager accounts, JobService jobs, MailSender mail,
                               SettingsStore settings, DeviceTrustStore caCertificates,
                               Map<EmailService, DeviceProfile> profiles, Clock clock) {
    public WebConfigBackend {
        profiles = Map.copyOf(profiles);
    }
}
