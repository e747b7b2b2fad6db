package org.printmail.webconfig;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How Web Config runs: where it listens, its TLS certificate, where the administrator password
 * hash lives, and its security knobs.
 *
 * @param bindAddress          address and HTTPS port (port 0 picks a free one, for tests)
 * @param keyStore             PKCS#12 keystore holding the device's TLS certificate and key
 * @param keyStorePassword     its password (configuration, never shown)
 * @param dataDir              where {@code admin-password} (salted hash, owner-only) is kept
 * @param initialAdminPassword the first-boot administrator password, hashed into the data dir once
 * @param passwordIterations   PBKDF2 iterations (device: 310 000; tests lower it)
 * @param sessionIdleTimeout   a session ends after this long without a request
 * @param lockoutThreshold     failed log-ins from one client before the lockout starts
 * @param lockoutBase          first lockout; doubles with every further failure
 * @param lockoutMax           the longest lockout
 * @param deviceName           shown in the page header
 * @param limits               connection caps and deadlines ({@link ServerLimits#defaults()})
 * @param passwordChecksPerSecond device-wide ceiling on password checks by browsers that have
 *                             not logged in before (address rotation does not multiply it)
 */
public record WebConfigOptions(InetSocketAddress bindAddress, Path keyStore,
                               String keyStorePassword, Path dataDir, String initialAdminPassword,
                               int passwordIterations, Duration sessionIdleTimeout,
                               int lockoutThreshold, Duration lockoutBase, Duration lockoutMax,
                               String deviceName, ServerLimits limits,
                               double passwordChecksPerSecond) {
    public static final int DEVICE_PASSWORD_ITERATIONS = 310_000;

    /** Device defaults: HTTPS on port 443 on every interface. */
    public static WebConfigOptions defaults(Path keyStore, String keyStorePassword, Path dataDir,
                                            String initialAdminPassword) {
        return new WebConfigOptions(new InetSocketAddress(443), keyStore, keyStorePassword, dataDir,
                initialAdminPassword, DEVICE_PASSWORD_ITERATIONS, Duration.ofMinutes(15), 5,
                Duration.ofSeconds(30), Duration.ofMinutes(15), "printmail device",
                ServerLimits.defaults(), 2.0);
    }

    public WebConfigOptions withBindAddress(InetSocketAddress address) {
        return new WebConfigOptions(address, keyStore, keyStorePassword, dataDir,
                initialAdminPassword, passwordIterations, sessionIdleTimeout, lockoutThreshold,
                lockoutBase, lockoutMax, deviceName, limits, passwordChecksPerSecond);
    }

    public WebConfigOptions withPasswordIterations(int iterations) {
        return new WebConfigOptions(bindAddress, keyStore, keyStorePassword, dataDir,
                initialAdminPassword, iterations, sessionIdleTimeout, lockoutThreshold,
                lockoutBase, lockoutMax, deviceName, limits, passwordChecksPerSecond);
    }

    public WebConfigOptions withSessionIdleTimeout(Duration idle) {
        return new WebConfigOptions(bindAddress, keyStore, keyStorePassword, dataDir,
                initialAdminPassword, passwordIterations, idle, lockoutThreshold, lockoutBase,
                lockoutMax, deviceName, limits, passwordChecksPerSecond);
    }

    public WebConfigOptions withLockout(int threshold, Duration base, Duration max) {
        return new WebConfigOptions(bindAddress, keyStore, keyStorePassword, dataDir,
                initialAdminPassword, passwordIterations, sessionIdleTimeout, threshold, base, max,
                deviceName, limits, passwordChecksPerSecond);
    }

    public WebConfigOptions withDeviceName(String name) {
        return new WebConfigOptions(bindAddress, keyStore, keyStorePassword, dataDir,
                initialAdminPassword, passwordIterations, sessionIdleTimeout, lockoutThreshold,
                lockoutBase, lockoutMax, name, limits, passwordChecksPerSecond);
    }

    public WebConfigOptions withLimits(ServerLimits newLimits) {
        return new WebConfigOptions(bindAddress, keyStore, keyStorePassword, dataDir,
                initialAdminPassword, passwordIterations, sessionIdleTimeout, lockoutThreshold,
                lockoutBase, lockoutMax, deviceName, newLimits, passwordChecksPerSecond);
    }

    public WebConfigOptions withPasswordChecksPerSecond(double perSecond) {
        return new WebConfigOptions(bindAddress, keyStore, keyStorePassword, dataDir,
                initialAdminPassword, passwordIterations, sessionIdleTimeout, lockoutThreshold,
                lockoutBase, lockoutMax, deviceName, limits, perSecond);
    }

    /** Secrets masked: options end up in logs and test output. */
    @Override
    public String toString() {
        return "WebConfigOptions[" + bindAddress + ", keyStore=" + keyStore + ", dataDir="
                + dataDir + ", iterations=" + passwordIterations + ", idle=" + sessionIdleTimeout
                + ", lockout=" + lockoutThreshold + "/" + lockoutBase + "-" + lockoutMax
                + ", " + limits + ", passwordChecks/s=" + passwordChecksPerSecond + "]";
    }
}
