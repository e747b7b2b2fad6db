package org.printmail.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Properties;


/**
 * Where the vault lives and how big its partition is.
 *
 * @param image          the NVRAM partition image file
 * @param deviceSecret   the stand-in for the secure element: 32 bytes, created on first boot
 * @param partitionBytes the fixed image size; each of the two slots gets half
 * @param clock          names set-aside images
 */
public record VaultOptions(Path image, Path deviceSecret, int partitionBytes, Clock clock) {
    public static final int DEFAULT_PARTITION_BYTES = 32 * 1024;
    static final int MIN_PARTITION_BYTES = 4 * 1024;
    static final int MAX_PARTITION_BYTES = 1024 * 1024;

    public VaultOptions {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(deviceSecret, "deviceSecret");
        Objects.requireNonNull(clock, "clock");
        if (partitionBytes < MIN_PARTITION_BYTES || partitionBytes > MAX_PARTITION_BYTES
                || partitionBytes % (2 * FileMedium.PAGE_BYTES) != 0) {
            throw VaultSetupException.invalid("vault.partition-bytes", "must be a multiple of "
                    + 2 * FileMedium.PAGE_BYTES + " between " + MIN_PARTITION_BYTES + " and "
                    + MAX_PARTITION_BYTES + " (found " + partitionBytes + ")");
        }
        if (image.toAbsolutePath().normalize().equals(deviceSecret.toAbsolutePath().normalize())) {
            throw VaultSetupException.invalid("vault.device-secret", "must not be the vault image itself");
        }
    }

    /** {@code token-vault.img} and {@code device-secret} in {@code dataDir}, 32 KiB partition. */
    public static VaultOptions inDirectory(Path dataDir, Clock clock) {
        return new VaultOptions(dataDir.resolve("token-vault.img"), dataDir.resolve("device-secret"),
                DEFAULT_PARTITION_BYTES, clock);
    }

    /**
     * Reads {@code vault.image}, {@code vault.device-secret} and {@code vault.partition-bytes};
     * relative paths resolve against {@code root}, missing keys take the
     * {@link #inDirectory(Path, Clock) defaults} under {@code root/.printmail-data}.
     */
    public static VaultOptions fromProperties(Properties p, Path root, Clock clock) {
        VaultOptions d = inDirectory(root.resolve(".printmail-data"), clock);
        Path image = path(p, "vault.image", root, d.image());
        Path secret = path(p, "vault.device-secret", root, d.deviceSecret());
        String size = p.getProperty("vault.partition-bytes", "").trim();
        int bytes;
        try {
            bytes = size.isEmpty() ? DEFAULT_PARTITION_BYTES : Integer.parseInt(size);
        } catch (NumberFormatException e) {
            throw VaultSetupException.invalid("vault.partition-bytes", "must be a whole number of bytes");
        }
        return new VaultOptions(image, secret, bytes, clock);
    }

    private static Path path(Properties p, String key, Path root, Path dflt) {
        String v = p.getProperty(key, "").trim();
        return v.isEmpty() ? dflt : root.resolve(v).normalize();
    }
}
