package org.printmail.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vault through its public entry point, on real files. */
class NvramTokenVaultTest {
    private static final int SLOT = VaultOptions.DEFAULT_PARTITION_BYTES / 2;
    @TempDir
    Path dir;

    private VaultOptions options(String secret, int partitionBytes) {
        return new VaultOptions(dir.resolve("token-vault.img"), dir.resolve(secret), partitionBytes,
                SampleAccounts.CLOCK);
    }

    private VaultOptions options() { return options("device-secret", VaultOptions.DEFAULT_PARTITION_BYTES); }

    @Test
    void aMissingVaultOpensEmptyAndCreatesOwnerOnlyFilesOfTheConfiguredSize() throws IOException {
        try (TokenVault vault = TokenVaults.open(options())) {
            assertEquals(VaultHealth.empty(), vault.health());
            assertEquals(List.of(), vault.all());
        }
        Path image = dir.resolve("token-vault.img");
        Path secret = dir.resolve("device-secret");
        assertEquals(32 * 1024, Files.size(image));
        assertEquals(32, Files.size(secret));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(image)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void accountsSurviveCloseAndReopenExactly() {
        List<AccountRecord> stored = List.of(SampleAccounts.deviceMail(1), SampleAccounts.faxServer(1),
                SampleAccounts.user("alice", 1));
        try (TokenVault vault = TokenVaults.open(options())) {
            stored.forEach(vault::put);
        }
        try (TokenVault vault = TokenVaults.open(options())) {
            assertEquals(VaultHealth.ok(), vault.health());
            assertEquals(stored, vault.all());
            assertEquals(Optional.of(stored.get(2)), vault.find(new AccountKey("USER_MAILBOX", "alice")));
            assertEquals(Optional.empty(), vault.find(new AccountKey("USER_MAILBOX", "bob")));
        }
    }

    @Test
    void putReplacesTheRecordForItsIdAndKeepsTheOthers() {
        try (TokenVault vault = TokenVaults.open(options())) {
            vault.put(SampleAccounts.deviceMail(1));
            vault.put(SampleAccounts.user("alice", 1));
            vault.put(SampleAccounts.deviceMail(2));
            assertEquals(List.of(SampleAccounts.deviceMail(2), SampleAccounts.user("alice", 1)), vault.all());
        }
    }

    @Test
    void signOutLeavesNoSlotThatDecryptsToAnyOfTheAccountsTokens() throws IOException {
        List<AccountRecord> aliceGenerations = List.of(SampleAccounts.user("alice", 1),
                SampleAccounts.user("alice", 2), SampleAccounts.user("alice", 3));
        try (TokenVault vault = TokenVaults.open(options())) {
            vault.put(SampleAccounts.deviceMail(1));
            aliceGenerations.forEach(vault::put); // refreshes leave older tokens in the other slot
            vault.remove(new AccountKey("USER_MAILBOX", "alice"));
            assertEquals(List.of(SampleAccounts.deviceMail(1)), vault.all());
        }
        SealedRecord key = sealerFromFile();
        List<String> aliceTokens = SampleAccounts.tokens(aliceGenerations);
        byte[] image = image();
        for (int slot = 0; slot < 2; slot++) {
            SealedRecord.Verdict v = key.open(Arrays.copyOfRange(image, slot * SLOT, (slot + 1) * SLOT));
            assertTrue(v instanceof SealedRecord.Valid, "both slots hold the new state");
            String plaintext = new String(((SealedRecord.Valid) v).plaintext(), StandardCharsets.UTF_8);
            aliceTokens.forEach(t -> assertFalse(plaintext.contains(t), "slot still decrypts to alice's token"));
            assertTrue(plaintext.contains(SampleAccounts.deviceMail(1).refreshToken()));
        }
        String raw = new String(image, StandardCharsets.ISO_8859_1);
        SampleAccounts.tokens(List.of(SampleAccounts.deviceMail(1))).forEach(t ->
                assertFalse(raw.contains(t.substring(t.length() - 24)), "tokens are never stored in clear"));
    }

    @Test
    void aDifferentDeviceSecretSetsTheVaultAsideAndTheDeviceRunsOnEmpty() throws IOException {
        try (TokenVault vault = TokenVaults.open(options())) {
            vault.put(SampleAccounts.deviceMail(1));
        }
        byte[] original = image();
        VaultOptions otherSecret = options("other-secret", VaultOptions.DEFAULT_PARTITION_BYTES);
        try (TokenVault vault = TokenVaults.open(otherSecret)) {
            assertEquals(VaultHealth.State.SET_ASIDE, vault.health().state());
            assertTrue(vault.health().reason().contains("different device secret"), vault.health().reason());
            assertTrue(vault.health().reason().contains("token-vault.img.set-aside-20250301T080000Z"),
                    vault.health().reason());
            assertEquals(List.of(), vault.all());
            vault.put(SampleAccounts.faxServer(1)); // and it keeps working
        }
        Path setAside = dir.resolve("token-vault.img.set-aside-20250301T080000Z");
        assertArrayEquals(original, Files.readAllBytes(setAside));
        try (TokenVault vault = TokenVaults.open(otherSecret)) {
            assertEquals(List.of(SampleAccounts.faxServer(1)), vault.all());
        }
    }

    @Test
    void bothSlotsCorruptSetsTheVaultAsideWithTheReasonForEach() throws IOException {
        try (TokenVault vault = TokenVaults.open(options())) {
            vault.put(SampleAccounts.deviceMail(1));
            vault.put(SampleAccounts.deviceMail(2));
        }
        byte[] image = image();
        image[100] ^= 1;
        image[SLOT + 40] ^= (byte) 0x80;
        Files.write(dir.resolve("token-vault.img"), image);
        try (TokenVault vault = TokenVaults.open(options())) {
            assertEquals(VaultHealth.State.SET_ASIDE, vault.health().state());
            assertTrue(vault.health().reason().contains("slot A: checksum mismatch"), vault.health().reason());
            assertTrue(vault.health().reason().contains("slot B: checksum mismatch"), vault.health().reason());
            assertEquals(List.of(), vault.all());
        }
    }

    @Test
    void tooMuchDataIsRefusedBeforeAnythingIsWrittenAndTheOldStateStays() throws IOException {
        VaultOptions small = options("device-secret", 8 * 1024);
        try (TokenVault vault = TokenVaults.open(small)) {
            vault.put(SampleAccounts.deviceMail(1));
            byte[] before = image();
            VaultFullException e = assertThrows(VaultFullException.class,
                    () -> vault.put(SampleAccounts.user("alice", 1)));
            assertEquals(4096, e.slotBytes());
            assertTrue(e.neededBytes() > 4096);
            assertTrue(e.getMessage().contains("token vault full"), e.getMessage());
            assertArrayEquals(before, image(), "nothing written");
            assertEquals(List.of(SampleAccounts.deviceMail(1)), vault.all());
        }
        try (TokenVault vault = TokenVaults.open(small)) {
            assertEquals(List.of(SampleAccounts.deviceMail(1)), vault.all());
        }
    }

    @Test
    void aDeviceSecretOfTheWrongSizeIsAClearErrorNamingTheSetting() throws IOException {
        Files.write(dir.resolve("device-secret"), new byte[16]);
        VaultSetupException e = assertThrows(VaultSetupException.class, () -> TokenVaults.open(options()));
        assertEquals("vault.device-secret", e.field());
        assertTrue(e.getMessage().contains("holds 16 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("exactly 32"), e.getMessage());
    }

    @Test
    void aDeviceSecretReadableByOthersIsTightenedToOwnerOnly() throws IOException {
        Path secret = dir.resolve("device-secret");
        Files.write(secret, new byte[32]);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        TokenVaults.open(options()).close();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
    }

    @Test
    void anImageOfAnotherSizeIsSetAsideNotMisread() throws IOException {
        try (TokenVault vault = TokenVaults.open(options())) {
            vault.put(SampleAccounts.deviceMail(1));
        }
        try (TokenVault vault = TokenVaults.open(options("device-secret", 16 * 1024))) {
            assertEquals(VaultHealth.State.SET_ASIDE, vault.health().state());
            assertTrue(vault.health().reason().contains("32768 bytes"), vault.health().reason());
            vault.put(SampleAccounts.deviceMail(2));
        }
        assertEquals(16 * 1024, Files.size(dir.resolve("token-vault.img")));
    }

    @Test
    void aClosedVaultRefusesUse() {
        TokenVault vault = TokenVaults.open(options());
        vault.close();
        vault.close(); // idempotent
        assertThrows(IllegalStateException.class, vault::all);
        assertThrows(IllegalStateException.class, () -> vault.put(SampleAccounts.deviceMail(1)));
    }

    @Test
    void concurrentPutsFromManyThreadsAreAllCommitted() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (TokenVault vault = TokenVaults.open(options())) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String user = "u" + i;
                done.add(pool.submit(() -> vault.put(small(user))));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        try (TokenVault vault = TokenVaults.open(options())) {
            assertEquals(24, vault.all().size());
            assertEquals(Optional.of(small("u17")), vault.find(new AccountKey("USER_MAILBOX", "u17")));
        }
    }

    @Test
    void partitionSizeIsValidatedWithTheSettingNamed() {
        VaultSetupException e = assertThrows(VaultSetupException.class, () -> options("s", 5000));
        assertEquals("vault.partition-bytes", e.field());
        Properties p = new Properties();
        p.setProperty("vault.partition-bytes", "65536");
        p.setProperty("vault.image", "var/vault.img");
        VaultOptions o = VaultOptions.fromProperties(p, dir, SampleAccounts.CLOCK);
        assertEquals(65536, o.partitionBytes());
        assertEquals(dir.resolve("var/vault.img"), o.image());
        assertEquals(dir.resolve(".printmail-data/device-secret"), o.deviceSecret());
    }

    private static AccountRecord small(String user) {
        Instant t = SampleAccounts.T0;
        return new AccountRecord(new AccountKey("USER_MAILBOX", user), "LAB", user + "@lab", user + "@lab", "t",
                List.of("s"), "rt-" + user, "at-" + user, t, t, t, t);
    }

    private byte[] image() throws IOException { return Files.readAllBytes(dir.resolve("token-vault.img")); }

    private SealedRecord sealerFromFile() throws IOException {
        return SealedRecord.forDeviceSecret(Files.readAllBytes(dir.resolve("device-secret")),
                new SecureRandom());
    }
}
