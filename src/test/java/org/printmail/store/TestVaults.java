package org.printmail.store;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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

    /** For slots A and B: the accounts, if the slot authenticates under the device key. */
    static List<Optional<List<AccountRecord>>> authenticSlots(byte[] image) {
        List<Optional<List<AccountRecord>>> out = new ArrayList<>();
        int half = image.length / 2;
        for (int s = 0; s < 2; s++) {
            byte[] slot = Arrays.copyOfRange(image, s * half, (s + 1) * half);
            if (SEALER.open(slot) instanceof SealedRecord.Valid v) {
                try {
                    out.add(Optional.of(AccountSetCodec.decode(v.plaintext())));
                } catch (AccountSetCodec.UnreadableContents e) {
                    throw new AssertionError(e.getMessage());
                }
            } else {
                out.add(Optional.empty());
            }
        }
        return out;
    }

    /** True if any slot still decrypts to a record holding one of {@code tokens}. */
    static boolean anySlotDecryptsTo(byte[] image, List<String> tokens) {
        return authenticSlots(image).stream().flatMap(Optional::stream).flatMap(List::stream)
                .anyMatch(r -> tokens.contains(r.accessToken()) || tokens.contains(r.refreshToken()));
    }
}
