package org.printmail.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.printmail.auth.AccountManager;
import org.printmail.auth.AccountManagers;
import org.printmail.auth.AuthOptions;
import org.printmail.config.DeviceProfile;
import org.printmail.config.ProfileLoader;
import org.printmail.auth.AccountId;
import org.printmail.store.AccountRecord;
import org.printmail.store.TokenVault;
import org.printmail.store.TokenVaults;
import org.printmail.store.VaultOptions;
import org.printmail.trust.TlsTrust;

/**
 * The cached accessToken path (a signed-in account whose token has more than the margin left)
 * against baselines in the same run: a ConcurrentHashMap.get of the same record, and that get
 * plus the clock read the cached path needs. Run from the
 * project root (see docs/benchmarks.md, auth section):
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
 *   &amp;&amp; java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *      org.openjdk.jmh.Main AccessTokenBench -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AccessTokenBench {
    private static final AccountId DEVICE = AccountId.deviceMail();
    private Path dir;
    private final Clock clock = Clock.systemUTC();
    private TokenVault vault;
    private AccountManager manager;
    private final ConcurrentHashMap<AccountId, AccountRecord> baseline = new ConcurrentHashMap<>();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("auth-bench");
        vault = TokenVaults.open(VaultOptions.inDirectory(dir, clock));
        Instant now = clock.instant();
        // A signed-in account whose token is good for a day: every call takes the cached path.
        AccountRecord r = new AccountRecord(DEVICE.vaultKey(), "LAB", "admin@contoso.example",
                "admin@contoso.example", "organizations",
                List.of("https://outlook.office.com/SMTP.Send", "offline_access"),
                "bench-refresh-token", "bench-access-token", now.plus(Duration.ofDays(1)), now, now, now);
        vault.put(r);
        baseline.put(DEVICE, r);
        DeviceProfile lab = ProfileLoader.load(Path.of("").toAbsolutePath(), "lab");
        manager = AccountManagers.create(vault, id -> lab, TlsTrust.jdkDefaults(), clock,
                AuthOptions.defaults().withKeepAliveCheckEvery(Duration.ZERO));
        if (!"bench-access-token".equals(manager.accessToken(DEVICE))) {
            throw new IllegalStateException("the cached path did not return the stored token");
        }
    }

    @Benchmark
    public String cachedAccessToken() { return manager.accessToken(DEVICE); }

    @Benchmark
    public String baselineMapGet() { return baseline.get(DEVICE).accessToken(); }

    /** The map lookup plus the one clock read the cached path must make to honour the margin. */
    @Benchmark
    public String baselineMapGetAndClock() {
        AccountRecord r = baseline.get(DEVICE);
        return clock.millis() < r.accessTokenExpiresAt().toEpochMilli() ? r.accessToken() : null;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        manager.close();
        vault.close();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
