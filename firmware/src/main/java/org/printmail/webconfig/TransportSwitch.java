package org.printmail.webconfig;

import org.printmail.auth.AccountManager;
import org.printmail.auth.AccountState;
import org.printmail.auth.AccountStatus;
import org.printmail.codes.PrintmailException;
import org.printmail.config.MailTransport;
import org.printmail.auth.AccountId;
import org.printmail.i18n.Text;

/**
 * What switching a signed-in account's transport means, said at once: the device asks the
 * identity platform for a token for the new transport with the existing sign-in (refresh tokens
 * are not tied to one resource). Where the account has consented, it can send right away; where
 * not, the platform answers "consent required" and the page says to sign in again and accept,
 * so the device is never silently unable to send.
 */
final class TransportSwitch {
    private TransportSwitch() { }

    static Notice check(AccountManager accounts, AccountStatus status, AccountId id,
            MailTransport now) {
        boolean graph = now == MailTransport.MICROSOFT_GRAPH;
        Text saved = Text.of("webconfig.transport.saved", now.displayNameText());
        if (status.state() != AccountState.SIGNED_IN) {
            return Notice.warning(Notice.sentences(saved, Text.of("webconfig.transport.signInToSend")),
                    graph ? Text.of("webconfig.transport.signInAsks.graph")
                            : Text.of("webconfig.transport.signInAsks.smtp", "SMTP.Send"));
        }
        try {
            accounts.forceRefresh(id);
            return Notice.info(Notice.sentences(saved, Text.of("webconfig.transport.covered")));
        } catch (PrintmailException e) {
            return Notice.error(Notice.sentences(saved, Text.of("webconfig.transport.newSignIn",
                    e.code().number(), e.code().titleText(), e.detailText())),
                    Text.of(graph ? "webconfig.transport.accept.graph" : "webconfig.transport.accept.smtp"));
        }
    }
}
