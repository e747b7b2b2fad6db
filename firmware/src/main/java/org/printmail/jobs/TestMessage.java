package org.printmail.jobs;

import java.util.List;

import org.printmail.auth.AccountPurpose;
import org.printmail.i18n.Language;
import org.printmail.i18n.Text;

/**
 * The Connection Test's test message (Web Config > Email Server or Fax Server > Connection Test),
 * worded in the device language like every message the device sends.
 */
public final class TestMessage {
    private TestMessage() { }

    /** The subject: which account's settings are being tested ({@code mail.test.subject}). */
    public static Text subjectText(AccountPurpose purpose) {
        return Text.of("mail.test.subject", Text.of(purpose == AccountPurpose.FAX_SERVER
                ? "common.menu.faxServer" : "common.menu.emailServerBasic"));
    }

    /** The body ({@code mail.test.body}). */
    public static Text bodyText() { return Text.of("mail.test.body"); }

    /**
     * The job that sends the test message to {@code to} from the account under test, in
     * {@code language} (the device language): through the outbox like any scan, so it is retried,
     * held and logged in the Job Log.
     */
    public static JobRequest request(AccountPurpose purpose, String to, Language language) {
        String subject = JobMessages.words(language, subjectText(purpose));
        String body = JobMessages.words(language, bodyText());
        return purpose == AccountPurpose.FAX_SERVER ? new JobRequest.FaxServerTest(to, subject, body)
                : new JobRequest.ScanToEmail(List.of(to), subject, body, List.of());
    }
}
