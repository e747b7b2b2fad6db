package org.printmail.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.printmail.store.PowerCutMedium.PowerLost;
import org.printmail.store.PowerCutMedium.Tear;

/**
 * Power cut at every byte of a commit, exhaustively: for each k from 0 to the bytes the commit
 * writes, the write stops after k bytes (cleanly, or with the rest of the page being programmed
 * full of garbage), the device reboots from what is on the medium, and the loaded state must be
 * exactly the state before or exactly the state after the call. Then the rebooted vault must
 * commit again. Real record format, real crypto; only the medium is in RAM (and once a file).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PowerCutTest {
    private static final int PARTITION = 32 * 1024;
    private long cutPoints;

    @Test
    void theFirstSignInIsAtomicAtEveryByte() {
        run("first sign-in", v -> { }, v -> v.put(SampleAccounts.deviceMail(1)), false, memory());
    }

    @Test
    void aTokenRefreshIsAtomicAtEveryByte() {
        run("token refresh", v -> {
            v.put(SampleAccounts.deviceMail(1));
            v.put(SampleAccounts.user("alice", 1));
        }, v -> v.put(SampleAccounts.deviceMail(2)), false, memory());
    }

    @Test
    void addingAnAccountIsAtomicAtEveryByte() {
        run("adding an account", v -> {
            v.put(SampleAccounts.deviceMail(1));
            v.put(SampleAccounts.deviceMail(2));
        }, v -> v.put(SampleAccounts.user("alice", 1)), false, memory());
    }

    @Test
    void aSignOutIsAtomicAtEveryByteAndNeverLeavesTheOldTokensBehindTheNewState() {
        run("sign-out (two commits)", v -> {
            v.put(SampleAccounts.deviceMail(1));
            v.put(SampleAccounts.user("alice", 1));
            v.put(SampleAccounts.deviceMail(2));
        }, v -> v.remove(new AccountKey("USER_MAILBOX", "alice")), true, memory());
    }

    @Test
    void aTokenRefreshOnTheRealFileMediumIsAtomicAtEveryByte(@TempDir Path dir) {
        run("token refresh, file medium", v -> {
            v.put(SampleAccounts.deviceMail(1));
            v.put(SampleAccounts.deviceMail(2));
        }, v -> v.put(SampleAccounts.deviceMail(3)), false, new FileMediums(dir.resolve("vault.img")));
    }

    @AfterAll
    void report() {
        System.out.println("power-cut: " + cutPoints + " cut points tested in total, each followed by a reboot");
    }

    private static void assertCommitsAfterReboot(NvramTokenVault r, Medium rebooted, Mediums mediums,
                                                 int generation, String at) throws IOException {
        AccountRecord next = SampleAccounts.faxServer(generation);
        r.put(next);
        assertTrue(TestVaults.open(mediums.fresh(mediums.bytes(rebooted))).find(next.id())
                .filter(next::equals).isPresent(), at + ": no commit after the reboot");
    }

    /** Where each attempt's medium comes from: a fresh copy of the image before the commit. */
    interface Mediums {
        Medium fresh(byte[] image) throws IOException;

        byte[] bytes(Medium m) throws IOException;

        /** Every how many cut points the rebooted vault must also commit (each commit forces). */
        int commitCheckStride();
    }

    private static Mediums memory() {
        return new Mediums() {
            @Override
            public Medium fresh(byte[] image) { return new MemoryMedium(image.clone()); }

            @Override
            public byte[] bytes(Medium m) { return ((MemoryMedium) m).snapshot(); }

            @Override
            public int commitCheckStride() { return 64; }
        };
    }

    /** One image file, rewritten for every attempt; only the latest channel stays open. */
    private static final class FileMediums implements Mediums {
        private final Path image;
        private Medium open;

        FileMediums(Path image) { this.image = image; }

        @Override
        public Medium fresh(byte[] bytes) throws IOException {
            if (open != null) {
                open.close();
            }
            // Overwrite in place: truncate-and-rewrite would make ext4 flush on close every time.
            try (FileChannel ch = FileChannel.open(image, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf, buf.position());
                }
            }
            open = FileMedium.open(image, bytes.length);
            return open;
        }

        @Override
        public byte[] bytes(Medium m) throws IOException { return Files.readAllBytes(image); }

        @Override
        public int commitCheckStride() { return 512; } // a real fsync each: keep the disk calm
    }

    /**
     * @param erases the operation is a Sign Out: once the new state loads, no slot may still
     *               decrypt to the tokens it removed
     */
    private void run(String name, Consumer<TokenVault> setup, Consumer<TokenVault> op, boolean erases,
                     Mediums mediums) {
        // Thousands of torn first commits are each set aside with a WARN line: keep the build quiet.
        Logger quiet = Logger.getLogger("org.printmail.store");
        Level level = quiet.getLevel();
        quiet.setLevel(Level.SEVERE);
        try {
            MemoryMedium base = new MemoryMedium(PARTITION);
            NvramTokenVault prepared = TestVaults.open(base);
            setup.accept(prepared);
            List<AccountRecord> before = prepared.all();
            byte[] image = base.snapshot();

            PowerCutMedium dry = new PowerCutMedium(new MemoryMedium(image.clone()), 0);
            NvramTokenVault full = TestVaults.open(dry);
            assertEquals(0, dry.bytesWritten(), "loading must not write in this scenario");
            op.accept(full);
            List<AccountRecord> after = full.all();
            long total = dry.bytesWritten();
            assertNotEquals(before, after);
            List<String> gone = SampleAccounts.tokens(before).stream()
                    .filter(t -> !SampleAccounts.tokens(after).contains(t)).toList();

            int oldSeen = 0;
            int newSeen = 0;
            for (Tear tear : Tear.values()) {
                for (long k = 0; k <= total; k++) {
                    Medium m = mediums.fresh(image);
                    PowerCutMedium cut = new PowerCutMedium(m, k);
                    NvramTokenVault v = TestVaults.open(cut);
                    cut.cutAfter(k, tear);
                    try {
                        op.accept(v);
                    } catch (PowerLost expected) {
                        // the device went dark here
                    }
                    assertEquals(k < total, cut.powerLost(), name + ": power loss at k=" + k);
                    byte[] left = mediums.bytes(m);

                    Medium rebooted = mediums.fresh(left);
                    NvramTokenVault r = TestVaults.open(rebooted);
                    List<AccountRecord> loaded = r.all();
                    String at = name + ", " + tear + ", k=" + k + " of " + total;
                    if (loaded.equals(before)) {
                        oldSeen++;
                        if (!before.isEmpty()) {
                            assertEquals(VaultHealth.State.OK, r.health().state(), at);
                        }
                    } else if (loaded.equals(after)) {
                        newSeen++;
                        assertEquals(VaultHealth.State.OK, r.health().state(), at);
                        if (erases) {
                            assertFalse(TestVaults.anySlotDecryptsTo(mediums.bytes(rebooted), gone),
                                    at + ": a slot still decrypts to signed-out tokens");
                        }
                    } else {
                        fail(at + ": loaded neither the old nor the new state");
                    }
                    if (k % mediums.commitCheckStride() == 0 || k == total) {
                        // a sample (the cut points are all tested above): the device commits on
                        assertCommitsAfterReboot(r, rebooted, mediums, (int) k, at);
                    }
                    cutPoints++;
                }
            }
            assertEquals(total + 1, oldSeen + newSeen - (total + 1), "every cut point checked");
            assertTrue(oldSeen > 0 && newSeen >= 2, "both outcomes reached");
            System.out.printf("power-cut: %s: commit writes %d bytes; %d cut points (k=0..%d, clean and"
                    + " torn page); reboot found the old state %d times, the new %d times%n",
                    name, total, 2 * (total + 1), total, oldSeen, newSeen);
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            quiet.setLevel(level);
        }
    }
}
