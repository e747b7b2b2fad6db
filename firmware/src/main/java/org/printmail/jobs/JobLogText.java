package org.printmail.jobs;

import java.time.Instant;

import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.codes.ServerText;
import org.printmail.i18n.Text;
import org.printmail.smtp.SmtpFailure;

/**
 * Job Log wording beyond the failure's detail: the server's reply, what releases a hold. Texts,
 * not sentences: the log stores them and each reader sees them in their own language.
 */
final class JobLogText {
    private JobLogText() { }

    /** The failure's detail, and the server's reply verbatim (one sanitised line, a literal) if any. */
    static Text detail(PrintmailException e) {
        if (e instanceof SmtpFailure f && !f.serverReply().isEmpty()) {
            return Text.of("jobs.serverSaid", e.detailText(), ServerText.clean(f.serverReply()));
        }
        return e.detailText();
    }

    /** What a held job waits for, and when it gives up (in the reader's language and zone). */
    static Text held(Text detail, Instant holdUntil, JobCode code) {
        Text signIn = Text.of("common.menu.signIn");
        if (detail == null || (detail.isLiteral() && detail.value().isBlank())) {
            return Text.of("jobs.held", signIn, code.number(), Text.dateTime(holdUntil));
        }
        return Text.of("jobs.heldBecause", signIn, code.number(), Text.dateTime(holdUntil), detail);
    }
}
