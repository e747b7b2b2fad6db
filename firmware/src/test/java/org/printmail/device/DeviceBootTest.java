package org.printmail.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.printmail.auth.AccountId;
import org.printmail.auth.AccountState;
import org.printmail.auth.AccountStatus;
import org.printmail.config.ConfigException;
import org.printmail.config.DeviceProfile;
import org.printmail.config.ProfileLoader;
import org.printmail.jobs.JobLogEntry;

/** Web Config's listener opens while the device boots: what a request meets meanwhile. */
class DeviceBootTest {
    /** The repository root, where firmware-config/ lives (the working folder, or its parent). */
    private static final Path ROOT = java.nio.file.Files.isDirectory(Path.of("firmware-config"))
            ? Path.of("").toAbsolutePath() : Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path data;

    private Device realDevice() throws Exception {
        DeviceProfile p = ProfileLoader.load(ROOT, "exchange-online");
        return Device.start(Device.Options.defaults(data, Clock.systemUTC()), name -> p, p);
    }

    /** A boot that ends, with {@code device}, when the test releases it. */
    private static DeviceBoot bootReleasedBy(CountDownLatch release, Device device) {
        return DeviceBoot.start(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return device;
        });
    }

    @Test
    void aRequestArrivingBeforeTheBootEndsWaitsForThePartsAndGetsItsAnswer() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Device real = realDevice();
        DeviceBoot boot = bootReleasedBy(release, real);
        try {
            CompletableFuture<List<JobLogEntry>> page = new CompletableFuture<>();
            Thread request = new Thread(() -> page.complete(boot.jobs().jobLog()), "request");
            request.start();
            // The request is parked on the boot, not failed: wait until it is, then let the boot end.
            while (request.getState() != Thread.State.TIMED_WAITING && request.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            assertTrue(!page.isDone(), "answered before the device had booted");
            release.countDown();
            assertEquals(List.of(), page.get());
            assertEquals(AccountState.NOT_SIGNED_IN, boot.accounts().status(AccountId.deviceMail()).state());
        } finally {
            release.countDown();
            real.close();
        }
    }

    @Test
    void whileBootingTheBoardSeesNoStatusesAndItsListenerIsAddedOnceBooted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Device real = realDevice();
        DeviceBoot boot = bootReleasedBy(release, real);
        try {
            List<AccountStatus> heard = new CopyOnWriteArrayList<>();
            assertEquals(List.of(), boot.accounts().statuses());
            boot.accounts().addListener(heard::add);
            release.countDown();
            assertSame(real, boot.await());
            assertEquals(real.accounts().statuses(), boot.accounts().statuses());
            real.accounts().signOut(AccountId.deviceMail()); // an event the listener must hear
            assertTrue(heard.stream().anyMatch(s -> s.id().equals(AccountId.deviceMail())), heard.toString());
        } finally {
            release.countDown();
            real.close();
        }
    }

    @Test
    void aBootThatFailsFailsTheStartWithTheExceptionItThrew() {
        ConfigException broken = new ConfigException("settings", "cannot be read");
        DeviceBoot boot = DeviceBoot.start(() -> {
            throw broken;
        });
        assertSame(broken, assertThrows(ConfigException.class, boot::await));
        assertSame(broken, assertThrows(ConfigException.class, () -> boot.jobs().outbox()));
        assertTrue(boot.booted().isEmpty());
    }
}
