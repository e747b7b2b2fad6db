package org.printmail.webconfig;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.printmail.auth.AccountListener;
import org.printmail.auth.AccountManager;
import org.printmail.auth.AccountStatus;
import org.printmail.store.AccountId;

/**
 * The account states Web Config shows, kept current by the auth facade's events rather than by
 * asking it on every poll of the sign-in page.
 */
final class StatusBoard implements AccountListener {
    private final Map<AccountId, AccountStatus> latest = new ConcurrentHashMap<>();
    private final AccountManager accounts;

    StatusBoard(AccountManager accounts) {
        this.accounts = accounts;
        accounts.addListener(this);
        accounts.statuses().forEach(this::stateChanged);
    }

    @Override
    public void stateChanged(AccountStatus status) { latest.put(status.id(), status); }

    /** The last state the events reported (what the sign-in page's polling reads). */
    AccountStatus status(AccountId id) {
        // Not computeIfAbsent: that would hold a map lock while the account manager takes its own,
        // and a state change arriving meanwhile (which puts into this map) would deadlock.
        AccountStatus known = latest.get(id);
        if (known != null) {
            return known;
        }
        AccountStatus now = accounts.status(id);
        AccountStatus raced = latest.putIfAbsent(id, now);
        return raced != null ? raced : now;
    }

    /** A fresh snapshot for rendering a page: day counts move with time, not only with events. */
    AccountStatus fresh(AccountId id) {
        return accounts.status(id);
    }
}
