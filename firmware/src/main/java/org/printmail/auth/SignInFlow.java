package org.printmail.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;

import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.config.DeviceProfile;
import org.printmail.store.AccountRecord;
import org.printmail.time.MonotonicClock;
import org.printmail.i18n.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device-code sign-in (RFC 8628 as Microsoft runs it): request a code, show the prompt, poll at
 * the interval (+5 s on slow_down) on a background thread until the user signs in, declines, or
 * the code expires. One attempt per account; a new start replaces the old one. Poll times and
 * the code's lifetime are measured on the monotonic clock: a wall-clock step mid-sign-in neither
 * ends the code early nor makes the device poll early or past its expiry.
 */
final class SignInFlow {
    private static final Logger LOG = LoggerFactory.getLogger(SignInFlow.class);
    private static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);
    /** A backoff longer than the code has left is cut to one last poll this long before expiry. */
    private static final Duration LAST_POLL_MARGIN = Duration.ofSeconds(1);
    private final Accounts accounts;
    private final IdentityClient client;
    private final ExecutorService pollers;

    SignInFlow(Accounts accounts, IdentityClient client, ExecutorService pollers) {
        this.accounts = accounts;
        this.client = client;
        this.pollers = pollers;
    }

    DeviceCodePrompt start(AccountId id, DeviceProfile profile) {
        ProfileRules.check(profile);
        Reply<DeviceAuthorization> reply = client.requestDeviceCode(profile,
                ProfileRules.signInScopes(profile, accounts.options.requestIdToken()));
        if (reply instanceof Reply.Unreachable<DeviceAuthorization> down) {
            throw new PrintmailException(down.code(), Text.of("auth.unreachable", down.reason()));
        }
        if (reply instanceof Reply.Rejected<DeviceAuthorization> rejected) {
            Verdict v = ErrorTable.classify(rejected.error(), profile.identity());
            LOG.warn("account {}: device code refused: {} [{}]", id, v.detail(),
                    rejected.error().diagnostics());
            throw new PrintmailException(v.kind() == Verdict.Kind.TRANSIENT
                    ? JobCode.IDENTITY_UNREACHABLE : v.code(), v.detailText());
        }
        DeviceAuthorization auth = ((Reply.Granted<DeviceAuthorization>) reply).value();
        long issued = accounts.mono.nanos();
        AccountSlot slot = accounts.slot(id);
        slot.lock.lock();
        try {
            AccountSlot.SignInAttempt old = slot.attempt;
            AccountStateMachine.Change previous = old != null ? old.previous : slot.machine.current();
            if (old != null) {
                old.cancel();
            }
            AccountSlot.SignInAttempt attempt = new AccountSlot.SignInAttempt(profile, auth, issued,
                    previous);
            slot.attempt = attempt;
            slot.machine.promptDeadline(attempt.deadlineNanos);
            boolean stillSignedIn = previous.to() == AccountState.SIGNED_IN;
            slot.machine.transition(AccountStateMachine.Change.to(AccountState.SIGN_IN_PENDING,
                    stillSignedIn ? JobCode.OK : JobCode.NOT_SIGNED_IN,
                    Text.of("auth.reason.codeShown"))
                    .withPrompt(auth.prompt()).withAccountName(previous.accountName()));
            attempt.task = pollers.submit(() -> poll(slot, attempt));
        } finally {
            slot.lock.unlock();
        }
        LOG.info("account {}: sign-in started, code valid until {}", id, auth.prompt().expiresAt());
        return auth.prompt();
    }

    void cancel(AccountId id) {
        AccountSlot slot = accounts.slot(id);
        slot.lock.lock();
        try {
            AccountSlot.SignInAttempt attempt = slot.attempt;
            if (attempt == null) {
                return;
            }
            attempt.cancel();
            slot.attempt = null;
            slot.machine.transition(attempt.previous);
            LOG.info("account {}: sign-in cancelled", id);
        } finally {
            slot.lock.unlock();
        }
    }

    private void poll(AccountSlot slot, AccountSlot.SignInAttempt attempt) {
        MonotonicClock mono = accounts.mono;
        Duration interval = attempt.authorization.prompt().interval();
        Duration wait = interval;
        long last = attempt.issuedNanos; // RFC 8628 3.5: the interval runs from the code's arrival
        Backoff backoff = new Backoff(accounts.options.backoffBase(), accounts.options.backoffCap(),
                mono);
        try {
            while (!attempt.cancelled) {
                OptionalLong due = nextPoll(last, wait, interval, attempt.deadlineNanos);
                long wakeAt = due.orElse(attempt.deadlineNanos);
                accounts.options.sleeper().sleep(Duration.ofNanos(Math.max(0, wakeAt - mono.nanos())));
                if (attempt.cancelled) {
                    return;
                }
                if (due.isEmpty() || mono.nanos() - attempt.deadlineNanos >= 0) {
                    end(slot, attempt, Verdict.of(Verdict.Kind.SIGN_IN_FAILED,
                            JobCode.SIGN_IN_CODE_EXPIRED, Text.of("auth.reason.codeUnused")), "");
                    return;
                }
                Reply<TokenGrant> reply = client.redeemDeviceCode(attempt.profile,
                        attempt.authorization.deviceCode());
                // Counted from the reply: the next request then reaches the platform at least
                // the interval after this one did, whatever the network's delay.
                last = mono.nanos();
                if (reply instanceof Reply.Granted<TokenGrant> granted) {
                    succeed(slot, attempt, granted.value());
                    return;
                }
                if (reply instanceof Reply.Unreachable<TokenGrant> down) {
                    wait = longer(interval, backoff.failed(down.retryAfter()));
                    LOG.info("account {}: poll failed transiently ({}), next in {} s", slot.id,
                            down.reason(), wait.toSeconds());
                    continue;
                }
                IdentityError error = ((Reply.Rejected<TokenGrant>) reply).error();
                Verdict v = ErrorTable.classify(error, attempt.profile.identity());
                switch (v.kind()) {
                    case PENDING -> wait = interval;
                    case SLOW_DOWN -> {
                        interval = interval.plus(SLOW_DOWN_STEP);
                        wait = interval;
                    }
                    case TRANSIENT -> wait = longer(interval, backoff.failed(Optional.empty()));
                    default -> {
                        end(slot, attempt, v, error.diagnostics());
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // cancelled or shutting down
        } catch (RuntimeException e) {
            LOG.error("account {}: sign-in polling stopped: {}", slot.id, e.toString());
            end(slot, attempt, Verdict.of(Verdict.Kind.SIGN_IN_FAILED,
                    e instanceof PrintmailException p ? p.code() : JobCode.IDENTITY_UNREACHABLE,
                    Text.of("auth.reason.stopped")), "");
        }
    }

    /**
     * When the next poll may go (monotonic nanos), or empty when none fits before the code
     * lapses. Never sooner than the interval after the last poll (RFC 8628 3.5), including near
     * expiry. A backoff after a network blip that would outlast the code is cut short to one last
     * poll just before expiry: the person may finish signing in meanwhile.
     */
    static OptionalLong nextPoll(long lastNanos, Duration wait, Duration interval, long deadlineNanos) {
        long earliest = lastNanos + MonotonicClock.saturatedNanos(interval);
        if (earliest - deadlineNanos >= 0) {
            return OptionalLong.empty();
        }
        long wanted = lastNanos + MonotonicClock.saturatedNanos(wait);
        long lastChance = deadlineNanos - LAST_POLL_MARGIN.toNanos();
        if (wanted - lastChance > 0) {
            wanted = lastChance - earliest > 0 ? lastChance : earliest;
        }
        return OptionalLong.of(wanted);
    }

    private static Duration longer(Duration a, Duration b) { return a.compareTo(b) >= 0 ? a : b; }

    private void succeed(AccountSlot slot, AccountSlot.SignInAttempt attempt, TokenGrant grant) {
        slot.lock.lock();
        try {
            if (slot.attempt != attempt || attempt.cancelled) {
                return; // superseded or cancelled: these tokens are dropped unused
            }
            if (grant.refreshToken().isEmpty()) {
                end(slot, attempt, Verdict.of(Verdict.Kind.CONFIGURATION, JobCode.IDENTITY_CONFIGURATION,
                        Text.of("auth.reason.noRefreshToken", "offline_access", "auth.scopes")), "");
                return;
            }
            Instant now = accounts.clock.instant();
            AccountRecord old = slot.record;
            String name = grant.accountName().orElse(null);
            String sender = old != null && name != null && name.equalsIgnoreCase(old.accountName())
                    ? old.senderAddress() : slot.pendingSender != null ? slot.pendingSender : name;
            // Without an id_token the account is known only by what the admin typed as sender.
            String accountName = name != null ? name : sender == null ? "" : sender;
            DeviceProfile p = attempt.profile;
            AccountRecord record = new AccountRecord(slot.id.vaultKey(), p.service().name(), accountName,
                    sender == null ? accountName : sender, p.identity().tenant(), p.identity().scopes(),
                    grant.refreshToken().get(), grant.accessToken(), now.plus(grant.expiresIn()),
                    now, now, now);
            try {
                accounts.commit(slot, record);
            } catch (RuntimeException e) {
                LOG.error("account {}: the sign-in could not be saved: {}", slot.id, e.toString());
                end(slot, attempt, Verdict.of(Verdict.Kind.SIGN_IN_FAILED,
                        e instanceof PrintmailException pe ? pe.code() : JobCode.NOT_SIGNED_IN,
                        Text.of("auth.reason.notSaved")), "");
                return;
            }
            slot.attempt = null;
            slot.pendingSender = null;
            slot.backoff.reset();
            slot.machine.transition(AccountStateMachine.Change.to(AccountState.SIGNED_IN, JobCode.OK,
                    accountName.isEmpty() ? Text.of("auth.reason.signedInUnknown")
                            : Text.of("auth.reason.signedInAs", accountName)).withAccountName(accountName));
        } finally {
            slot.lock.unlock();
        }
    }

    /** The attempt failed: back to the state before it, carrying the outcome's code and reason. */
    private void end(AccountSlot slot, AccountSlot.SignInAttempt attempt, Verdict v, String diagnostics) {
        slot.lock.lock();
        try {
            if (slot.attempt != attempt) {
                return;
            }
            slot.attempt = null;
            AccountStateMachine.Change prev = attempt.previous;
            AccountStateMachine.Change next = prev.to() == AccountState.SIGNED_IN
                    ? new AccountStateMachine.Change(AccountState.SIGNED_IN, JobCode.OK,
                            Text.of("auth.reason.newSignInFailed", v.code().number(), v.detailText()),
                            prev.accountName(), null, prev.keepAliveWarning(), diagnostics)
                    : new AccountStateMachine.Change(prev.to(), v.code(), v.detailText(),
                            prev.accountName(), null, null, diagnostics);
            slot.machine.transition(next);
            LOG.info("account {}: sign-in ended: {} {}", slot.id, v.code().number(), diagnostics);
        } finally {
            slot.lock.unlock();
        }
    }
}
