package org.printmail.auth;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.printmail.codes.JobCode;
import org.printmail.config.ConfigException;
import org.printmail.config.DeviceProfile;
import org.printmail.store.AccountRecord;
import org.printmail.i18n.Text;
import org.printmail.threads.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link AccountManager}: wires sign-in, token keeping and keep-alive over one registry. */
final class DefaultAccountManager implements AccountManager {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultAccountManager.class);
    private final Accounts accounts;
    private final SignInFlow signIn;
    private final TokenKeeper tokens;
    private final ExecutorService pollers;
    private final ScheduledExecutorService keepAliveTimer;

    DefaultAccountManager(Accounts accounts, IdentityClient client) {
        this.accounts = accounts;
        this.pollers = Executors.newCachedThreadPool(DaemonThreads.factory("printmail-signin-poll"));
        this.signIn = new SignInFlow(accounts, client, pollers);
        this.tokens = new TokenKeeper(accounts, client);
        long every = accounts.options.keepAliveCheckEvery().toMillis();
        if (every > 0) {
            keepAliveTimer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("printmail-keepalive"));
            keepAliveTimer.scheduleWithFixedDelay(this::runKeepAliveSafely, every, every,
                    TimeUnit.MILLISECONDS);
        } else {
            keepAliveTimer = null;
        }
    }

    @Override
    public DeviceCodePrompt startSignIn(AccountId id, DeviceProfile profile) {
        return signIn.start(id, profile);
    }

    @Override
    public void cancelSignIn(AccountId id) { signIn.cancel(id); }

    @Override
    public void signOut(AccountId id) {
        AccountSlot slot = accounts.slot(id);
        slot.lock.lock(); // waits out an in-flight refresh so it cannot re-save the record
        try {
            if (slot.attempt != null) {
                slot.attempt.cancel();
                slot.attempt = null;
            }
            try {
                accounts.vault.remove(id.vaultKey());
            } finally {
                // Even if the erase copy failed the removal may be durable: never let a later refresh
                // write the signed-out account back.
                slot.record = null;
                slot.cached = null;
                slot.pendingSender = null;
            }
            slot.backoff.reset();
            slot.machine.refreshTokenUsed(null);
            slot.machine.transition(AccountStateMachine.Change.to(AccountState.NOT_SIGNED_IN,
                    JobCode.NOT_SIGNED_IN, Text.of("auth.reason.signedOut")));
        } finally {
            slot.lock.unlock();
        }
    }

    @Override
    public AccountStatus status(AccountId id) { return accounts.slot(id).machine.status(); }

    @Override
    public List<AccountStatus> statuses() {
        return accounts.all().stream().map(s -> s.machine.status())
                .sorted(Comparator.comparing(s -> s.id().key())).toList();
    }

    @Override
    public void setSenderAddress(AccountId id, String senderAddress) {
        String address = senderAddress == null ? "" : senderAddress.trim();
        if (!address.matches("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]{1,253}")) {
            throw new ConfigException(Text.of("config.field.senderAddress"),
                    Text.of("config.problem.addressSuchAs", "scanner@contoso.com"));
        }
        AccountSlot slot = accounts.slot(id);
        slot.lock.lock();
        try {
            AccountRecord r = slot.record;
            if (r == null) {
                slot.pendingSender = address; // used when the sign-in completes
            } else {
                accounts.commit(slot, r.withSenderAddress(address));
            }
        } finally {
            slot.lock.unlock();
        }
    }

    @Override
    public String senderAddress(AccountId id) {
        AccountSlot slot = accounts.slot(id);
        slot.lock.lock();
        try {
            AccountRecord r = slot.record;
            if (r != null) {
                return r.senderAddress() == null || r.senderAddress().isEmpty()
                        ? r.accountName() : r.senderAddress();
            }
            return slot.pendingSender == null ? "" : slot.pendingSender;
        } finally {
            slot.lock.unlock();
        }
    }

    @Override
    public String accessToken(AccountId id) { return tokens.accessToken(id); }

    @Override
    public String forceRefresh(AccountId id) { return tokens.forceRefresh(id); }

    @Override
    public void runKeepAlive() {
        for (AccountSlot slot : accounts.all()) {
            tokens.keepAlive(slot);
        }
    }

    private void runKeepAliveSafely() {
        try {
            runKeepAlive();
        } catch (RuntimeException | Error e) {
            // An exception escaping a scheduled task cancels it for good: keep-alive must go on.
            LOG.warn("keep-alive run failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void addListener(AccountListener listener) { accounts.listeners.add(listener); }

    /** Stops polling and the keep-alive timer; the vault belongs to the caller and stays open. */
    @Override
    public void close() {
        if (keepAliveTimer != null) {
            keepAliveTimer.shutdownNow();
        }
        pollers.shutdownNow();
    }
}
