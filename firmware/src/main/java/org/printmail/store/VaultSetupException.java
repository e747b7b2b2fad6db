package org.printmail.store;

import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;

/**
 * The vault cannot be set up: a vault setting is invalid ({@link JobCode#SETTINGS_INVALID}) or its
 * files cannot be read or created ({@link JobCode#STORAGE_FAILED}). Names the setting at fault.
 */
public final class VaultSetupException extends PrintmailException {
    private static final long serialVersionUID = 1L;
    private final String field;

    VaultSetupException(JobCode code, String field, String problem) {
        super(code, field + ": " + problem);
        this.field = field;
    }

    static VaultSetupException invalid(String field, String problem) {
        return new VaultSetupException(JobCode.SETTINGS_INVALID, field, problem);
    }

    static VaultSetupException storage(String field, String problem) {
        return new VaultSetupException(JobCode.STORAGE_FAILED, field, problem);
    }

    /** The vault setting at fault, e.g. {@code vault.image}. */
    public String field() { return field; }
}
