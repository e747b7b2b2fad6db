package org.printmail.auth;

/** Receives every account state change; the panel, Web Config and tests subscribe. */
@FunctionalInterface
public interface AccountListener {
    AccountListener NONE = status -> { };

    void stateChanged(AccountStatus status);
}
