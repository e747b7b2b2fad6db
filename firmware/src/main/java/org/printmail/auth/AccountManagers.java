package org.printmail.auth;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

import org.printmail.config.DeviceProfile;
import org.printmail.store.TokenVault;
import org.printmail.trust.TlsTrust;

/** Creates the device's {@link AccountManager}. */
public final class AccountManagers {
    private AccountManagers() { }

    /**
     * @param vault    where accounts live (owned by the caller; {@code close()} leaves it open)
     * @param profiles the profile each account refreshes through (authority, client id, CA)
     * @param trust    the device's trusted CAs; a profile's {@code trust.ca-file} is added to them
     * @param clock    the device clock (an adjustable one in tests)
     */
    public static AccountManager create(TokenVault vault, Function<AccountId, DeviceProfile> profiles,
                                        TlsTrust trust, Clock clock, AuthOptions options) {
        Objects.requireNonNull(trust, "trust");
        return create(vault, profiles, clock, options, tls(trust));
    }

    /**
     * As above, with the trust looked up per request, so a CA certificate imported into the device
     * applies to the identity platform without a restart.
     *
     * @param trustFor the device's trust for a profile (JDK CAs, imported CAs, the profile's CA file);
     *                 expected to return the same instance until the trust changes
     */
    public static AccountManager createWithDeviceTrust(TokenVault vault, Function<AccountId, DeviceProfile> profiles,
                                                       Function<DeviceProfile, TlsTrust> trustFor, Clock clock,
                                                       AuthOptions options) {
        Objects.requireNonNull(trustFor, "trustFor");
        return create(vault, profiles, clock, options, profile -> trustFor.apply(profile).sslContext());
    }

    private static AccountManager create(TokenVault vault, Function<AccountId, DeviceProfile> profiles, Clock clock,
                                         AuthOptions options, Function<DeviceProfile, SSLContext> tls) {
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(profiles, "profiles");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(options, "options");
        Accounts accounts = new Accounts(vault, profiles, clock, options);
        return new DefaultAccountManager(accounts, new IdentityClient(tls, clock, options.proxy()));
    }

    /**
     * Lets the sign-in client answer an office proxy's Basic challenge for HTTPS (Java refuses
     * Basic through CONNECT tunnels by default). Call first thing at start-up: the JDK reads the
     * setting once, when java.net.http is first used.
     */
    public static void allowProxyBasicAuth() { ProxyHttp.allowBasicThroughTunnels(); }

    /** One TLS context per extra CA file, built once (building a trust store is not cheap). */
    static Function<DeviceProfile, SSLContext> tls(TlsTrust base) {
        ConcurrentHashMap<Path, SSLContext> byCaFile = new ConcurrentHashMap<>();
        SSLContext plain = base.sslContext();
        return profile -> profile.trustedCa().map(ca -> byCaFile.computeIfAbsent(ca, f -> {
            List<X509Certificate> all = new ArrayList<>(base.extraCas());
            all.addAll(TlsTrust.readCertificates(f));
            return TlsTrust.withExtraCas(all).sslContext();
        })).orElse(plain);
    }
}
