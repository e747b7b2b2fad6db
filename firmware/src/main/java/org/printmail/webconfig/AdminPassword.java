package org.printmail.webconfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.printmail.files.DurableFiles;
import org.printmail.i18n.Text;

/**
 * The administrator password, kept only as a salted PBKDF2-HMAC-SHA256 hash in an owner-only
 * file: {@code pbkdf2-sha256:<iterations>:<salt>:<hash>}. On first boot the configured initial
 * password is hashed into it; the plain password is never stored.
 */
final class AdminPassword {
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    /** One stored password: swapped whole when the administrator changes it. */
    private record Hash(int iterations, byte[] salt, byte[] hash) { }

    private volatile Hash current;
    private Path file;

    private AdminPassword(int iterations, byte[] salt, byte[] hash) {
        this.current = new Hash(iterations, salt, hash);
    }

    /** Reads the hash file, or creates it from the initial password on first boot. */
    static AdminPassword openOrCreate(Path file, String initialPassword, int iterations) {
        try {
            if (Files.exists(file)) {
                AdminPassword p = parse(Files.readString(file, StandardCharsets.US_ASCII).trim(), file);
                p.file = file;
                return p;
            }
            if (initialPassword == null || initialPassword.length() < 8) {
                throw new IllegalArgumentException(
                        "Web Config: no administrator password yet and no initial password of 8+ characters configured");
            }
            byte[] salt = new byte[SALT_BYTES];
            new SecureRandom().nextBytes(salt);
            AdminPassword p = new AdminPassword(iterations, salt,
                    derive(initialPassword.toCharArray(), salt, iterations));
            write(file, p.encoded());
            p.file = file;
            return p;
        } catch (IOException e) {
            throw new IllegalStateException("Web Config: cannot read or write the administrator password file "
                    + file.getFileName() + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Constant-time check of a candidate password. */
    boolean matches(String candidate) {
        Hash h = current;
        if (candidate == null || candidate.isEmpty() || candidate.length() > 256) {
            // Still spend the time, so response timing does not reveal which inputs are cheap.
            derive("x".toCharArray(), h.salt(), h.iterations());
            return false;
        }
        return MessageDigest.isEqual(h.hash(), derive(candidate.toCharArray(), h.salt(), h.iterations()));
    }

    /**
     * Replaces the password after checking the current one. The new hash (fresh salt) is written
     * to a temporary file, forced and renamed over the old one, so a power cut leaves the old or
     * the new password, never neither.
     *
     * @return empty when changed, else the reason for the person at the form
     */
    synchronized java.util.Optional<Text> change(String currentPassword, String next, String confirm) {
        if (!matches(currentPassword)) {
            return java.util.Optional.of(Text.of("webpages.password.currentWrong"));
        }
        java.util.Optional<Text> problem = rules(next, confirm);
        if (problem.isPresent()) {
            return problem;
        }
        if (next.equals(currentPassword)) {
            return java.util.Optional.of(Text.of("webpages.password.sameAsCurrent"));
        }
        return replace(next);
    }

    /**
     * The control panel's reset: replaces the password without the current one (the person is
     * at the device). Same rules and the same atomic write as a change.
     *
     * @return empty when done, else the reason, in any language
     */
    synchronized java.util.Optional<Text> resetText(String next, String confirm) {
        java.util.Optional<Text> problem = rules(next, confirm);
        return problem.isPresent() ? problem : replace(next);
    }

    private static java.util.Optional<Text> rules(String next, String confirm) {
        if (next == null || next.length() < 8 || next.length() > 256) {
            return java.util.Optional.of(Text.of("webpages.password.length"));
        }
        if (!next.equals(confirm)) {
            return java.util.Optional.of(Text.of("webpages.password.mismatch"));
        }
        return java.util.Optional.empty();
    }

    private java.util.Optional<Text> replace(String next) {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        int iterations = current.iterations();
        Hash h = new Hash(iterations, salt, derive(next.toCharArray(), salt, iterations));
        try {
            write(file, encode(h));
        } catch (IOException e) {
            return java.util.Optional.of(Text.of("webpages.password.notSaved", e.getClass().getSimpleName()));
        }
        current = h;
        return java.util.Optional.empty();
    }

    private String encoded() { return encode(current); }

    private static String encode(Hash h) {
        Base64.Encoder b64 = Base64.getEncoder();
        return SCHEME + ":" + h.iterations() + ":" + b64.encodeToString(h.salt()) + ":"
                + b64.encodeToString(h.hash());
    }

    private static AdminPassword parse(String line, Path file) {
        String[] parts = line.split(":");
        try {
            if (parts.length != 4 || !SCHEME.equals(parts[0])) {
                throw new IllegalArgumentException("format");
            }
            Base64.Decoder b64 = Base64.getDecoder();
            return new AdminPassword(Integer.parseInt(parts[1]), b64.decode(parts[2]),
                    b64.decode(parts[3]));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Web Config: administrator password file "
                    + file.getFileName()
                    + " is damaged; restore it or delete it to fall back to the configured initial password");
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(password, '\0');
        }
    }

    /** One line of ASCII, durable and owner-only. */
    static void write(Path file, String content) throws IOException {
        DurableFiles.replace(file, (content + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() { return "AdminPassword[" + SCHEME + ", iterations=" + current.iterations()
            + "]"; }
}
