package org.printmail.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.printmail.auth.AccountState;
import org.printmail.auth.AccountStatus;
import org.printmail.auth.AuthOptions;
import org.printmail.auth.DeviceCodePrompt;
import org.printmail.device.Device;
import org.printmail.cli.LabServices;
import org.printmail.jobs.JobsOptions;
import org.printmail.lab.AdjustableClock;
import org.printmail.lab.LabIdentityOptions;
import org.printmail.smtp.SenderOptions;
import org.printmail.auth.AccountId;

/**
 * One test's printer: the lab identity platform and lab mail server on loopback, and the whole
 * device (vault, accounts, sender, outbox) in a temp folder, all on one adjustable clock. Waits
 * (poll intervals, rate governor) move the clock instead of the wall clock. The outbox worker is
 * off unless asked for, so tests decide when due jobs are sent.
 */
public final class DeviceRig implements AutoCloseable {
    public static final Path ROOT = Path.of("").toAbsolutePath();

    public final AdjustableClock clock = AdjustableClock.startingAt("2026-11-28T08:00:00Z");
    public final LabServices lab;
    public final Path dataDir;
    public final BlockingQueue<AccountStatus> events = new LinkedBlockingQueue<>();
    private final UnaryOperator<Device.Options> tweak;
    private Device device;

    public DeviceRig() { this(o -> o); }

    public DeviceRig(UnaryOperator<Device.Options> tweak) { this(tweak, 0); }

    /**
     * With the lab identity platform on this port (0 = ephemeral), for a server started once per
     * test class that must reach each test's lab at the same address (Postfix + Dovecot).
     */
    public DeviceRig(UnaryOperator<Device.Options> tweak, int identityPort) {
        this.tweak = tweak;
        LabIdentityOptions idp = LabIdentityOptions.defaults(ROOT, clock).withPort(identityPort);
        lab = LabServices.start(ROOT, idp, 0, clock);
        try {
            dataDir = Files.createTempDirectory("printmail-rig-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        device = open();
    }

    /** The device's parts, as built for this rig. */
    public Device device() { return device; }

    /** Power cycle: close the device and start it again on the same data folder. */
    public Device restart() {
        device.close();
        device = open();
        return device;
    }

    private Device open() {
        // Waits move the shared clock; the tiny real sleep keeps a polling loop from spinning.
        AuthOptions auth = AuthOptions.defaults().withKeepAliveCheckEvery(Duration.ZERO)
                .withMonotonic(clock::nanos)
                .withSleeper(d -> {
                    clock.advance(d);
                    Thread.sleep(5);
                });
        SenderOptions sender = SenderOptions.defaults().withTime(clock, d -> clock.advance(d));
        JobsOptions jobs = JobsOptions.defaults(dataDir).withWorker(false);
        try {
            Device d = Device.start(tweak.apply(new Device.Options(dataDir, clock, auth, sender, jobs)),
                    name -> lab.profile(), lab.profile());
            d.accounts().addListener(events::add);
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs the account in as {@code upn} through the lab (code approved as that user). */
    public void signIn(AccountId id, String upn) throws InterruptedException {
        DeviceCodePrompt p = device.accounts().startSignIn(id, device.accountProfiles().apply(id));
        lab.identity().approve(p.userCode(), upn);
        awaitState(id, AccountState.SIGNED_IN);
    }

    /** Waits (up to 10 s of real time) for the account to reach the state. */
    public AccountStatus awaitState(AccountId id, AccountState state) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            AccountStatus s = device.accounts().status(id);
            if (s.state() == state) {
                return s;
            }
            events.poll(50, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError(id + " did not reach " + state + "; it is " + device.accounts().status(id));
    }

    @Override
    public void close() {
        device.close();
        lab.close();
        try (var walk = Files.walk(dataDir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp folder; nothing to keep
        }
    }
}
