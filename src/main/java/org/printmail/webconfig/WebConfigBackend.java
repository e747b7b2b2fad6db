package org.printmail.webconfig;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

import org.printmail.auth.AccountManager;
import org.printmail.auth.MonotonicClock;
import org.printmail.config.DeviceProfile;
import org.printmail.config.EmailService;
import org.printmail.config.SettingsStore;
import org.printmail.jobs.JobService;
import org.printmail.smtp.MailSender;
import org.printmail.store.SealedSecretFile;
import org.printmail.trust.DeviceTrustStore;

/**
 * The device components Web Config drives.
 *
 * @param mail           the sender, for the Connection Test (and the fax server's test message)
 * @param caCertificates the device's imported CA store, the one its SMTP sender trusts on every
 *                       new connection, so an import here applies to the next connection
 * @param profiles       the firmware profile that serves each email service this device offers
 *                       (the lab maps Microsoft Exchange Online to its loopback stand-in)
 * @param clock          wall time, for what is shown
 * @param monotonic      elapsed time, for lockouts (a wall-clock step neither lifts nor extends one)
 * @param proxyPassword  where the office proxy's password is sealed; null when it cannot be set
 */
public record WebConfigBackend(AccountManager accounts, JobService jobs, MailSender mail,
                               SettingsStore settings, DeviceTrustStore caCertificates,
                               Map<EmailService, DeviceProfile> profiles, Clock clock,
                               MonotonicClock monotonic, SealedSecretFile proxyPassword) {
    public WebConfigBackend {
        profiles = Map.copyOf(profiles);
        Objects.requireNonNull(monotonic, "monotonic");
    }

    /** With the system's monotonic clock and no proxy password store. */
    public WebConfigBackend(AccountManager accounts, JobService jobs, MailSender mail,
                            SettingsStore settings, DeviceTrustStore caCertificates,
                            Map<EmailService, DeviceProfile> profiles, Clock clock) {
        this(accounts, jobs, mail, settings, caCertificates, profiles, clock, MonotonicClock.SYSTEM, null);
    }
}
