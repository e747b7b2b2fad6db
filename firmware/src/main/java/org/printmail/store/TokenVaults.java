package org.printmail.store;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;


/** Opens the device's token vault. */
public final class TokenVaults {
    private TokenVaults() { }

    /**
     * Opens (or on first boot creates) the vault and its device secret. A vault that cannot be
     * read is set aside and the result is empty with {@link VaultHealth.State#SET_ASIDE}: this
     * only throws when the files cannot be opened or created at all, or the secret file is
     * malformed.
     *
     * @throws VaultSetupException naming {@code vault.image} or {@code vault.device-secret}
     */
    public static TokenVault open(VaultOptions options) {
        SecureRandom random = new SecureRandom();
        byte[] secret = DeviceSecret.loadOrCreate(options.deviceSecret(), random);
        SealedRecord sealer;
        try {
            sealer = SealedRecord.forDeviceSecret(secret, random);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        FileMedium medium;
        try {
            medium = FileMedium.open(options.image(), options.partitionBytes());
        } catch (IOException e) {
            throw VaultSetupException.storage("vault.image", "cannot open or create " + options.image() + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        return new NvramTokenVault(medium, sealer, options.partitionBytes(), options.clock());
    }
}
