package org.printmail.auth;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.auth.AccountId;
import org.printmail.store.AccountKey;
import org.printmail.store.AccountRecord;
import org.printmail.store.TokenVault;
import org.printmail.store.VaultHealth;

/**
 * A test decorator over the real vault: it can hold a commit until the test opens the gate (to
 * see what callers get meanwhile) or make commits fail like a worn-out flash partition.
 */
final class GatedVault implements TokenVault {
    private final TokenVault real;
    volatile CountDownLatch gate;
    final CountDownLatch putStarted = new CountDownLatch(1);
    volatile boolean failPuts;

    GatedVault(TokenVault real) { this.real = real; }

    @Override
    public Optional<AccountRecord> find(AccountKey id) { return real.find(id); }

    @Override
    public List<AccountRecord> all() { return real.all(); }

    @Override
    public void put(AccountRecord record) {
        putStarted.countDown();
        CountDownLatch g = gate;
        if (g != null) {
            try {
                g.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failPuts) {
            throw new PrintmailException(JobCode.SETTINGS_INVALID, "vault: commit failed (test)");
        }
        real.put(record);
    }

    @Override
    public void remove(AccountKey id) { real.remove(id); }

    @Override
    public VaultHealth health() { return real.health(); }

    @Override
    public void close() { real.close(); }
}
