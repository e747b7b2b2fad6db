package org.printmail.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.printmail.store.SealedRecord.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vault: the account set held in memory and committed whole, as one sealed record, to the
 * A/B slots on every change. Log lines and messages name accounts by {@link AccountKey} only.
 */
final class NvramTokenVault implements TokenVault {
    private static final Logger LOG = LoggerFactory.getLogger(NvramTokenVault.class);

    private final Medium medium;
    private final SlotPair slots;
    private final int partitionBytes;
    private final Clock clock;
    private Map<AccountKey, AccountRecord> accounts = new LinkedHashMap<>();
    private VaultHealth health = VaultHealth.empty();
    private boolean closed;
    private long lastCommitBytes;

    NvramTokenVault(Medium medium, SealedRecord sealer, int partitionBytes, Clock clock) {
        this.medium = medium;
        this.slots = new SlotPair(medium, sealer, partitionBytes);
        this.partitionBytes = partitionBytes;
        this.clock = clock;
        load();
    }

    @Override
    public synchronized Optional<AccountRecord> find(AccountKey id) {
        ensureOpen();
        return Optional.ofNullable(accounts.get(id));
    }

    @Override
    public synchronized List<AccountRecord> all() {
        ensureOpen();
        return List.copyOf(accounts.values());
    }

    @Override
    public synchronized void put(AccountRecord record) {
        Objects.requireNonNull(record, "record");
        ensureOpen();
        Map<AccountKey, AccountRecord> next = new LinkedHashMap<>(accounts);
        next.put(record.id(), record);
        lastCommitBytes = commit(next, 1);
        LOG.debug("token vault: {} stored ({} bytes committed)", record.id(), lastCommitBytes);
    }

    /**
     * Commits the new state, then commits it again: the second commit lands in the slot that
     * still held the old tokens and overwrites it (zero-padded to its old extent). Either commit
     * alone is atomic, so a power cut anywhere leaves the old or the new state; one between the
     * two is finished on the next load. Also run for an absent account, so retrying a Sign Out
     * completes an erase that failed half-way.
     */
    @Override
    public synchronized void remove(AccountKey id) {
        Objects.requireNonNull(id, "id");
        ensureOpen();
        Map<AccountKey, AccountRecord> next = new LinkedHashMap<>(accounts);
        boolean present = next.remove(id) != null;
        lastCommitBytes = commit(next, 2);
        LOG.info("token vault: {} {}; both slots rewritten", id,
                present ? "signed out" : "was not stored");
    }

    @Override
    public synchronized VaultHealth health() { return health; }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        accounts = Map.of();
        try {
            medium.close();
        } catch (IOException e) {
            LOG.warn("token vault: closing the image failed ({})", e.getClass().getSimpleName());
        }
    }

    /** Bytes the last put/remove wrote to the medium (the benchmark's baseline size). */
    synchronized long lastCommitBytes() { return lastCommitBytes; }

    /** Writes {@code next} {@code copies} times; it becomes the state once the first is durable. */
    private long commit(Map<AccountKey, AccountRecord> next, int copies) {
        byte[] plaintext = AccountSetCodec.encode(next.values());
        try {
            int needed = SealedRecord.recordBytes(plaintext.length);
            if (needed > slots.capacity()) {
                throw new VaultFullException(needed, slots.capacity());
            }
            long written = 0;
            for (int i = 0; i < copies; i++) {
                written += slots.commit(plaintext);
                if (i == 0) {
                    accounts = next; // durable from here on, even if the erase copy fails
                }
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("token vault: writing the image failed ("
                    + e.getClass().getSimpleName() + ")", e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** Never throws: whatever is on the medium, the device runs on. */
    private void load() {
        try {
            if (medium.size() != partitionBytes) {
                setAside("the image is " + medium.size() + " bytes but vault.partition-bytes is "
                        + partitionBytes);
                return;
            }
            SlotPair.Contents found = slots.load();
            if (found.current().isEmpty()) {
                if (found.blank()) {
                    health = VaultHealth.empty();
                    LOG.info("token vault: empty");
                } else {
                    setAside("no slot holds a valid record: " + String.join("; ", found.rejected()));
                }
                return;
            }
            Valid current = found.current().get();
            accounts = index(decode(current));
            health = VaultHealth.ok();
            found.rejected().forEach(r -> LOG.info("token vault: ignored {}", r));
            LOG.info("token vault: {} account(s) loaded (sequence {})", accounts.size(),
                    current.sequence());
            found.previous().ifPresent(this::finishInterruptedErase);
        } catch (AccountSetCodec.UnreadableContents e) {
            setAside("the newest record authenticated but its " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            setAside("reading the image failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** A Sign Out cut between its two commits left the old tokens in the other slot. */
    private void finishInterruptedErase(Valid previous) {
        List<AccountRecord> older;
        try {
            older = decode(previous);
        } catch (AccountSetCodec.UnreadableContents e) {
            return; // not ours to judge; the next commit overwrites that slot anyway
        }
        if (older.stream().allMatch(a -> accounts.containsKey(a.id()))) {
            return;
        }
        LOG.info("token vault: finishing an interrupted sign-out erase");
        try {
            commit(accounts, 1);
        } catch (RuntimeException e) {
            LOG.warn("token vault: finishing the erase failed ({}); the next commit retries",
                    e.getClass().getSimpleName());
        }
    }

    private void setAside(String reason) {
        accounts = new LinkedHashMap<>();
        String where;
        try {
            where = "kept as " + medium.setAside(clock.instant());
            slots.forget(true);
        } catch (IOException | RuntimeException e) {
            where = "could not be kept aside (" + e.getClass().getSimpleName() + ")";
            slots.forget(false);
        }
        String full = reason + "; " + where;
        health = VaultHealth.setAside(full);
        LOG.warn("token vault unreadable, set aside; the device runs as not signed in: {}", full);
    }

    private static List<AccountRecord> decode(Valid record) throws AccountSetCodec.UnreadableContents {
        try {
            return AccountSetCodec.decode(record.plaintext());
        } finally {
            Arrays.fill(record.plaintext(), (byte) 0);
        }
    }

    private static Map<AccountKey, AccountRecord> index(List<AccountRecord> list) {
        Map<AccountKey, AccountRecord> m = new LinkedHashMap<>();
        list.forEach(a -> m.put(a.id(), a));
        return m;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("token vault is closed");
        }
    }
}
