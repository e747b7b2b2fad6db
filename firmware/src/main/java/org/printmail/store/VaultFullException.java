package org.printmail.store;

import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;

/**
 * The account set no longer fits a slot of the partition. Raised before anything is written:
 * the vault keeps its previous state, on the medium and in memory.
 */
public final class VaultFullException extends PrintmailException {
    private static final long serialVersionUID = 1L;
    private final int neededBytes;
    private final int slotBytes;

    VaultFullException(int neededBytes, int slotBytes) {
        super(JobCode.SETTINGS_INVALID, "token vault full: the accounts need " + neededBytes
                + " bytes but a slot holds " + slotBytes + " (vault.partition-bytes "
                + 2 * slotBytes + "); sign out an unused account or raise vault.partition-bytes");
        this.neededBytes = neededBytes;
        this.slotBytes = slotBytes;
    }

    public int neededBytes() { return neededBytes; }

    public int slotBytes() { return slotBytes; }
}
