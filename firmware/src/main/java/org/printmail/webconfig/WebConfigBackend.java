package org.printmail.webconfig;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.printmail.auth.AccountManager;
import org.printmail.time.MonotonicClock;
import org.printmail.config.DeviceProfile;
import org.printmail.config.EmailService;
import org.printmail.config.EmailServerSettings;
import org.printmail.config.SettingsStore;
import org.printmail.jobs.JobService;
import org.printmail.auth.AccountId;
import org.printmail.auth.AccountPurpose;
import org.printmail.trust.DeviceTrustStore;

/**
 * The device components Web Config drives.
 *
 * @param caCertificates the device's imported CA store, the one its SMTP sender trusts on every
 *                       new connection, so an import here applies to the next connection
 * @param profiles       the firmware profile that serves each email service this device offers
 *                       (the lab maps Microsoft Exchange Online to its loopback stand-in; a device
 *                       booted with a vendor profile maps that profile's service to it)
 * @param monotonic      elapsed time, for lockouts (a wall-clock step neither lifts nor extends one)
 * @param inForce        the profile an account signs in and refreshes through now (with the
 *                       admin's tenant), as the device resolves it; shown on Basic and Status
 * @param proxyPassword  the office proxy's password as the device keeps it; null when it cannot be set
 */
public record WebConfigBackend(AccountManager accounts, JobService jobs,
                               SettingsStore settings, DeviceTrustStore caCertificates,
                               Map<EmailService, DeviceProfile> profiles,
                               Function<AccountId, DeviceProfile> inForce, Clock clock,
                               MonotonicClock monotonic, StoredSecret proxyPassword) {
    public WebConfigBackend {
        profiles = Map.copyOf(profiles);
        Objects.requireNonNull(monotonic, "monotonic");
    }

    /** The profile in force is the one the saved service maps to; elapsed time on the given clock. */
    public WebConfigBackend(AccountManager accounts, JobService jobs,
                            SettingsStore settings, DeviceTrustStore caCertificates,
                            Map<EmailService, DeviceProfile> profiles, Clock clock, MonotonicClock monotonic,
                            StoredSecret proxyPassword) {
        this(accounts, jobs, settings, caCertificates, profiles,
                id -> bySavedService(settings, Map.copyOf(profiles), id), clock, monotonic, proxyPassword);
    }

    /** The profile in force is the one the saved service maps to (with the saved tenant). */
    public WebConfigBackend(AccountManager accounts, JobService jobs,
                            SettingsStore settings, DeviceTrustStore caCertificates,
                            Map<EmailService, DeviceProfile> profiles, Clock clock) {
        this(accounts, jobs, settings, caCertificates, profiles, clock, MonotonicClock.SYSTEM, null);
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
