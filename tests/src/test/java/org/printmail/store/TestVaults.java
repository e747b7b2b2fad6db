package org.printmail.store;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/** One device key for in-memory vaults, and a look at what each slot really holds. */
final class TestVaults {
    static final byte[] SECRET = new byte[DeviceSecret.BYTES];
    static final SealedRecord SEALER;

    static {
        for (int i = 0; i < SECRET.length; i++) {
            SECRET[i] = (byte) (0xA0 + i);
        }
        SEALER = SealedRecord.forDeviceSecret(SECRET, new SecureRandom());
    }

    private TestVaults() { }

    static NvramTokenVault open(Medium medium) {
        return new NvramTokenVault(medium, SEALER, medium.size(), SampleAccounts.CLOCK);
    }

    /** True if any slot authenticates and its plaintext contains one of {@code tokens}. */
    static boolean anySlotDecryptsTo(byte[] image, List<String> tokens) {
        int half = image.length / 2;
        for (int s = 0; s < 2; s++) {
            byte[] slot = Arrays.copyOfRange(image, s * half, (s + 1) * half);
            if (SEALER.open(slot) instanceof SealedRecord.Valid v) {
                String plaintext = new String(v.plaintext(), StandardCharsets.UTF_8);
                if (tokens.stream().anyMatch(plaintext::contains)) {
                    return true;
                }
            }
        }
        return false;
    }
}
