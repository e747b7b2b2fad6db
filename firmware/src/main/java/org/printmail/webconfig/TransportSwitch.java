package org.printmail.webconfig;

import org.printmail.auth.AccountManager;
import org.printmail.auth.AccountState;
import org.printmail.auth.AccountStatus;
import org.printmail.codes.PrintmailException;
import org.printmail.config.MailTransport;
import org.printmail.auth.AccountId;

/**
 * What switching a signed-in account's transport means, said at once: the device asks the
 * identity platform for a token for the new transport with the existing sign-in (refresh tokens
 * are not tied to one resource). Where the account has consented, it can send right away; where
 * not, the platform answers "consent required" and the page says to sign in again and accept,
 * so the device is never silently unable to send.
 */
final class TransportSwitch {
    private TransportSwitch() { }

    static Notice check(AccountManager accounts, AccountStatus status, AccountId id, MailTransport now) {
        String saved = "The settings were saved: mail is now sent through " + now.displayName() + ". ";
        if (status.state() != AccountState.SIGNED_IN) {
            return Notice.warning(saved + "Sign in to send.", "Click Sign In; the sign-in asks for the "
                    + (now == MailTransport.MICROSOFT_GRAPH ? "Microsoft Graph permissions (Mail.Send, Mail.ReadWrite)."
                    : "SMTP.Send permission."));
        }
        try {
            accounts.forceRefresh(id);
            return Notice.info(saved + "The existing sign-in already covers it: no new sign-in is needed.");
        } catch (PrintmailException e) {
            return Notice.error(saved + "A new sign-in is needed: " + e.code().number() + " "
                    + e.code().title() + ". " + e.detail(), "Click Sign In and accept the permissions"
                    + (now == MailTransport.MICROSOFT_GRAPH ? " for Microsoft Graph (Mail.Send, Mail.ReadWrite)" : "")
                    + "; jobs wait (held) until then.");
        }
    }
}
