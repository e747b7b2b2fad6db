package org.printmail.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.printmail.codes.JobCode;
import org.printmail.store.AccountId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's state: the only place it changes ({@link #transition}), which validates the move,
 * stamps the time and publishes the new {@link AccountStatus} to every listener.
 */
final class AccountStateMachine {
    private static final Logger LOG = LoggerFactory.getLogger(AccountStateMachine.class);

    /** Which states each state may move to; a state may always be re-entered to update details. */
    private static final Map<AccountState, Set<AccountState>> ALLOWED = allowed();

    /**
     * The wanted state and what explains it. Null fields mean "none".
     *
     * @param code the most specific job-log code explaining the status (e.g. 373 after a
     *             declined sign-in); OK whenever the account is signed in
     */
    record Change(AccountState to, JobCode code, String reason, String accountName,
                  DeviceCodePrompt prompt, String keepAliveWarning, String diagnostics) {
        static Change to(AccountState state, JobCode code, String reason) {
            return new Change(state, code, reason, null, null, null, null);
        }

        Change withAccountName(String name) {
            return new Change(to, code, reason, name, prompt, keepAliveWarning, diagnostics);
        }

        Change withPrompt(DeviceCodePrompt p) {
            return new Change(to, code, reason, accountName, p, keepAliveWarning, diagnostics);
        }

        Change withKeepAliveWarning(String w) {
            return new Change(to, code, reason, accountName, prompt, w, diagnostics);
        }

        Change withDiagnostics(String d) {
            return new Change(to, code, reason, accountName, prompt, keepAliveWarning, d);
        }
    }

    private final AccountId id;
    private final Clock clock;
    private final Duration inactivityLimit;
    private final List<AccountListener> listeners;
    private Change current;
    private Instant since;
    private volatile Instant refreshTokenLastUsed;

    AccountStateMachine(AccountId id, Clock clock, Duration inactivityLimit,
                        List<AccountListener> listeners, Change initial, Instant since,
                        Instant refreshTokenLastUsed) {
        this.id = id;
        this.clock = clock;
        this.inactivityLimit = inactivityLimit;
        this.listeners = listeners;
        this.current = initial;
        this.since = since;
        this.refreshTokenLastUsed = refreshTokenLastUsed;
    }

    /**
     * Moves to {@code change.to()} (or updates the details of the current state) and publishes
     * the result. Listener failures are logged and never reach the caller.
     *
     * @throws IllegalStateException when the move is not allowed (a programming error)
     */
    synchronized AccountStatus transition(Change change) {
        AccountState from = current.to();
        if (from != change.to() && !ALLOWED.get(from).contains(change.to())) {
            throw new IllegalStateException("account " + id + ": " + from + " -> " + change.to()
                    + " is not a valid transition");
        }
        if (from != change.to()) {
            since = clock.instant();
        }
        current = change;
        AccountStatus status = status();
        LOG.info("account {}: {} -> {} ({} {})", id, from, change.to(), status.code().number(),
                status.reason());
        for (AccountListener l : listeners) {
            try {
                l.stateChanged(status);
            } catch (RuntimeException e) {
                LOG.warn("account {}: a state listener failed: {}", id, e.toString());
            }
        }
        return status;
    }

    synchronized Change current() { return current; }

    AccountState state() {
        synchronized (this) {
            return current.to();
        }
    }

    /** The refresh token was redeemed (or the account loaded): keep-alive and days left count from here. */
    void refreshTokenUsed(Instant at) { refreshTokenLastUsed = at; }

    Instant refreshTokenLastUsed() { return refreshTokenLastUsed; }

    /** Whole days before the refresh token lapses through inactivity, never negative. */
    long daysUntilLapse(Instant now) {
        Instant lastUsed = refreshTokenLastUsed;
        if (lastUsed == null) {
            return 0;
        }
        long days = Duration.between(now, lastUsed.plus(inactivityLimit)).toDays();
        return Math.max(0, days);
    }

    synchronized AccountStatus status() {
        Optional<Long> days = current.to() == AccountState.SIGNED_IN
                ? Optional.of(daysUntilLapse(clock.instant())) : Optional.empty();
        return new AccountStatus(id, current.to(), orEmpty(current.accountName()),
                orEmpty(current.reason()), since, current.code(), Optional.ofNullable(current.prompt()),
                Optional.ofNullable(current.keepAliveWarning()), days, orEmpty(current.diagnostics()));
    }

    private static String orEmpty(String s) { return s == null ? "" : s; }

    private static Map<AccountState, Set<AccountState>> allowed() {
        Map<AccountState, Set<AccountState>> m = new EnumMap<>(AccountState.class);
        m.put(AccountState.NOT_SIGNED_IN, EnumSet.of(AccountState.SIGN_IN_PENDING));
        // A pending sign-in ends signed in, or falls back to whatever the account was before.
        m.put(AccountState.SIGN_IN_PENDING, EnumSet.allOf(AccountState.class));
        m.put(AccountState.SIGNED_IN, EnumSet.of(AccountState.SIGN_IN_PENDING,
                AccountState.EXPIRED, AccountState.SIGN_IN_REQUIRED, AccountState.NOT_SIGNED_IN));
        m.put(AccountState.EXPIRED, EnumSet.of(AccountState.SIGN_IN_PENDING,
                AccountState.NOT_SIGNED_IN));
        m.put(AccountState.SIGN_IN_REQUIRED, EnumSet.of(AccountState.SIGN_IN_PENDING,
                AccountState.NOT_SIGNED_IN));
        return m;
    }
}
