package org.printmail.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.config.DeviceProfile;
import org.printmail.store.AccountRecord;
import org.printmail.i18n.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens with a margin left, single-flight refresh per account, rotation committed before
 * hand-out, and keep-alive. A transient failure never changes the account state or its tokens.
 */
final class TokenKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(TokenKeeper.class);
    private final Accounts accounts;
    private final IdentityClient client;

    TokenKeeper(Accounts accounts, IdentityClient client) {
        this.accounts = accounts;
        this.client = client;
    }

    String accessToken(AccountId id) {
        AccountSlot slot = accounts.peek(id);
        if (slot != null) {
            AccountSlot.CachedToken c = slot.cached;
            // The hot path: one volatile read and a clock read, no allocation, no lock.
            if (c != null && !c.due(accounts.mono.nanos())) {
                return c.token();
            }
        }
        return refresh(id, Mode.WHEN_DUE, -1);
    }

    String forceRefresh(AccountId id) {
        AccountSlot slot = accounts.slot(id);
        AccountSlot.CachedToken seen = slot.cached;
        return refresh(id, Mode.FORCED, seen == null ? -1 : seen.generation());
    }

    /** Refreshes one idle account; returns normally whatever the outcome (it is in the state). */
    void keepAlive(AccountSlot slot) {
        if (slot.machine.state() != AccountState.SIGNED_IN || !keepAliveDue(slot)) {
            return;
        }
        try {
            refresh(slot.id, Mode.KEEP_ALIVE, -1);
        } catch (PrintmailException e) {
            LOG.info("account {}: keep-alive did not refresh: {}", slot.id, e.getMessage());
        }
    }

    /** The refresh token has been idle for the keep-alive period (monotonic time). */
    private boolean keepAliveDue(AccountSlot slot) {
        return slot.machine.sinceRefreshTokenUsed()
                .map(idle -> idle.compareTo(accounts.options.keepAliveAfter()) >= 0).orElse(false);
    }

    private enum Mode { WHEN_DUE, FORCED, KEEP_ALIVE }

    private String refresh(AccountId id, Mode mode, long seenGeneration) {
        AccountSlot slot = accounts.slot(id);
        try {
            slot.lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrintmailException(JobCode.IDENTITY_UNREACHABLE, Text.of("auth.interrupted"));
        }
        try {
            long now = accounts.mono.nanos();
            AccountSlot.CachedToken c = slot.cached;
            if (c != null && mode == Mode.WHEN_DUE && !c.due(now)) {
                return c.token(); // another caller refreshed while this one waited
            }
            if (c != null && mode == Mode.FORCED && c.generation() != seenGeneration) {
                return c.token();
            }
            if (c != null && mode == Mode.KEEP_ALIVE && !keepAliveDue(slot)) {
                return c.token(); // a job refreshed it meanwhile
            }
            if (!slot.usable()) {
                throw unusable(slot);
            }
            boolean stillValid = c != null && !c.expired(now);
            if (slot.backoff.blocks()) {
                if (stillValid && mode == Mode.WHEN_DUE) {
                    return c.token();
                }
                throw new PrintmailException(JobCode.IDENTITY_UNREACHABLE,
                        Text.of("auth.backingOff", Math.max(1, slot.backoff.remaining().toSeconds())));
            }
            return redeem(slot, mode, stillValid ? c : null);
        } finally {
            slot.lock.unlock();
        }
    }

    private String redeem(AccountSlot slot, Mode mode, AccountSlot.CachedToken stillValid) {
        AccountRecord record = slot.record;
        DeviceProfile profile = accounts.profiles.apply(slot.id);
        Reply<TokenGrant> reply = client.refresh(profile, record.tenant(), record.refreshToken(),
                ProfileRules.refreshScopes(record.scopes(), profile));
        if (reply instanceof Reply.Granted<TokenGrant> granted) {
            TokenGrant g = granted.value();
            // Microsoft may omit the refresh token; the old one then stays in use.
            String refreshToken = g.refreshToken().orElse(record.refreshToken());
            Instant at = accounts.clock.instant();
            accounts.commit(slot, record.withTokens(g.accessToken(), at.plus(g.expiresIn()),
                    refreshToken, at));
            slot.backoff.reset();
            AccountStateMachine.Change cur = slot.machine.current();
            if (cur.to() == AccountState.SIGNED_IN
                    && (cur.keepAliveWarning() != null || cur.diagnostics() != null)) {
                slot.machine.transition(new AccountStateMachine.Change(AccountState.SIGNED_IN,
                        JobCode.OK, cur.reason(), cur.accountName(), null, null, null));
            }
            LOG.info("account {}: token refreshed ({}), valid until {}", slot.id,
                    mode.name().toLowerCase(), at.plus(g.expiresIn()));
            return g.accessToken();
        }
        if (reply instanceof Reply.Rejected<TokenGrant> rejected) {
            IdentityError error = rejected.error();
            Verdict v = ErrorTable.classify(error, profile.identity().withTenant(record.tenant()));
            if (v.kind() != Verdict.Kind.TRANSIENT) {
                throw lose(slot, v, error);
            }
            return transientFailure(slot, mode, stillValid, v.detailText(), Optional.empty(),
                    error.diagnostics(), JobCode.IDENTITY_UNREACHABLE);
        }
        Reply.Unreachable<TokenGrant> down = (Reply.Unreachable<TokenGrant>) reply;
        return transientFailure(slot, mode, stillValid, Text.literal(down.reason()),
                down.retryAfter(),
                "unreachable: " + down.reason(), down.code());
    }

    /** Tokens and state stay; back off; hand out the old token while it is still accepted. */
    private String transientFailure(AccountSlot slot, Mode mode, AccountSlot.CachedToken stillValid,
                                    Text reason,
                                    Optional<Duration> retryAfter, String diagnostics, JobCode code) {
        Duration wait = slot.backoff.failed(retryAfter);
        LOG.warn("account {}: refresh failed transiently ({}); retry in {} s", slot.id, reason,
                wait.toSeconds());
        if (mode == Mode.KEEP_ALIVE) {
            long days = slot.machine.daysUntilLapse();
            AccountStateMachine.Change cur = slot.machine.current();
            slot.machine.transition(cur.withKeepAliveWarning(Text.of("auth.keepAliveFailing", days, reason))
                    .withDiagnostics(diagnostics));
        }
        if (stillValid != null && mode == Mode.WHEN_DUE) {
            return stillValid.token();
        }
        throw new PrintmailException(code, Text.of("auth.retrying", wait.toSeconds(), reason));
    }

    /** A real verdict against the grant: the account leaves SIGNED_IN; tokens stay in the vault. */
    private PrintmailException lose(AccountSlot slot, Verdict v, IdentityError error) {
        AccountState to = v.kind() == Verdict.Kind.EXPIRED ? AccountState.EXPIRED
                : AccountState.SIGN_IN_REQUIRED;
        JobCode code = v.kind() == Verdict.Kind.EXPIRED ? JobCode.SIGN_IN_EXPIRED
                : v.kind() == Verdict.Kind.SIGN_IN_REQUIRED ? JobCode.SIGN_IN_REQUIRED : v.code();
        slot.cached = null;
        AccountStateMachine.Change lost = AccountStateMachine.Change.to(to, code, v.detailText())
                .withAccountName(slot.machine.current().accountName())
                .withDiagnostics(error.diagnostics());
        if (slot.attempt != null) {
            slot.attempt.previous = lost; // a pending re-sign-in that fails falls back to this
        } else {
            slot.machine.transition(lost);
        }
        LOG.warn("account {}: refresh rejected: {} [{}]", slot.id, v.detail(), error.diagnostics());
        return new PrintmailException(code, v.detailText());
    }

    static PrintmailException unusable(AccountSlot slot) {
        AccountStateMachine.Change cur = slot.machine.current();
        JobCode code = switch (cur.to()) {
            case EXPIRED -> JobCode.SIGN_IN_EXPIRED;
            case SIGN_IN_REQUIRED -> cur.code();
            default -> JobCode.NOT_SIGNED_IN;
        };
        return new PrintmailException(code, cur.reason() == null ? Text.literal("") : cur.reason());
    }
}
