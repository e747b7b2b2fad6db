package org.printmail.webconfig;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.printmail.auth.AccountListener;
import org.printmail.auth.AccountManager;
import org.printmail.auth.AccountState;
import org.printmail.auth.AccountStatus;
import org.printmail.auth.DeviceCodePrompt;
import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.config.DeviceProfile;
import org.printmail.store.AccountId;

/**
 * An in-memory account manager for Web Config's HTTP and browser tests of its own pages (the
 * end-to-end test uses the real one). The test drives the outcome of a sign-in, which the real
 * manager learns by polling the identity platform, and holds a known token so tests can prove it
 * never reaches a page.
 */
final class InMemoryAccounts implements AccountManager {
    static final String ACCESS_TOKEN = "eyJ0eXAi.SECRET-ACCESS-TOKEN-4f1c";

    private final Map<AccountId, AccountStatus> states = new ConcurrentHashMap<>();
    private final Map<AccountId, String> senders = new ConcurrentHashMap<>();
    private final List<AccountListener> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private volatile URI verificationUri = URI.create("https://localhost:1/devicelogin");
    volatile DeviceProfile lastProfile;
    volatile Duration codeLifetime = Duration.ofMinutes(15);

    InMemoryAccounts(Clock clock) { this.clock = clock; }

    void verificationUri(URI uri) { this.verificationUri = uri; }

    @Override
    public DeviceCodePrompt startSignIn(AccountId id, DeviceProfile profile) {
        lastProfile = profile;
        DeviceCodePrompt p = new DeviceCodePrompt("HX7Q-K2PL", verificationUri, "Enter the code",
                clock.instant().plus(codeLifetime), Duration.ofSeconds(5));
        set(id, AccountState.SIGN_IN_PENDING, "", JobCode.NOT_SIGNED_IN, Optional.of(p),
                Optional.empty(),
                Optional.empty());
        return p;
    }

    /** What the real manager does when its poll sees the person finish on the other tab. */
    void completeSignIn(AccountId id, String account) {
        set(id, AccountState.SIGNED_IN, account, JobCode.OK, Optional.empty(), Optional.empty(),
                Optional.of(90L));
    }

    void endSignIn(AccountId id, JobCode outcome) {
        set(id, AccountState.NOT_SIGNED_IN, "", outcome, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    void signedInWith(AccountId id, String account, Optional<String> keepAliveWarning,
            long daysUntilLapse) {
        set(id, AccountState.SIGNED_IN, account, JobCode.OK, Optional.empty(), keepAliveWarning,
                Optional.of(daysUntilLapse));
    }

    private void set(AccountId id, AccountState state, String account, JobCode code,
            Optional<DeviceCodePrompt> prompt,
                     Optional<String> keepAlive, Optional<Long> days) {
        AccountStatus s = new AccountStatus(id, state, account,
                code == JobCode.OK ? "" : code.title(),
                clock.instant(), code, prompt, keepAlive, days, "");
        states.put(id, s);
        listeners.forEach(l -> l.stateChanged(s));
    }

    @Override
    public void cancelSignIn(AccountId id) { endSignIn(id, JobCode.NOT_SIGNED_IN); }

    @Override
    public void signOut(AccountId id) { endSignIn(id, JobCode.NOT_SIGNED_IN); }

    @Override
    public AccountStatus status(AccountId id) {
        return states.getOrDefault(id, new AccountStatus(id, AccountState.NOT_SIGNED_IN, "", "",
                clock.instant(),
                JobCode.NOT_SIGNED_IN, Optional.empty(), Optional.empty(), Optional.empty(), ""));
    }

    @Override
    public List<AccountStatus> statuses() { return List.copyOf(states.values()); }

    @Override
    public void setSenderAddress(AccountId id, String senderAddress) { senders.put(id,
            senderAddress); }

    @Override
    public String senderAddress(AccountId id) { return senders.getOrDefault(id,
            status(id).accountName()); }

    @Override
    public String accessToken(AccountId id) {
        if (!status(id).state().canSend()) {
            throw new PrintmailException(status(id).code(), "not signed in");
        }
        return ACCESS_TOKEN;
    }

    @Override
    public String forceRefresh(AccountId id) { return accessToken(id); }

    @Override
    public void runKeepAlive() { }

    @Override
    public void addListener(AccountListener listener) { listeners.add(listener); }

    @Override
    public void close() { }
}
