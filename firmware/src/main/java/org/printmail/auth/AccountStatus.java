package org.printmail.auth;

import java.time.Instant;
import java.util.Optional;

import org.printmail.codes.JobCode;
import org.printmail.i18n.Messages;
import org.printmail.i18n.Text;

/**
 * A snapshot of one account for status pages, the panel and job preflight. Never holds tokens.
 *
 * @param accountName    the signed-in account, empty when none
 * @param reasonText     why the account is in this state (one line, no secrets), in any language
 * @param since          when it entered this state
 * @param code           the most specific job-log code explaining the status: the state's own
 *                       code, or the outcome that led to it (373/374/371/372 after a sign-in
 *                       that did not complete, 371/372 after a policy or configuration refusal);
 *                       {@code OK} whenever the account can send
 * @param prompt         the code being shown while {@link AccountState#SIGN_IN_PENDING}
 * @param keepAliveWarningText present while keep-alive refreshes fail, e.g. "keep-alive failing;
 *                       sign-in lapses in 12 days", in any language
 * @param daysUntilLapse days before the refresh token's 90-day inactivity expiry, when signed in
 * @param diagnostics    last identity-platform error for support (error, AADSTS codes, trace id), or empty
 */
public record AccountStatus(AccountId id, AccountState state, String accountName, Text reasonText,
                            Instant since, JobCode code, Optional<DeviceCodePrompt> prompt,
                            Optional<Text> keepAliveWarningText, Optional<Long> daysUntilLapse,
                            String diagnostics) {
    /** The reason of an account never signed in: it says no more than its state does. */
    public static final Text NEVER_SIGNED_IN = Text.of("auth.reason.notSignedIn");

    public AccountStatus {
        reasonText = reasonText == null ? Text.literal("") : reasonText;
        keepAliveWarningText = keepAliveWarningText == null ? Optional.empty() : keepAliveWarningText;
    }

    /** A status whose reason and warning are English text (shown as they are). */
    public AccountStatus(AccountId id, AccountState state, String accountName, String reason,
                         Instant since, JobCode code, Optional<DeviceCodePrompt> prompt,
                         Optional<String> keepAliveWarning, Optional<Long> daysUntilLapse,
                         String diagnostics) {
        this(id, state, accountName, Text.literal(reason), since, code, prompt,
                keepAliveWarning.map(Text::literal), daysUntilLapse, diagnostics);
    }

    /** The reason in English, for logs. */
    public String reason() { return Messages.stripDirectionalControls(reasonText.toString()); }

    /** The keep-alive warning in English, for logs. */
    public Optional<String> keepAliveWarning() { return keepAliveWarningText.map(t -> Messages.stripDirectionalControls(t.toString())); }

    /** The state's name, in any language ({@code auth.state.<name>}). */
    public Text stateText() { return state.labelText(); }
}
