package org.printmail.webconfig;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.printmail.auth.AuthOptions;
import org.printmail.time.MonotonicClock;
import org.printmail.device.Device;
import org.printmail.cli.LabServices;
import org.printmail.config.DeviceProfile;
import org.printmail.config.EmailService;
import org.printmail.config.IdentitySettings;
import org.printmail.config.ProfileLoader;
import org.printmail.lab.AdjustableClock;
import org.printmail.testing.DeviceRig;

/**
 * Web Config over real HTTPS in front of the real device and lab ({@link DeviceRig}): vault,
 * accounts, sender, jobs, settings and CA store in a temp folder, the lab identity platform and
 * mail server on loopback, all on the rig's adjustable clock. Quick: low PBKDF2 iterations, the
 * TEST-ONLY localhost certificate.
 */
final class WebConfigRig implements AutoCloseable {
    /** TEST-ONLY administrator password. */
    static final String ADMIN_PASSWORD = "webconfig-TEST-ONLY-1";
    static final Path ROOT = DeviceRig.ROOT;
    static final Path KEYSTORE = ROOT.resolve("test-fixtures/tls/localhost.p12");
    static final String KEYSTORE_PASSWORD = "test-only";
    static final Path TEST_CA = ROOT.resolve("test-fixtures/tls/test-ca.pem");

    final DeviceRig rig;
    final AdjustableClock clock;
    final WebConfigServer server;

    /** The device with its outbox worker running, so queued jobs are sent as in the product. */
    WebConfigRig() { this(o -> o); }

    WebConfigRig(UnaryOperator<WebConfigOptions> web) {
        rig = new DeviceRig(WebConfigRig::forWebConfig);
        clock = rig.clock;
        try {
            server = WebConfigServer.start(web.apply(options(rig.dataDir)),
                    backend(rig.device(), rig.lab, clock));
        } catch (RuntimeException e) {
            rig.close();
            throw e;
        }
    }

    /**
     * The outbox worker on, as in the product. A sign-in poll still moves the clock by the poll
     * interval, but takes 100 ms of real time instead of 5, so a 15-minute code lasts about 18 s of
     * real time: long enough for a browser to show it before the test enters or declines it.
     */
    static Device.Options forWebConfig(Device.Options o) {
        AdjustableClock clock = (AdjustableClock) o.clock();
        AuthOptions auth = o.auth().withSleeper(d -> {
            clock.advance(d);
            Thread.sleep(100);
        });
        return new Device.Options(o.dataDir(), o.clock(), auth, o.sender(), o.jobs().withWorker(true));
    }

    Device device() { return rig.device(); }

    /** A scripted browser logged in with the TEST-ONLY administrator password. */
    HttpsAdmin loggedInAdmin() throws java.io.IOException, InterruptedException {
        return HttpsAdmin.loggedIn(server.baseUri());
    }

    LabServices lab() { return rig.lab; }

    /**
     * Test options. The session idle timeout is long because sign-in polls and the tests move the
     * clock by days; the idle-timeout test sets its own.
     */
    static WebConfigOptions options(Path dataDir) {
        return WebConfigOptions.defaults(KEYSTORE, KEYSTORE_PASSWORD, dataDir.resolve("webconfig"),
                        ADMIN_PASSWORD)
                .withBindAddress(new InetSocketAddress("127.0.0.1", 0))
                .withPasswordIterations(1_000)
                .withSessionIdleTimeout(Duration.ofDays(365))
                .withLockout(5, Duration.ofSeconds(30), Duration.ofMinutes(15))
                // The rig's clock stands still between steps: a device-wide ceiling of 2 a second
                // would refuse the tests' many log-ins; the ceiling's own tests set it back.
                .withPasswordChecksPerSecond(1000);
    }

    /** The device's own parts; the lab stands in for Microsoft behind both services. */
    static WebConfigBackend backend(Device device, LabServices lab, Clock clock) {
        return new WebConfigBackend(device.accounts(), device.jobs(),
                device.settings(), device.caCertificates(), profiles(lab), clock,
                clock instanceof AdjustableClock a ? a::nanos : MonotonicClock.SYSTEM,
                device.proxyPassword());
    }

    /**
     * Exchange Online is the lab profile; Outlook.com is the real outlook-com profile (its service,
     * consumers tenant and scopes, so the device's Outlook.com rules apply) with the lab's
     * endpoints and app id.
     */
    static Map<EmailService, DeviceProfile> profiles(LabServices lab) {
        DeviceProfile labProfile = lab.profile();
        DeviceProfile outlook = ProfileLoader.load(ROOT, "outlook-com");
        IdentitySettings id = outlook.identity();
        outlook = new DeviceProfile(outlook.name(), outlook.service(),
                new IdentitySettings(labProfile.identity().authorityBase(), id.tenant(),
                        labProfile.identity().clientId(), id.scopes(),
                        labProfile.identity().httpTimeout()),
                labProfile.mail(), labProfile.trustedCa()).withGraph(labProfile.graph());
        return Map.of(EmailService.EXCHANGE_ONLINE, labProfile, EmailService.OUTLOOK_COM, outlook);
    }

    @Override
    public void close() {
        server.close();
        rig.close();
    }
}
