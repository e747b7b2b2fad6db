package org.printmail.device;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.printmail.auth.AccountId;
import org.printmail.auth.AccountListener;
import org.printmail.auth.AccountManager;
import org.printmail.auth.AccountPurpose;
import org.printmail.auth.AccountStatus;
import org.printmail.auth.DeviceCodePrompt;
import org.printmail.config.DeviceProfile;
import org.printmail.jobs.ConnectionCheck;
import org.printmail.jobs.JobListener;
import org.printmail.jobs.JobLogEntry;
import org.printmail.jobs.JobRequest;
import org.printmail.jobs.JobService;
import org.printmail.jobs.JobTicket;
import org.printmail.jobs.JobType;
import org.printmail.jobs.JobView;
import org.printmail.jobs.Preflight;
import org.printmail.threads.DaemonThreads;
import org.printmail.webconfig.StoredSecret;

/**
 * The device's parts (vault, accounts, sender, outbox, job log) booting on a background thread
 * while Web Config's listener opens, and stand-ins for them that Web Config holds meanwhile. A
 * request that needs a part before the boot has finished waits for it (a warm boot takes well
 * under a second; {@link #REQUEST_WAIT} bounds the wait); the log-in page needs none. A boot that
 * fails fails the device's start as before ({@link #await()} rethrows), so the process ends.
 */
final class DeviceBoot {
    /** How long a Web Config request waits for the device's parts before it fails. */
    static final Duration REQUEST_WAIT = Duration.ofSeconds(60);

    private final CompletableFuture<Device> device = new CompletableFuture<>();
    /** What to do with the device once booted (listeners Web Config added meanwhile). */
    private final List<Consumer<Device>> pending = new ArrayList<>();

    private DeviceBoot() {
    }

    /** Starts {@code boot} on a thread of its own; returns at once. */
    static DeviceBoot start(Supplier<Device> boot) {
        DeviceBoot b = new DeviceBoot();
        b.begin(boot);
        return b;
    }

    /** A boot not begun yet: its stand-ins can be handed out first. */
    static DeviceBoot notBegun() {
        return new DeviceBoot();
    }

    /** Begins {@code boot} on a thread of its own; returns at once. */
    void begin(Supplier<Device> boot) {
        DaemonThreads.start("printmail-boot", () -> {
            try {
                booted(boot.get());
            } catch (RuntimeException | Error e) {
                failed(e);
            }
        });
    }

    private synchronized void failed(Throwable e) {
        pending.clear();
        device.completeExceptionally(e);
    }

    /** The pending actions run before anyone can see the device, so none misses an event. */
    private synchronized void booted(Device d) {
        pending.forEach(a -> a.accept(d));
        pending.clear();
        device.complete(d);
    }

    /** The booted device; waits for the boot and rethrows its failure as it was thrown. */
    Device await() {
        return get(null);
    }

    /** The booted device for a Web Config request: waits at most {@link #REQUEST_WAIT}. */
    private Device forRequest() {
        return get(REQUEST_WAIT);
    }

    /** Waits for the boot ({@code wait} null: as long as it takes) and rethrows its failure. */
    private Device get(Duration wait) {
        try {
            return wait == null || device.isDone() ? device.get()
                    : device.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the device was starting");
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the device did not start within " + wait);
        }
    }

    /** The device if it has booted, else empty (a failed boot counts as not booted). */
    Optional<Device> booted() {
        return device.isDone() && !device.isCompletedExceptionally()
                ? Optional.of(device.join()) : Optional.empty();
    }

    /** Runs {@code action} on the device once it has booted (at once if it has). */
    void whenBooted(Consumer<Device> action) {
        synchronized (this) {
            if (!device.isDone()) {
                pending.add(action);
                return;
            }
        }
        booted().ifPresent(action);
    }

    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(cause);
    }

    /** What Web Config holds for the accounts while the device boots. */
    AccountManager accounts() {
        return new AccountManager() {
            @Override
            public DeviceCodePrompt startSignIn(AccountId id, DeviceProfile profile) {
                return forRequest().accounts().startSignIn(id, profile);
            }

            @Override
            public void cancelSignIn(AccountId id) { forRequest().accounts().cancelSignIn(id); }

            @Override
            public void signOut(AccountId id) { forRequest().accounts().signOut(id); }

            @Override
            public AccountStatus status(AccountId id) { return forRequest().accounts().status(id); }

            /** Empty while booting: Web Config's board asks each account's status on demand. */
            @Override
            public List<AccountStatus> statuses() {
                return booted().map(d -> d.accounts().statuses()).orElse(List.of());
            }

            @Override
            public void setSenderAddress(AccountId id, String senderAddress) {
                forRequest().accounts().setSenderAddress(id, senderAddress);
            }

            @Override
            public String senderAddress(AccountId id) { return forRequest().accounts().senderAddress(id); }

            @Override
            public String accessToken(AccountId id) { return forRequest().accounts().accessToken(id); }

            @Override
            public String forceRefresh(AccountId id) { return forRequest().accounts().forceRefresh(id); }

            @Override
            public void runKeepAlive() { forRequest().accounts().runKeepAlive(); }

            @Override
            public void addListener(AccountListener listener) {
                whenBooted(d -> d.accounts().addListener(listener));
            }

            /** The device closes its own parts. */
            @Override
            public void close() { }
        };
    }

    /** What Web Config holds for the jobs while the device boots. */
    JobService jobs() {
        return new JobService() {
            @Override
            public Preflight preflight(JobType type, Optional<String> user) {
                return forRequest().jobs().preflight(type, user);
            }

            @Override
            public JobLogEntry recordRefusal(JobType type, Optional<String> user, Preflight refusal) {
                return forRequest().jobs().recordRefusal(type, user, refusal);
            }

            @Override
            public JobTicket submit(JobRequest request) { return forRequest().jobs().submit(request); }

            @Override
            public List<JobView> outbox() { return forRequest().jobs().outbox(); }

            @Override
            public List<JobLogEntry> jobLog() { return forRequest().jobs().jobLog(); }

            @Override
            public void addListener(JobListener listener) {
                whenBooted(d -> d.jobs().addListener(listener));
            }

            @Override
            public List<ConnectionCheck> connectionTest(AccountPurpose account) {
                return forRequest().jobs().connectionTest(account);
            }

            /** The device closes its own parts. */
            @Override
            public void close() { }
        };
    }

    /** The office proxy's password as Web Config may set it, once the device has booted. */
    StoredSecret proxyPassword() {
        return new StoredSecret() {
            @Override
            public void write(String secret) { forRequest().proxyPassword().write(secret); }

            @Override
            public boolean isSet() { return forRequest().proxyPassword().isSet(); }
        };
    }
}
