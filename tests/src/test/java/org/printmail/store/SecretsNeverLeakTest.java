package org.printmail.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.printmail.testing.LogCapture;

/**
 * Drives every path of the vault that logs or throws (open, put, remove, load failures of each
 * kind, capacity, closed use) with real tokens inside, captures every log line at every level
 * and every exception message, and looks for any token in them.
 */
class SecretsNeverLeakTest {
    @TempDir
    Path dir;

    @Test
    void noTokenAppearsInAnyLogLineOrExceptionMessage() throws IOException {
        List<AccountRecord> records = List.of(SampleAccounts.deviceMail(1), SampleAccounts.deviceMail(2),
                SampleAccounts.user("alice", 1), SampleAccounts.faxServer(1));
        List<String> said = new ArrayList<>();
        try (LogCapture log = LogCapture.start(Level.ALL)) {
            VaultOptions options = options("device-secret", VaultOptions.DEFAULT_PARTITION_BYTES);
            try (TokenVault vault = TokenVaults.open(options)) {               // open: created
                records.forEach(vault::put);                                      // put
                vault.remove(new AccountKey("USER_MAILBOX", "alice"));                            // remove
                said.add(vault.all().toString());                                 // records' toString
            }
            try (TokenVault vault = TokenVaults.open(options)) {               // open: loaded
                vault.remove(new AccountKey("USER_MAILBOX", "nobody"));
            }
            VaultOptions foreign = options("other-secret", VaultOptions.DEFAULT_PARTITION_BYTES);
            try (TokenVault vault = TokenVaults.open(foreign)) {               // load failure: key
                said.add(vault.health().reason());
                vault.put(records.get(0));
                said.add(messageOf(assertThrows(VaultFullException.class, () -> vault.put(huge()))));
            }
            corruptBothSlots();
            try (TokenVault vault = TokenVaults.open(foreign)) {               // load failure: CRC
                said.add(vault.health().reason());
            }
            sealUnreadableContents(foreign);
            TokenVault unreadable = TokenVaults.open(foreign);                 // load failure: contents
            said.add(unreadable.health().reason());
            unreadable.close();
            said.add(messageOf(assertThrows(IllegalStateException.class,
                    () -> unreadable.put(records.get(0)))));
            Files.write(dir.resolve("short-secret"), records.get(0).refreshToken().substring(0, 20)
                    .getBytes(StandardCharsets.US_ASCII));
            said.add(messageOf(assertThrows(RuntimeException.class, () ->
                    TokenVaults.open(options("short-secret", VaultOptions.DEFAULT_PARTITION_BYTES)))));
            said.addAll(log.lines());
        }
        assertTrue(said.stream().anyMatch(s -> s.contains("set aside")), "the failure paths were logged");
        assertTrue(said.stream().anyMatch(s -> s.contains("signed out")), "the remove path was logged");
        List<String> tokens = new ArrayList<>(SampleAccounts.tokens(records));
        tokens.addAll(SampleAccounts.tokens(List.of(huge())));
        tokens.add("SECRET-RT-in-unreadable-contents");
        for (String line : said) {
            for (String token : tokens) {
                for (String part : fingerprints(token)) {
                    assertFalse(line.contains(part),
                            "a token leaked into: " + line.substring(0, Math.min(120, line.length())));
                }
            }
        }
    }

    private VaultOptions options(String secret, int partitionBytes) {
        return new VaultOptions(dir.resolve("vault.img"), dir.resolve(secret), partitionBytes,
                SampleAccounts.CLOCK);
    }

    private static List<String> fingerprints(String token) {
        return token.length() < 200 ? List.of(token) : SampleAccounts.fingerprints(token);
    }

    private static String messageOf(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c).append(" | ");
        }
        return sb.toString();
    }

    private static AccountRecord huge() {
        AccountRecord base = SampleAccounts.user("bob", 9);
        String big = base.refreshToken().repeat(20);
        return base.withTokens(base.accessToken(), SampleAccounts.T0, big, SampleAccounts.T0);
    }

    private void corruptBothSlots() throws IOException {
        byte[] image = Files.readAllBytes(dir.resolve("vault.img"));
        for (int i = 0; i < image.length; i += 512) {
            image[i + 40] ^= 0x5A;
        }
        Files.write(dir.resolve("vault.img"), image);
    }

    /** An authentic record under the file's key whose JSON the vault cannot map. */
    private void sealUnreadableContents(VaultOptions options) throws IOException {
        SealedRecord key = SealedRecord.forDeviceSecret(Files.readAllBytes(options.deviceSecret()),
                new SecureRandom());
        String json = "{\"format\":1,\"accounts\":[{\"id\":\"SECRET-RT-in-unreadable-contents\"}]}";
        byte[] image = new byte[options.partitionBytes()];
        byte[] record = key.seal(1, json.getBytes(StandardCharsets.UTF_8));
        System.arraycopy(record, 0, image, 0, record.length);
        Files.write(options.image(), image);
    }
}
