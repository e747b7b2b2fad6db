package org.printmail.lab;

import java.security.SecureRandom;
import java.util.Base64;

/** Opaque random strings for device codes, tokens and flow ids. */
final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** {@code bytes} random bytes, base64url without padding (48 bytes = 384 bits). */
    static String token(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
