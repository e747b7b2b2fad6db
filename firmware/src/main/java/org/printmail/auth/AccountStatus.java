package org.printmail.auth;

import java.time.Instant;
import java.util.Optional;

import org.printmail.codes.JobCode;

/**
 * A snapshot of one account for status pages, the panel and job preflight. Never holds tokens.
 *
 * @param accountName    the signed-in account, empty when none
 * @param reason         why the account is in this state (one line, no secrets)
 * @param since          when it entered this state
 * @param code           the most specific job-log code explaining the status: the state's own
 *                       code, or the outcome that led to it (373/374/371/372 after a sign-in
 *                       that did not complete, 371/372 after a policy or configuration refusal);
 *                       {@code OK} whenever the account can send
 * @param prompt         the code being shown while {@link AccountState#SIGN_IN_PENDING}
 * @param keepAliveWarning present while keep-alive refreshes fail, e.g. "keep-alive failing; sign-in lapses in 12 days"
 * @param daysUntilLapse days before the refresh token's 90-day inactivity expiry, when signed in
 * @param diagnostics    last identity-platform error for support (error, AADSTS codes, trace id), or empty
 */
public record AccountStatus(AccountId id, AccountState state, String accountName, String reason,
                            Instant since, JobCode code, Optional<DeviceCodePrompt> prompt,
                            Optional<String> keepAliveWarning, Optional<Long> daysUntilLapse,
                            String diagnostics) {
}
