package org.printmail.webconfig;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.printmail.auth.AccountListener;
import org.printmail.auth.AccountManager;
import org.printmail.auth.AccountState;
import org.printmail.auth.AccountStatus;
import org.printmail.codes.PrintmailException;
import org.printmail.auth.AccountId;

/**
 * The account states Web Config shows, kept current by the auth facade's events rather than by
 * asking it on every poll of the sign-in page.
 */
final class StatusBoard implements AccountListener {
    private final Map<AccountId, AccountStatus> latest = new ConcurrentHashMap<>();
    /** Sign Ins refused at their first request: the state did not change, the error is news. */
    private final Map<AccountId, PrintmailException> refusedStarts = new ConcurrentHashMap<>();
    private final AccountManager accounts;

    StatusBoard(AccountManager accounts) {
        this.accounts = accounts;
        accounts.addListener(this);
        accounts.statuses().forEach(this::stateChanged);
    }

    @Override
    public void stateChanged(AccountStatus status) {
        refusedStarts.remove(status.id()); // a newer outcome replaces the refused start
        latest.put(status.id(), status);
    }

    /**
     * Sign In was refused before a code was shown (a 372 at the device-code request, say). The
     * account keeps its state, so without this the page and its JSON would still show the error
     * of an earlier attempt: the latest error is the one the administrator must see.
     */
    void signInRefused(AccountId id, PrintmailException e) { refusedStarts.put(id, e); }

    /** The last state the events reported (what the sign-in page's polling reads). */
    AccountStatus status(AccountId id) {
        // Not computeIfAbsent: that would hold a map lock while the account manager takes its own,
        // and a state change arriving meanwhile (which puts into this map) would deadlock.
        AccountStatus known = latest.get(id);
        if (known == null) {
            AccountStatus now = accounts.status(id);
            AccountStatus raced = latest.putIfAbsent(id, now);
            known = raced != null ? raced : now;
        }
        return withRefusedStart(known);
    }

    /** A fresh snapshot for rendering a page: day counts move with time, not only with events. */
    AccountStatus fresh(AccountId id) {
        return withRefusedStart(accounts.status(id));
    }

    /** The status with the refused start's code and reason, while the account cannot send. */
    private AccountStatus withRefusedStart(AccountStatus st) {
        PrintmailException e = refusedStarts.get(st.id());
        if (e == null || st.state() == AccountState.SIGNED_IN
                || st.state() == AccountState.SIGN_IN_PENDING) {
            return st;
        }
        return new AccountStatus(st.id(), st.state(), st.accountName(), e.detailText(), st.since(),
                e.code(), st.prompt(), st.keepAliveWarningText(), st.daysUntilLapse(), "");
    }
}
