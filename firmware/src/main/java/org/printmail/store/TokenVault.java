package org.printmail.store;

import java.util.List;
import java.util.Optional;

/**
 * The encrypted token store: the only way other packages reach persisted accounts. Every change
 * is one atomic, durable commit: after a power cut at any byte the vault holds exactly the state
 * before or exactly the state after the call. Thread-safe.
 */
public interface TokenVault extends AutoCloseable {

    Optional<AccountRecord> find(AccountKey id);

    List<AccountRecord> all();

    /** Inserts or replaces the record for its id and commits durably before returning. */
    void put(AccountRecord record);

    /**
     * Sign Out: removes the account and commits, so that afterwards no slot still holds a record
     * that decrypts to the old tokens.
     */
    void remove(AccountKey id);

    /** What the last load found (OK, empty, or set aside with a reason). */
    VaultHealth health();

    @Override
    void close();
}
