package org.printmail.jobs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.codes.ServerText;
import org.printmail.smtp.SmtpFailure;

/** Job Log wording beyond the failure's detail: the server's reply, what releases a hold. */
final class JobLogText {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);

    private JobLogText() { }

    /** The failure's detail, and the server's reply verbatim (one sanitised line) if any. */
    static String detail(PrintmailException e) {
        if (e instanceof SmtpFailure f && !f.serverReply().isEmpty()) {
            return e.detail() + "; the server said: \"" + ServerText.clean(f.serverReply()) + "\"";
        }
        return e.detail();
    }

    /** What a held job waits for, and when it gives up. */
    static String held(String detail, Instant holdUntil, JobCode code) {
        return "Held, not lost: sent as soon as the account is signed in again (Web Config >"
                + " Network > Email Server > Basic > Sign In); fails with code " + code.number()
                + " if not by " + TIME.format(holdUntil)
                + (detail == null || detail.isBlank() ? "." : ". " + detail);
    }
}
