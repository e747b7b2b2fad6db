package org.printmail.auth;

import java.util.List;

import org.printmail.codes.PrintmailException;
import org.printmail.config.DeviceProfile;

/**
 * The auth facade: device-code sign-in, token lifecycle and account state for every account on
 * the device. Thread-safe. Failures are {@link PrintmailException}s carrying the job-log code.
 */
public interface AccountManager extends AutoCloseable {

    /**
     * Starts a device-code sign-in for the account under the given profile and returns the prompt
     * to show; polling continues in the background and ends in a state change event. A sign-in
     * already in flight for the account is cancelled and replaced.
     */
    DeviceCodePrompt startSignIn(AccountId id, DeviceProfile profile);

    /** Cancels a pending sign-in; the account returns to its previous state. */
    void cancelSignIn(AccountId id);

    /** Signs the account out and erases its tokens from the vault. */
    void signOut(AccountId id);

    AccountStatus status(AccountId id);

    List<AccountStatus> statuses();

    /** Changes the From address kept with the account (Web Config's Sender's Email Address). */
    void setSenderAddress(AccountId id, String senderAddress);

    /** The sender address kept with the account (its account name unless changed). */
    String senderAddress(AccountId id);

    /**
     * An access token with at least the configured margin left, refreshing first if needed
     * (single-flight per account).
     *
     * @throws PrintmailException 360/361/370 when not usable, 375 when the platform is unreachable
     */
    String accessToken(AccountId id);

    /** Refreshes now regardless of expiry: the SMTP layer's one retry after an AUTH rejection. */
    String forceRefresh(AccountId id);

    /** Refreshes accounts idle longer than the keep-alive period; call periodically. */
    void runKeepAlive();

    void addListener(AccountListener listener);

    @Override
    void close();
}
