package org.printmail.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;

import org.printmail.files.DurableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device-unique secret the vault key is derived from. Real hardware keeps it in a secure
 * element or fuses; here it stands in as a 32-byte file created with owner-only permissions on
 * first boot. Losing or replacing it makes the vault unreadable (set aside, not signed in).
 */
final class DeviceSecret {
    static final int BYTES = 32;
    private static final String FIELD = "vault.device-secret";
    private static final Logger LOG = LoggerFactory.getLogger(DeviceSecret.class);

    private DeviceSecret() { }

    /** Reads the secret, creating it on first boot. The caller zeroes the returned array. */
    static byte[] loadOrCreate(Path file, SecureRandom random) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[BYTES];
                random.nextBytes(fresh);
                boolean created = false;
                try {
                    created = DurableFiles.createIfAbsent(file, fresh);
                } finally {
                    if (!created) {
                        Arrays.fill(fresh, (byte) 0);
                    }
                }
                if (created) {
                    LOG.info("created a new device secret at {}", file);
                    return fresh;
                }
                // another process created it first: use theirs
            }
            return read(file);
        } catch (IOException e) {
            throw VaultSetupException.storage(FIELD, "cannot read or create " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (DurableFiles.tighten(file)) {
            LOG.warn("device secret {} was readable by others; now owner-only", file);
        }
        byte[] secret = Files.readAllBytes(file);
        if (secret.length != BYTES) {
            int found = secret.length;
            Arrays.fill(secret, (byte) 0);
            throw VaultSetupException.invalid(FIELD, file + " holds " + found + " bytes, a device secret is"
                    + " exactly " + BYTES + "; restore the original file, or delete it to create a new"
                    + " one (signed-in accounts are then lost)");
        }
        return secret;
    }
}
