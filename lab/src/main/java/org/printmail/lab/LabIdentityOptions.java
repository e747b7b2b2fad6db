package org.printmail.lab;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the lab identity platform, validated on construction.
 *
 * @param port                ports to bind on 127.0.0.1; 0 picks an ephemeral port
 * @param keystore            PKCS12 server key and certificate (TEST-ONLY material)
 * @param keystorePassword    its password
 * @param clock               the clock every expiry and timestamp comes from
 * @param clientId            the only application (client id) registered in the lab tenant
 * @param deviceCodeLifetime  {@code expires_in} of a device code (Microsoft: 900 s)
 * @param pollInterval        {@code interval} of a device code (Microsoft: 5 s)
 * @param accessTokenLifetime access token {@code expires_in} (Microsoft: 60-90 min, e.g. 3599 s)
 * @param refreshInactivity   MaxInactiveTime of a refresh token (Microsoft: 90 days)
 * @param emitSlowDown        answer polls faster than the interval with {@code slow_down}
 * @param expiredCodeError    {@code error} sent with AADSTS70020: {@code expired_token} or
 *                            {@code code_expired} (Microsoft's string is unconfirmed)
 */
public record LabIdentityOptions(int port, Path keystore, String keystorePassword, Clock clock,
        String clientId, Duration deviceCodeLifetime, Duration pollInterval,
        Duration accessTokenLifetime, Duration refreshInactivity, boolean emitSlowDown,
        String expiredCodeError) {

    /** The lab device profile's client id (firmware-config/lab.properties). */
    public static final String LAB_CLIENT_ID = "00000000-0000-0000-0000-00000000a1ab";

    public LabIdentityOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: must be 0..65535, was " + port);
        }
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(keystorePassword, "keystorePassword");
        Objects.requireNonNull(clock, "clock");
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId: must not be blank");
        }
        positive("deviceCodeLifetime", deviceCodeLifetime);
        positive("pollInterval", pollInterval);
        positive("accessTokenLifetime", accessTokenLifetime);
        positive("refreshInactivity", refreshInactivity);
        if (!"expired_token".equals(expiredCodeError) && !"code_expired".equals(expiredCodeError)) {
            throw new IllegalArgumentException(
                    "expiredCodeError: expired_token or code_expired, was " + expiredCodeError);
        }
    }

    /** Microsoft's usual values, the TEST-ONLY localhost keystore and the lab client id. */
    public static LabIdentityOptions defaults(Path projectRoot, Clock clock) {
        return new LabIdentityOptions(0, projectRoot.resolve("test-fixtures/tls/localhost.p12"),
                "test-only", clock, LAB_CLIENT_ID, Duration.ofSeconds(900), Duration.ofSeconds(5),
                Duration.ofSeconds(3599), Duration.ofDays(90), false, "expired_token");
    }

    public LabIdentityOptions withPort(int p) {
        return new LabIdentityOptions(p, keystore, keystorePassword, clock, clientId,
                deviceCodeLifetime, pollInterval, accessTokenLifetime, refreshInactivity,
                emitSlowDown, expiredCodeError);
    }

    public LabIdentityOptions withKeystore(Path ks, String password) {
        return new LabIdentityOptions(port, ks, password, clock, clientId, deviceCodeLifetime,
                pollInterval, accessTokenLifetime, refreshInactivity, emitSlowDown,
                expiredCodeError);
    }

    public LabIdentityOptions withClock(Clock c) {
        return new LabIdentityOptions(port, keystore, keystorePassword, c, clientId,
                deviceCodeLifetime, pollInterval, accessTokenLifetime, refreshInactivity,
                emitSlowDown, expiredCodeError);
    }

    public LabIdentityOptions withClientId(String id) {
        return new LabIdentityOptions(port, keystore, keystorePassword, clock, id,
                deviceCodeLifetime, pollInterval, accessTokenLifetime, refreshInactivity,
                emitSlowDown, expiredCodeError);
    }

    public LabIdentityOptions withDeviceCodeLifetime(Duration d) {
        return new LabIdentityOptions(port, keystore, keystorePassword, clock, clientId, d,
                pollInterval, accessTokenLifetime, refreshInactivity, emitSlowDown,
                expiredCodeError);
    }

    public LabIdentityOptions withPollInterval(Duration d) {
        return new LabIdentityOptions(port, keystore, keystorePassword, clock, clientId,
                deviceCodeLifetime, d, accessTokenLifetime, refreshInactivity, emitSlowDown,
                expiredCodeError);
    }

    public LabIdentityOptions withAccessTokenLifetime(Duration d) {
        return new LabIdentityOptions(port, keystore, keystorePassword, clock, clientId,
                deviceCodeLifetime, pollInterval, d, refreshInactivity, emitSlowDown,
                expiredCodeError);
    }

    public LabIdentityOptions withRefreshInactivity(Duration d) {
        return new LabIdentityOptions(port, keystore, keystorePassword, clock, clientId,
                deviceCodeLifetime, pollInterval, accessTokenLifetime, d, emitSlowDown,
                expiredCodeError);
    }

    public LabIdentityOptions withEmitSlowDown(boolean on) {
        return new LabIdentityOptions(port, keystore, keystorePassword, clock, clientId,
                deviceCodeLifetime, pollInterval, accessTokenLifetime, refreshInactivity, on,
                expiredCodeError);
    }

    public LabIdentityOptions withExpiredCodeError(String error) {
        return new LabIdentityOptions(port, keystore, keystorePassword, clock, clientId,
                deviceCodeLifetime, pollInterval, accessTokenLifetime, refreshInactivity,
                emitSlowDown, error);
    }

    private static void positive(String field, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + ": must be a positive duration, was " + d);
        }
    }
}
