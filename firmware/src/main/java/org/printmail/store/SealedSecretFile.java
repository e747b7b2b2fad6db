package org.printmail.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.printmail.files.DurableFiles;


/**
 * One small secret kept at rest like the device's other secrets (e.g. the office proxy's
 * password): AES-256-GCM under a key derived from the device secret for this purpose alone,
 * written owner-only with an atomic replace. The file name is bound in as associated data, so a
 * sealed file moved to another name does not open. Thread-safe.
 */
public final class SealedSecretFile {
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MAX_SECRET_BYTES = 1024;
    private final Path file;
    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();
    private Optional<String> cached; // decrypted once; guarded by this

    /** @param purpose the key's label, e.g. {@code printmail/proxy-password/v1} */
    public SealedSecretFile(Path file, Path deviceSecretFile, String purpose) {
        this.file = file;
        this.key = DeviceKeys.aesKey(deviceSecretFile, purpose);
    }

    /** Seals and stores the secret; an empty one removes the file. */
    public synchronized void write(String secret) {
        try {
            if (secret == null || secret.isEmpty()) {
                Files.deleteIfExists(file);
                cached = Optional.empty();
                return;
            }
            byte[] plain = secret.getBytes(StandardCharsets.UTF_8);
            try {
                if (plain.length > MAX_SECRET_BYTES) {
                    throw VaultSetupException.invalid("secret", "longer than " + MAX_SECRET_BYTES + " bytes");
                }
                byte[] iv = new byte[IV_BYTES];
                random.nextBytes(iv);
                Cipher c = cipher(Cipher.ENCRYPT_MODE, iv);
                byte[] sealed = c.doFinal(plain);
                DurableFiles.replace(file, ByteBuffer.allocate(iv.length + sealed.length).put(iv)
                        .put(sealed).array());
                cached = Optional.of(secret);
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw VaultSetupException.storage("secret", "cannot save " + file.getFileName() + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** The secret, or empty when none is stored or the file does not open (damaged, other device). */
    public synchronized Optional<String> read() {
        if (cached == null) {
            cached = open();
        }
        return cached;
    }

    private Optional<String> open() {
        try {
            byte[] all = Files.readAllBytes(file);
            if (all.length <= IV_BYTES) {
                return Optional.empty();
            }
            Cipher c = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(all, IV_BYTES));
            byte[] plain = c.doFinal(all, IV_BYTES, all.length - IV_BYTES);
            try {
                return Optional.of(new String(plain, StandardCharsets.UTF_8));
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private Cipher cipher(int mode, byte[] iv) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        c.updateAAD(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        return c;
    }
}
