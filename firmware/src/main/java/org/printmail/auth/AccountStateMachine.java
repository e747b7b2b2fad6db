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
import org.printmail.i18n.Text;
import org.printmail.time.MonotonicClock;
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
    record Change(AccountState to, JobCode code, Text reason, String accountName,
                  DeviceCodePrompt prompt, Text keepAliveWarning, String diagnostics) {
        static Change to(AccountState state, JobCode code, Text reason) {
            return new Change(state, code, reason, null, null, null, null);
        }

        /** A change whose reason is English text (shown as it is). */
        static Change to(AccountState state, JobCode code, String reason) {
            return to(state, code, Text.literal(reason));
        }

        Change withAccountName(String name) {
            return new Change(to, code, reason, name, prompt, keepAliveWarning, diagnostics);
        }

        Change withPrompt(DeviceCodePrompt p) {
            return new Change(to, code, reason, accountName, p, keepAliveWarning, diagnostics);
        }

        Change withKeepAliveWarning(Text w) {
            return new Change(to, code, reason, accountName, prompt, w, diagnostics);
        }

        Change withDiagnostics(String d) {
            return new Change(to, code, reason, accountName, prompt, keepAliveWarning, d);
        }
    }

    /** A wall-clock step smaller than this does not re-date the code's expiry shown. */
    private static final Duration PROMPT_DRIFT = Duration.ofSeconds(2);

    private final AccountId id;
    private final Clock clock;
    private final MonotonicClock mono;
    private final Duration inactivityLimit;
    private final List<AccountListener> listeners;
    private Change current;
    private Instant since;
    private long promptDeadlineNanos;
    // Wall time as persisted, and the same moment on the monotonic clock (what durations use).
    private Instant refreshTokenLastUsed;
    private long refreshTokenLastUsedNanos;

    /**
     * @param refreshTokenLastUsed as persisted; the time since then is read once from the wall
     *                             clock (see {@link #refreshTokenUsed}) and then kept monotonic
     */
    AccountStateMachine(AccountId id, Clock clock, MonotonicClock mono, Duration inactivityLimit,
                        List<AccountListener> listeners, Change initial, Instant since,
                        Instant refreshTokenLastUsed) {
        this.id = id;
        this.clock = clock;
        this.mono = mono;
        this.inactivityLimit = inactivityLimit;
        this.listeners = listeners;
        this.current = initial;
        this.since = since;
        refreshTokenUsed(refreshTokenLastUsed);
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

    /**
     * The refresh token was redeemed at this (persisted, wall-clock) time, or the account was
     * loaded with it: keep-alive and days left count from here on the monotonic clock. A time
     * not seen before is taken as "now" when it is not in the past by the wall clock (a redeem
     * just done, or a clock stepped back since) and otherwise, after a reboot, as that long ago,
     * bounded by the inactivity limit: the wall clock is trusted once, at load, never later.
     */
    synchronized void refreshTokenUsed(Instant at) {
        if (at == null) {
            refreshTokenLastUsed = null;
            return;
        }
        if (at.equals(refreshTokenLastUsed)) {
            return; // the same redeem saved again (e.g. a new sender address)
        }
        Duration ago = Duration.between(at, clock.instant());
        if (ago.isNegative()) {
            ago = Duration.ZERO;
        } else if (ago.compareTo(inactivityLimit) > 0) {
            ago = inactivityLimit;
        }
        refreshTokenLastUsed = at;
        refreshTokenLastUsedNanos = mono.nanos() - ago.toNanos();
    }

    /** How long since the refresh token was last redeemed, on the monotonic clock; empty if never. */
    synchronized Optional<Duration> sinceRefreshTokenUsed() {
        return refreshTokenLastUsed == null ? Optional.empty()
                : Optional.of(mono.since(refreshTokenLastUsedNanos));
    }

    /** Whole days before the refresh token lapses through inactivity, never negative. */
    long daysUntilLapse() {
        return sinceRefreshTokenUsed().map(d -> Math.max(0, inactivityLimit.minus(d).toDays()))
                .orElse(0L);
    }

    /** Where the code shown now expires on the monotonic clock (set before showing it). */
    synchronized void promptDeadline(long nanos) { promptDeadlineNanos = nanos; }

    /**
     * The prompt with its expiry re-dated to the wall clock as it reads now: after a clock step
     * the countdown shown still ends when the code really lapses.
     */
    private DeviceCodePrompt current(DeviceCodePrompt p) {
        if (p == null) {
            return null;
        }
        Instant expires = clock.instant().plusNanos(promptDeadlineNanos - mono.nanos());
        Duration drift = Duration.between(p.expiresAt(), expires).abs();
        return drift.compareTo(PROMPT_DRIFT) <= 0 ? p : new DeviceCodePrompt(p.userCode(),
                p.verificationUri(), p.message(), expires, p.interval());
    }

    synchronized AccountStatus status() {
        Optional<Long> days = current.to() == AccountState.SIGNED_IN
                ? Optional.of(daysUntilLapse()) : Optional.empty();
        return new AccountStatus(id, current.to(), orEmpty(current.accountName()),
                current.reason() == null ? Text.literal("") : current.reason(), since, current.code(),
                Optional.ofNullable(current(current.prompt())),
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
