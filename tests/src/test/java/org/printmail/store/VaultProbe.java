package org.printmail.store;

/** Test-scope window into the vault for the benchmark driver in {@code org.printmail.bench}. */
public final class VaultProbe {
    private VaultProbe() { }

    /** Bytes the vault's last put/remove wrote to its medium. */
    public static long lastCommitBytes(TokenVault vault) {
        return ((NvramTokenVault) vault).lastCommitBytes();
    }
}
