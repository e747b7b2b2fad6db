package org.printmail.webconfig;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

import org.printmail.auth.AccountManager;
import org.printmail.config.DeviceProfile;
import org.printmail.config.EmailService;
import org.printmail.config.EmailServerSettings;
import org.printmail.config.SettingsStore;
import org.printmail.jobs.JobService;
import org.printmail.smtp.MailSender;
import org.printmail.store.AccountId;
import org.printmail.store.AccountPurpose;
import org.printmail.trust.DeviceTrustStore;

/**
 * The device components Web Config drives.
 *
 * @param mail           the sender, for the Connection Test (and the fax server's test message)
 * @param caCertificates the device's imported CA store, the one its SMTP sender trusts on every
 *                       new connection, so an import here applies to the next connection
 * @param profiles       the firmware profile that serves each email service this device offers
 *                       (the lab maps Microsoft Exchange Online to its loopback stand-in; a device
 *                       booted with a vendor profile maps that profile's service to it)
 * @param inForce        the profile an account signs in and refreshes through now (with the
 *                       admin's tenant), as the device resolves it; shown on Basic and Status
 */
public record WebConfigBackend(AccountManager accounts, JobService jobs, MailSender mail,
                               SettingsStore settings, DeviceTrustStore caCertificates,
                               Map<EmailService, DeviceProfile> profiles,
                               Function<AccountId, DeviceProfile> inForce, Clock clock) {
    public WebConfigBackend {
        profiles = Map.copyOf(profiles);
    }

    /** The profile in force is the one the saved service maps to (with the saved tenant). */
    public WebConfigBackend(AccountManager accounts, JobService jobs, MailSender mail,
                            SettingsStore settings, DeviceTrustStore caCertificates,
                            Map<EmailService, DeviceProfile> profiles, Clock clock) {
        this(accounts, jobs, mail, settings, caCertificates, profiles,
                id -> bySavedService(settings, Map.copyOf(profiles), id), clock);
    }

    private static DeviceProfile bySavedService(SettingsStore settings,
                                                Map<EmailService, DeviceProfile> profiles,
                                                AccountId id) {
        EmailServerSettings e = id.purpose() == AccountPurpose.FAX_SERVER
                ? settings.current().faxServer() : settings.current().deviceMail();
        DeviceProfile p = profiles.get(e.service());
        if (p == null) {
            return null;
        }
        return e.tenant().isBlank() ? p : p.withIdentity(p.identity().withTenant(e.tenant()));
    }
}
