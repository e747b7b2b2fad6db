package org.printmail.auth;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.printmail.codes.JobCode;
import org.printmail.config.DeviceProfile;
import org.printmail.store.AccountRecord;
import org.printmail.store.TokenVault;
import org.printmail.store.VaultHealth;
import org.printmail.time.MonotonicClock;
import org.printmail.i18n.Text;

/**
 * The registry of account slots, loaded lazily from the vault, and the one way a record is
 * committed (vault first, then memory).
 */
final class Accounts {
    final TokenVault vault;
    final Function<AccountId, DeviceProfile> profiles;
    /** Wall time: display, logs and what is persisted (expiry and last-use dates in the vault). */
    final Clock clock;
    /** Elapsed time: every duration the device acts on. */
    final MonotonicClock mono;
    final AuthOptions options;
    final List<AccountListener> listeners = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<AccountId, AccountSlot> slots = new ConcurrentHashMap<>();

    Accounts(TokenVault vault, Function<AccountId, DeviceProfile> profiles, Clock clock,
             AuthOptions options) {
        this.vault = vault;
        this.profiles = profiles;
        this.clock = clock;
        this.mono = options.monotonic();
        this.options = options;
    }

    /** The slot if it was loaded already; no I/O (the hot path). */
    AccountSlot peek(AccountId id) { return slots.get(id); }

    AccountSlot slot(AccountId id) {
        return slots.computeIfAbsent(id, k -> load(k, vault.find(k.vaultKey())));
    }

    /** Every account the vault holds plus any touched in memory (e.g. a pending first sign-in). */
    List<AccountSlot> all() {
        for (AccountRecord r : vault.all()) {
            slots.computeIfAbsent(AccountId.of(r.id()), k -> load(k, Optional.of(r)));
        }
        return new ArrayList<>(slots.values());
    }

    /**
     * Commits the record durably, then makes it current in memory. The caller holds the slot's
     * lock. A rotated refresh token is therefore on disk before its access token is handed out.
     */
    void commit(AccountSlot slot, AccountRecord record) {
        vault.put(record);
        slot.record = record;
        slot.machine.refreshTokenUsed(record.lastUsed());
        slot.cache(record, options.tokenMargin(), clock.instant(), mono.nanos());
    }

    private AccountSlot load(AccountId id, Optional<AccountRecord> stored) {
        AccountRecord r = stored.filter(x -> x.refreshToken() != null && !x.refreshToken().isEmpty())
                .orElse(null);
        AccountStateMachine.Change initial;
        if (r != null) {
            initial = AccountStateMachine.Change.to(AccountState.SIGNED_IN, JobCode.OK,
                    r.accountName() == null || r.accountName().isEmpty() ? Text.of("auth.reason.signedIn")
                            : Text.of("auth.reason.signedInAs", r.accountName())).withAccountName(r.accountName());
        } else {
            VaultHealth health = vault.health();
            Text why = health.state() == VaultHealth.State.SET_ASIDE
                    ? Text.of("auth.reason.vaultSetAside", health.reason())
                    : AccountStatus.NEVER_SIGNED_IN;
            initial = AccountStateMachine.Change.to(AccountState.NOT_SIGNED_IN,
                    JobCode.NOT_SIGNED_IN, why);
        }
        AccountStateMachine machine = new AccountStateMachine(id, clock, mono,
                options.refreshInactivityLimit(), listeners, initial,
                r != null && r.signedInAt() != null ? r.signedInAt() : clock.instant(),
                r == null ? null : r.lastUsed());
        AccountSlot slot = new AccountSlot(id, machine,
                new Backoff(options.backoffBase(), options.backoffCap(), mono), r);
        slot.cache(r, options.tokenMargin(), clock.instant(), mono.nanos());
        return slot;
    }
}
