package org.printmail.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.printmail.auth.AccountId;
import org.printmail.store.AccountRecord;
import org.printmail.store.TokenVault;
import org.printmail.store.TokenVaults;
import org.printmail.store.VaultOptions;
import org.printmail.store.VaultProbe;

/**
 * Whole-process benchmark: a vault commit (JSON, seal, write, force) against a bare write+force
 * of the same number of bytes to a file of the same size in the same directory, interleaved in
 * one run (order alternating), then the vault's load time (open + read + close). Run:
 *
 * <pre>
 * mvn -q -B -ntp -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
 *   &amp;&amp; java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *      org.printmail.bench.VaultCommitBenchmark [iterations [directory [warmup]]]
 * </pre>
 */
public final class VaultCommitBenchmark {
    private static final int PARTITION = VaultOptions.DEFAULT_PARTITION_BYTES;
    private static final String B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private VaultCommitBenchmark() { }

    public static void main(String[] args) throws IOException {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path dir = Path.of(args.length > 1 ? args[1] : "target/bench-vault");
        // C2 compiles Jackson and AES-GCM after ~10k calls; until then a commit runs interpreted.
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 20000;
        Logger.getLogger("org.printmail").setLevel(Level.WARNING);
        Files.createDirectories(dir);
        for (String f : List.of("token-vault.img", "device-secret", "baseline.img")) {
            Files.deleteIfExists(dir.resolve(f));
        }
        VaultOptions options = VaultOptions.inDirectory(dir, Clock.systemUTC());
        Random random = new Random(42);
        long[] vaultNanos = new long[iterations];
        long[] bareNanos = new long[iterations];
        long[] coldVault = new long[warmup];
        long[] coldBare = new long[warmup];
        long bytes;
        try (TokenVault vault = TokenVaults.open(options);
             FileChannel bare = baseline(dir.resolve("baseline.img"))) {
            AccountRecord device = record(AccountId.deviceMail(), random);
            vault.put(device);
            vault.put(record(AccountId.user("alice"), random));
            byte[] noise = new byte[PARTITION / 2];
            random.nextBytes(noise);
            for (int i = -warmup; i < iterations; i++) {
                device = rotate(device, random);
                long v;
                long b;
                if ((i & 1) == 0) {
                    v = timePut(vault, device);
                    b = timeBare(bare, noise, (int) VaultProbe.lastCommitBytes(vault), i);
                } else {
                    long before = VaultProbe.lastCommitBytes(vault);
                    b = timeBare(bare, noise, (int) before, i);
                    v = timePut(vault, device);
                }
                if (i >= 0) {
                    vaultNanos[i] = v;
                    bareNanos[i] = b;
                } else {
                    coldVault[i + warmup] = v;
                    coldBare[i + warmup] = b;
                }
            }
            bytes = VaultProbe.lastCommitBytes(vault);
        }
        long[] loadNanos = new long[Math.max(20, iterations / 5)];
        for (int i = -10; i < loadNanos.length; i++) {
            long t0 = System.nanoTime();
            try (TokenVault vault = TokenVaults.open(options)) {
                if (vault.all().size() != 2) {
                    throw new IllegalStateException("load lost accounts");
                }
            }
            if (i >= 0) {
                loadNanos[i] = System.nanoTime() - t0;
            }
        }
        report(iterations, bytes, dir, vaultNanos, bareNanos, loadNanos);
        System.out.printf("(after %d warm-up pairs; the first 100 of them: vault median %.1f us, bare %.1f us)%n",
                warmup, median(Arrays.copyOf(coldVault, Math.min(100, warmup))),
                median(Arrays.copyOf(coldBare, Math.min(100, warmup))));
    }

    private static void report(int n, long bytes, Path dir, long[] vault, long[] bare, long[] load) {
        double[] ratios = new double[n];
        for (int i = 0; i < n; i++) {
            ratios[i] = (double) vault[i] / bare[i];
        }
        Arrays.sort(ratios);
        System.out.printf("vault commit vs bare write+force, %d interleaved pairs, %d bytes each, in %s%n",
                n, bytes, dir.toAbsolutePath());
        System.out.printf("  vault commit   median %8.1f us  p90 %8.1f us%n", median(vault), pct(vault, 0.9));
        System.out.printf("  bare write+force median %6.1f us  p90 %8.1f us%n", median(bare), pct(bare, 0.9));
        System.out.printf("  ratio of medians %.2f; median of per-pair ratios %.2f (goal <= 1.5)%n",
                median(vault) / median(bare), ratios[n / 2]);
        System.out.printf("vault load (open: secret, HKDF, read both slots, decrypt, JSON; close), %d runs:"
                + " median %.1f us, p90 %.1f us%n", load.length, median(load), pct(load, 0.9));
    }

    private static long timePut(TokenVault vault, AccountRecord record) {
        long t0 = System.nanoTime();
        vault.put(record);
        return System.nanoTime() - t0;
    }

    /** Same shape as a commit: one write at the start of alternating halves, then force. */
    private static long timeBare(FileChannel ch, byte[] noise, int bytes, int i) throws IOException {
        long t0 = System.nanoTime();
        ByteBuffer buf = ByteBuffer.wrap(noise, 0, bytes);
        long offset = (i & 1) == 0 ? 0 : PARTITION / 2;
        while (buf.hasRemaining()) {
            ch.write(buf, offset + buf.position());
        }
        ch.force(false);
        return System.nanoTime() - t0;
    }

    private static FileChannel baseline(Path file) throws IOException {
        Files.write(file, new byte[PARTITION]);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        ch.force(true);
        return ch;
    }

    private static AccountRecord record(AccountId id, Random random) {
        Instant now = Instant.now();
        String upn = id.user().isEmpty() ? "scanner@contoso.com" : id.user() + "@contoso.com";
        return new AccountRecord(id.vaultKey(), "EXCHANGE_ONLINE", upn, upn, "contoso.onmicrosoft.com",
                List.of("https://outlook.office.com/SMTP.Send", "offline_access"), token(random, 900),
                token(random, 1400), now, now, now, now);
    }

    private static AccountRecord rotate(AccountRecord r, Random random) {
        Instant now = Instant.now();
        return r.withTokens(token(random, 1400), now.plusSeconds(4500), token(random, 900), now);
    }

    private static String token(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(B64URL.charAt(random.nextInt(B64URL.length())));
        }
        return sb.toString();
    }

    private static double median(long[] nanos) { return pct(nanos, 0.5); }

    private static double pct(long[] nanos, double p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[(int) Math.min(s.length - 1, Math.floor(p * s.length))] / 1000.0;
    }
}
