package org.printmail.store;

import java.util.Objects;

/**
 * Which record in the vault: the store's key for an account, opaque to it. {@code auth} maps its
 * account identity onto this; the two fields keep the vault's JSON as it always was
 * ({@code {"purpose":"DEVICE_MAIL","user":""}}).
 */
public record AccountKey(String purpose, String user) {
    public AccountKey {
        Objects.requireNonNull(purpose, "purpose");
        user = user == null ? "" : user;
    }

    @Override
    public String toString() { return user.isEmpty() ? purpose : purpose + ":" + user; }
}
