package org.printmail.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.config.DeviceProfile;
import org.printmail.config.IdentitySettings;
import org.printmail.config.ProfileLoader;
import org.printmail.lab.AdjustableClock;
import org.printmail.lab.LabIdentityOptions;
import org.printmail.lab.LabIdentityPlatform;
import org.printmail.lab.LabUsers;
import org.printmail.auth.AccountId;
import org.printmail.store.AccountRecord;
import org.printmail.store.TokenVault;
import org.printmail.store.TokenVaults;
import org.printmail.store.VaultOptions;
import org.printmail.trust.TlsTrust;

/**
 * One test's world: the lab identity platform over real HTTPS, the real vault in a temp dir, the
 * lab profile pointed at the lab, an adjustable clock shared by all three, and the manager under
 * test with a stepping sleeper. Every state event is queued for the test to await.
 */
final class LabRig implements AutoCloseable {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final AccountId DEVICE = AccountId.deviceMail();
    static final String ADMIN = LabUsers.ADMIN;

    final AdjustableClock clock = AdjustableClock.startingAt("2025-03-01T09:00:00Z");
    /**
     * The services' clock: the true time, which moves with elapsed time only. A test that steps
     * the device's wall clock ({@link AdjustableClock#stepWallClock}) leaves the lab unmoved, as
     * an NTP step on a printer leaves Microsoft's clocks alone.
     */
    final Clock trueTime = trueTime(clock);
    final StepSleeper sleeper = new StepSleeper(clock);
    final LabIdentityPlatform lab;
    final Path dir;
    final TokenVault vault;
    final DeviceProfile profile;
    /** What the manager refreshes through; a test may point it elsewhere (an outage). */
    final AtomicReference<DeviceProfile> current = new AtomicReference<>();
    final Accounts accounts;
    final DefaultAccountManager manager;
    final BlockingQueue<AccountStatus> events = new LinkedBlockingQueue<>();

    LabRig() { this(o -> o, o -> o); }

    LabRig(UnaryOperator<LabIdentityOptions> labTweak, UnaryOperator<AuthOptions> authTweak) {
        this(labTweak, authTweak, v -> v);
    }

    /** @param vaultWrap wraps the real vault (a test decorator that gates or fails commits) */
    LabRig(UnaryOperator<LabIdentityOptions> labTweak, UnaryOperator<AuthOptions> authTweak,
           UnaryOperator<TokenVault> vaultWrap) {
        lab = LabIdentityPlatform.start(labTweak.apply(LabIdentityOptions.defaults(ROOT, trueTime)));
        try {
            dir = Files.createTempDirectory("auth-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        vault = vaultWrap.apply(TokenVaults.open(VaultOptions.inDirectory(dir, clock)));
        DeviceProfile lp = ProfileLoader.load(ROOT, "lab");
        profile = lp.withIdentity(lp.identity().withAuthorityBase(lab.authorityBase()));
        current.set(profile);
        AuthOptions options = authTweak.apply(AuthOptions.defaults()
                .withKeepAliveCheckEvery(Duration.ZERO).withSleeper(sleeper).withMonotonic(clock::nanos)
                .withBackoff(Duration.ofSeconds(30), Duration.ofMinutes(30)));
        accounts = new Accounts(vault, id -> current.get(), clock, options);
        manager = new DefaultAccountManager(accounts,
                new IdentityClient(AccountManagers.tls(TlsTrust.jdkDefaults()), clock, options.proxy()));
        manager.addListener(events::add);
    }

    /** A clock reading the adjustable clock's start plus its elapsed time (its wall steps ignored). */
    static Clock trueTime(AdjustableClock device) {
        Instant start = device.instant();
        long origin = device.nanos();
        return new Clock() {
            @Override
            public Instant instant() { return start.plusNanos(device.nanos() - origin); }

            @Override
            public ZoneId getZone() { return ZoneOffset.UTC; }

            @Override
            public Clock withZone(ZoneId zone) { return this; }
        };
    }

    /** The vault as it would be found after a restart (a second instance on the same files). */
    TokenVault reopenVault() { return TokenVaults.open(VaultOptions.inDirectory(dir, clock)); }

    /** The manager as it comes back after a restart, on the given (reopened) vault. */
    AccountManager restartOn(TokenVault reopened) {
        return AccountManagers.create(reopened, id -> profile, TlsTrust.jdkDefaults(), clock,
                AuthOptions.defaults().withKeepAliveCheckEvery(Duration.ZERO).withMonotonic(clock::nanos));
    }

    /** A profile like the lab's but with a shorter HTTP timeout, or another authority. */
    static DeviceProfile withIdentity(DeviceProfile p, UnaryOperator<IdentitySettings> change) {
        return p.withIdentity(change.apply(p.identity()));
    }

    static IdentitySettings timeout(IdentitySettings s, Duration t) {
        return new IdentitySettings(s.authorityBase(), s.tenant(), s.clientId(), s.scopes(), t);
    }

    /** Starts a sign-in and returns the prompt, after its pending event. */
    DeviceCodePrompt start() throws InterruptedException {
        DeviceCodePrompt prompt = manager.startSignIn(DEVICE, profile);
        awaitState(AccountState.SIGN_IN_PENDING);
        return prompt;
    }

    /** A full sign-in as the lab admin: start, approve, one poll. */
    AccountRecord signIn() throws InterruptedException {
        manager.setSenderAddress(DEVICE, ADMIN);
        DeviceCodePrompt prompt = start();
        sleeper.awaitSleep();
        lab.approve(prompt.userCode(), ADMIN);
        sleeper.release();
        awaitState(AccountState.SIGNED_IN);
        return record();
    }

    AccountRecord record() { return vault.find(DEVICE.vaultKey()).orElseThrow(); }

    /** The next event in this state (earlier events in other states are skipped). */
    AccountStatus awaitState(AccountState state) throws InterruptedException {
        return await(s -> s.state() == state);
    }

    AccountStatus await(Predicate<AccountStatus> p) throws InterruptedException {
        while (true) {
            AccountStatus s = events.poll(10, TimeUnit.SECONDS);
            assertNotNull(s, "no matching account event within 10 s");
            if (p.test(s)) {
                return s;
            }
        }
    }

    /** Moves the clock to just inside the token's refresh margin. */
    void advanceIntoMargin() {
        AccountRecord r = record();
        clock.set(r.accessTokenExpiresAt().minus(Duration.ofMinutes(5)));
    }

    /** Moves the clock past the access token's expiry. */
    void advancePastExpiry() {
        clock.set(record().accessTokenExpiresAt().plusSeconds(1));
    }

    int refreshRequests() { return lab.tokenRequests(LabIdentityPlatform.REFRESH_GRANT); }

    int pollRequests() { return lab.tokenRequests(LabIdentityPlatform.DEVICE_CODE_GRANT); }

    PrintmailException accessTokenFails(JobCode code) {
        PrintmailException e = assertThrows(PrintmailException.class, () -> manager.accessToken(DEVICE));
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    @Override
    public void close() {
        manager.close();
        lab.close();
        vault.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // temp files only
        }
    }
}
