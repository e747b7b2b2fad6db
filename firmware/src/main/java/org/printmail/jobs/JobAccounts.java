package org.printmail.jobs;

import java.util.Optional;

import org.printmail.auth.AccountManager;
import org.printmail.auth.AccountPurpose;
import org.printmail.auth.AccountState;
import org.printmail.auth.AccountStatus;
import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.config.AuthMethod;
import org.printmail.config.DeviceSettings;
import org.printmail.config.EmailServerSettings;
import org.printmail.i18n.Text;
import org.printmail.smtp.SmtpAccount;
import org.printmail.smtp.TokenSource;
import org.printmail.auth.AccountId;

/** Which account and server settings a job type sends with, and whether that sign-in is usable. */
final class JobAccounts {
    private final AccountManager accounts;

    JobAccounts(AccountManager accounts) { this.accounts = accounts; }

    static AccountId accountFor(JobType type, String user) {
        return switch (type) {
            case SCAN_TO_EMAIL, NOTIFICATION -> AccountId.deviceMail();
            case FAX, FAX_SERVER_TEST -> AccountId.faxServer();
            case SCAN_TO_MY_EMAIL -> AccountId.user(user);
        };
    }

    static EmailServerSettings serverFor(JobType type, DeviceSettings s) {
        return usesFaxServer(type) ? s.faxServer() : s.deviceMail();
    }

    private static boolean usesFaxServer(JobType type) {
        return type == JobType.FAX || type == JobType.FAX_SERVER_TEST;
    }

    /** Preflight: the settings and sign-in this job will need, checked before any page is scanned. */
    Preflight check(JobType type, Optional<String> user, DeviceSettings s) {
        if (type == JobType.SCAN_TO_MY_EMAIL) {
            if (!s.scanToMyEmailEnabled()) {
                return Preflight.refused(JobCode.SETTINGS_INVALID, Text.of("jobs.scanToMyEmailOff"));
            }
            if (user.isEmpty() || user.get().isBlank()) {
                return Preflight.refused(JobCode.SIGN_IN_REQUIRED, Preflight.SIGN_IN_TEXT);
            }
        }
        EmailServerSettings server = serverFor(type, s);
        if (server.authMethod() == AuthMethod.OFF) {
            return Preflight.refused(JobCode.SETTINGS_INVALID,
                    Text.of(usesFaxServer(type) ? "jobs.authOff.faxServer" : "jobs.authOff.email"));
        }
        AccountStatus st = accounts.status(accountFor(type, user.orElse("")));
        if (!st.state().canSend()) {
            return Preflight.refused(codeFor(type, st), Preflight.SIGN_IN_TEXT);
        }
        return Preflight.ok();
    }

    /** The SMTP identity for a send, or the sign-in failure that blocks it. */
    /**
     * The account for Web Config's Connection Test: built whether or not it is signed in, so the
     * test shows the token step failing instead of refusing to run.
     */
    SmtpAccount testAccount(AccountPurpose purpose, DeviceSettings s) {
        JobType type = purpose == AccountPurpose.FAX_SERVER ? JobType.FAX_SERVER_TEST : JobType.SCAN_TO_EMAIL;
        AccountId id = accountFor(type, "");
        EmailServerSettings server = serverFor(type, s);
        AccountStatus st = accounts.status(id);
        String from = server.senderAddress().isBlank() ? st.accountName() : server.senderAddress();
        return new SmtpAccount(id.key(), st.accountName(), from, server.mail(), tokens(id), server.transport(), null);
    }

    SmtpAccount smtpAccount(JobType type, String user, DeviceSettings s) {
        AccountId id = accountFor(type, user);
        EmailServerSettings server = serverFor(type, s);
        if (server.authMethod() == AuthMethod.OFF) {
            throw new PrintmailException(JobCode.SETTINGS_INVALID, Text.of("jobs.authOff"));
        }
        AccountStatus st = accounts.status(id);
        if (!st.state().canSend()) {
            throw new PrintmailException(codeFor(type, st), st.reasonText());
        }
        String from = type == JobType.SCAN_TO_MY_EMAIL || server.senderAddress().isBlank()
                ? st.accountName() : server.senderAddress();
        return new SmtpAccount(id.key(), st.accountName(), from, server.mail(), tokens(id),
                server.transport(), null);
    }

    String accountName(JobType type, String user) {
        return accounts.status(accountFor(type, user)).accountName();
    }

    /**
     * The code a job blocked by this sign-in gets: the state's own (360/361/370), or the policy or
     * configuration refusal (371/372) that put the account in SIGN_IN_REQUIRED, so the job, the
     * banner and Current Status name the same code. A user with no sign-in for Scan to My Email
     * gets 370 (sign in again), per the vendor guide.
     */
    static JobCode codeFor(JobType type, AccountStatus st) {
        JobCode code = st.state().jobCode();
        boolean policyOrConfiguration = st.code() == JobCode.SIGN_IN_BLOCKED_BY_POLICY
                || st.code() == JobCode.IDENTITY_CONFIGURATION;
        if (st.state() == AccountState.SIGN_IN_REQUIRED && policyOrConfiguration) {
            code = st.code();
        }
        if (type == JobType.SCAN_TO_MY_EMAIL && code == JobCode.NOT_SIGNED_IN) {
            return JobCode.SIGN_IN_REQUIRED;
        }
        return code;
    }

    private TokenSource tokens(AccountId id) {
        return new TokenSource() {
            @Override
            public String accessToken() { return accounts.accessToken(id); }

            @Override
            public String refreshedAccessToken() { return accounts.forceRefresh(id); }
        };
    }
}
