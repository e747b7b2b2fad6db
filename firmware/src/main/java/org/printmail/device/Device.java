package org.printmail.device;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.printmail.auth.AccountManager;
import org.printmail.auth.AccountManagers;
import org.printmail.auth.AuthOptions;
import org.printmail.config.DeviceProfile;
import org.printmail.config.DeviceSettings;
import org.printmail.config.EmailServerSettings;
import org.printmail.config.ProxyRoute;
import org.printmail.config.ProxySettings;
import org.printmail.config.SettingsStore;
import org.printmail.graph.GraphMailSender;
import org.printmail.graph.TransportRouter;
import org.printmail.jobs.JobService;
import org.printmail.jobs.Jobs;
import org.printmail.jobs.JobsOptions;
import org.printmail.smtp.MailSender;
import org.printmail.smtp.SenderOptions;
import org.printmail.smtp.SmtpMailSender;
import org.printmail.auth.AccountId;
import org.printmail.auth.AccountPurpose;
import org.printmail.store.DeviceKeys;
import org.printmail.store.SealedSecretFile;
import org.printmail.store.TokenVault;
import org.printmail.store.TokenVaults;
import org.printmail.store.VaultOptions;
import org.printmail.trust.DeviceTrustStore;
import org.printmail.trust.TlsTrust;
import org.printmail.webconfig.StoredSecret;

/**
 * The device's mail subsystem assembled from its parts: settings, token vault, accounts, sender
 * and jobs, all under one data folder. Production and lab differ only in the profiles passed in.
 */
public final class Device implements AutoCloseable {
    /** Which parts the device is built with; tests shorten timings and inject a clock. */
    public record Options(Path dataDir, Clock clock, AuthOptions auth, SenderOptions sender, JobsOptions jobs) {
        public static Options defaults(Path dataDir, Clock clock) {
            return new Options(dataDir, clock, AuthOptions.defaults(),
                    SenderOptions.defaults().withTime(clock, org.printmail.time.Sleeper.SYSTEM),
                    JobsOptions.defaults(dataDir));
        }
    }

    private final SettingsStore settings;
    private final SealedSecretFile proxyPassword;
    private final TokenVault vault;
    private final AccountManager accounts;
    private final MailSender sender;
    private final JobService jobs;
    private final Function<String, DeviceProfile> profiles;
    private final DeviceTrustStore caCertificates;

    private Device(SettingsStore settings, TokenVault vault, AccountManager accounts, MailSender sender,
                   JobService jobs, Function<String, DeviceProfile> profiles, DeviceTrustStore caCertificates,
                   SealedSecretFile proxyPassword) {
        this.proxyPassword = proxyPassword;
        this.settings = settings;
        this.vault = vault;
        this.accounts = accounts;
        this.sender = sender;
        this.jobs = jobs;
        this.profiles = profiles;
        this.caCertificates = caCertificates;
    }

    /**
     * @param profiles       firmware profile by name ({@code exchange-online}, {@code outlook-com}, {@code lab})
     * @param defaultProfile the profile a first boot starts from
     */
    public static Device start(Options o, Function<String, DeviceProfile> profiles, DeviceProfile defaultProfile)
            throws java.io.IOException {
        Files.createDirectories(o.dataDir());
        SettingsStore settings = SettingsStore.open(o.dataDir().resolve("settings.json"),
                DeviceSettings.defaults(defaultProfile));
        return start(o, profiles, settings, caCertificates(o));
    }

    /** The settings, not read until first used (the boot reads them off Web Config's path). */
    static SettingsStore lazySettings(Options o, DeviceProfile defaultProfile) throws java.io.IOException {
        Files.createDirectories(o.dataDir());
        return SettingsStore.openLazily(o.dataDir().resolve("settings.json"), DeviceSettings.defaults(defaultProfile));
    }

    static DeviceTrustStore caCertificates(Options o) {
        return DeviceTrustStore.open(o.dataDir().resolve("ca-certificates"), o.clock());
    }

    /** The rest of the device on the given settings and CA store (which Web Config shares). */
    static Device start(Options o, Function<String, DeviceProfile> profiles, SettingsStore settings,
                        DeviceTrustStore cas) {
        VaultOptions vo = VaultOptions.inDirectory(o.dataDir(), o.clock());
        TokenVault vault = TokenVaults.open(vo);
        SealedSecretFile proxyPassword = new SealedSecretFile(o.dataDir().resolve("proxy-password.sealed"),
                vo.deviceSecret(), "printmail/proxy-password/v1");
        // Read on every call: a proxy changed in Web Config applies to the next request.
        Supplier<ProxyRoute> proxy = () -> new ProxyRoute(settings.current().proxy(),
                proxyPassword.read().orElse(""));
        Function<AccountId, DeviceProfile> forAccount = id -> profileFor(id, settings.current(), profiles);
        // Imported CAs apply to the identity platform too (a TLS-inspecting proxy's CA, say).
        AccountManager accounts = AccountManagers.createWithDeviceTrust(vault, forAccount,
                profile -> cas.tlsTrust(profile.trustedCa()), o.clock(), o.auth().withProxy(proxy));
        // Read on every new connection, so a CA imported in Web Config applies without a restart.
        java.util.function.Supplier<TlsTrust> trust = () -> trustFor(settings.current(), profiles, cas);
        MailSender smtp = SmtpMailSender.create(trust, o.sender().withProxy(proxy))
                .withAttachmentLimits(() -> settings.current().attachMaxBytes(),
                        () -> settings.current().splitLargeAttachments());
        MailSender graph = new SenderOnFirstUse(() -> GraphMailSender.create(trust, o.sender())
                .withAttachmentLimits(() -> settings.current().attachMaxBytes(),
                        () -> settings.current().splitLargeAttachments()));
        // Each account's transport (Email Server > Basic) picks SMTP or Graph; the Graph endpoint
        // comes from the account's profile.
        MailSender sender = new TransportRouter(smtp, graph,
                key -> profileFor(AccountId.parse(key), settings.current(), profiles).graph());
        JobService jobs = Jobs.start(o.jobs(), accounts, sender, settings,
                DeviceKeys.aesKey(vo.deviceSecret(), "printmail/spool/v1"), o.clock());
        return new Device(settings, vault, accounts, sender, jobs, profiles, cas, proxyPassword);
    }

    /**
     * The profile an account signs in and refreshes through, with the admin's tenant override and
     * the scopes of its transport (SMTP.Send, or Graph's Mail.Send and Mail.ReadWrite).
     */
    static DeviceProfile profileFor(AccountId id, DeviceSettings s, Function<String, DeviceProfile> profiles) {
        EmailServerSettings e = id.purpose() == AccountPurpose.FAX_SERVER ? s.faxServer() : s.deviceMail();
        DeviceProfile p = profiles.apply(e.profile()).forTransport(e.transport());
        if (!e.tenant().isBlank()) {
            p = p.withIdentity(p.identity().withTenant(e.tenant()));
        }
        return p.withMail(e.mail());
    }

    /** JDK CAs, the CA certificates imported into the device, and the CA files the profiles name. */
    static TlsTrust trustFor(DeviceSettings s, Function<String, DeviceProfile> profiles, DeviceTrustStore imported) {
        List<Path> files = new ArrayList<>();
        for (EmailServerSettings e : List.of(s.deviceMail(), s.faxServer())) {
            profiles.apply(e.profile()).trustedCa().ifPresent(files::add);
        }
        files = files.stream().distinct().toList();
        if (files.size() <= 1) {
            return imported.tlsTrust(files.stream().findFirst()); // cached until the next import or delete
        }
        List<java.security.cert.X509Certificate> cas = new ArrayList<>(imported.tlsTrust(java.util.Optional.empty())
                .extraCas());
        for (Path f : files) {
            cas.addAll(TlsTrust.readCertificates(f));
        }
        return TlsTrust.withExtraCas(cas);
    }

    /** The device's imported CA certificates (Web Config's CA Certificate page). */
    public DeviceTrustStore caCertificates() { return caCertificates; }

    public SettingsStore settings() { return settings; }

    /** The office proxy's password, sealed at rest (Web Config and start-up set it). */
    /** Where the office proxy's password is sealed (the device reads it for each proxied connection). */
    public SealedSecretFile proxyPasswordFile() { return proxyPassword; }

    /** The office proxy's password as Web Config may set it: sealed on the device, never read back. */
    public StoredSecret proxyPassword() {
        return new StoredSecret() {
            @Override
            public void write(String secret) { proxyPassword.write(secret); }

            @Override
            public boolean isSet() { return proxyPassword.read().isPresent(); }
        };
    }

    /**
     * Start-up's part in the office proxy: on first boot the firmware profile's proxy becomes the
     * device's (Web Config's changes win afterwards); a password given at start-up is sealed.
     *
     * @param fromProfile the profile's proxy on first boot, null otherwise
     * @param password    the proxy password given at start-up, null or empty when none
     */
    public void adoptProxy(ProxySettings fromProfile, String password) {
        if (fromProfile != null && fromProfile.namesAProxy()) {
            settings.update(s -> s.withProxy(fromProfile));
        }
        if (password != null && !password.isEmpty()) {
            proxyPassword.write(password);
        }
    }

    public TokenVault vault() { return vault; }

    public AccountManager accounts() { return accounts; }

    public MailSender sender() { return sender; }

    public JobService jobs() { return jobs; }

    public Function<AccountId, DeviceProfile> accountProfiles() {
        return id -> profileFor(id, settings.current(), profiles);
    }

    @Override
    public void close() {
        jobs.close();
        accounts.close();
        sender.close();
        vault.close();
    }
}
