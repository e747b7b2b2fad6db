package org.printmail.auth;

import java.util.Objects;

import org.printmail.store.AccountKey;

/**
 * Which account: the device mailbox, the fax server's, or one user's own mailbox.
 *
 * @param user the device user's name for {@link AccountPurpose#USER_MAILBOX}, else empty
 */
public record AccountId(AccountPurpose purpose, String user) {
    public AccountId {
        Objects.requireNonNull(purpose, "purpose");
        user = user == null ? "" : user;
        if ((purpose == AccountPurpose.USER_MAILBOX) == user.isEmpty()) {
            throw new IllegalArgumentException("a user name is required exactly for USER_MAILBOX");
        }
    }

    public static AccountId deviceMail() { return new AccountId(AccountPurpose.DEVICE_MAIL, ""); }

    public static AccountId faxServer() { return new AccountId(AccountPurpose.FAX_SERVER, ""); }

    public static AccountId user(String name) { return new AccountId(AccountPurpose.USER_MAILBOX, name); }

    /** Stable text key, e.g. {@code DEVICE_MAIL} or {@code USER_MAILBOX:alice}. */
    public String key() { return user.isEmpty() ? purpose.name() : purpose.name() + ":" + user; }

    public static AccountId parse(String key) {
        int i = key.indexOf(':');
        return i < 0 ? new AccountId(AccountPurpose.valueOf(key), "")
                : new AccountId(AccountPurpose.valueOf(key.substring(0, i)), key.substring(i + 1));
    }

    /** The vault's key for this account. */
    public AccountKey vaultKey() { return new AccountKey(purpose.name(), user); }

    /** The account a vault record belongs to. */
    public static AccountId of(AccountKey key) {
        return new AccountId(AccountPurpose.valueOf(key.purpose()), key.user());
    }

    @Override
    public String toString() { return key(); }
}
