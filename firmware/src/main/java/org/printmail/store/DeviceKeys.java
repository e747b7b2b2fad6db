package org.printmail.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys for other at-rest data (the outbox's spooled scans), derived with HKDF-SHA256 from the same
 * device secret as the vault key but under their own purpose label, so no two uses share a key.
 */
public final class DeviceKeys {
    private DeviceKeys() { }

    /** An AES-256 key for {@code purpose} (e.g. {@code "printmail/spool/v1"}); creates the secret on first boot. */
    public static SecretKey aesKey(Path deviceSecretFile, String purpose) {
        byte[] secret = DeviceSecret.loadOrCreate(deviceSecretFile, new SecureRandom());
        byte[] key = null;
        try {
            key = Hkdf.derive(secret, new byte[0], purpose.getBytes(StandardCharsets.UTF_8), 32);
            return new SecretKeySpec(key, "AES");
        } finally {
            Arrays.fill(secret, (byte) 0);
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }
}
