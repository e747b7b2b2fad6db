package org.printmail.smtp;

import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.codes.ServerText;
import org.printmail.i18n.Text;

/**
 * A send that failed as a whole, classified to a job-log code. {@code serverReply} is the
 * server's reply line (server text, never our credentials) or empty for connection failures.
 */
public final class SmtpFailure extends PrintmailException {
    private static final long serialVersionUID = 1L;
    private final String serverReply;

    public SmtpFailure(JobCode code, String detail, String serverReply, Throwable cause) {
        super(code, detail, cause);
        this.serverReply = ServerText.clean(serverReply);
    }

    /** A failure whose detail is a catalogue sentence; the server's reply stays as it was sent. */
    public SmtpFailure(JobCode code, Text detail, String serverReply, Throwable cause) {
        super(code, detail, cause);
        this.serverReply = ServerText.clean(serverReply);
    }

    /** The detail with the server's reply (a literal: shown as the server wrote it), in any language. */
    public Text detailWithReplyText() {
        return serverReply.isEmpty() ? detailText() : Text.of("smtp.withReply", detailText(), serverReply);
    }

    public String serverReply() { return serverReply; }

    /** By cause: the server's reply names it where the code alone does not (535 5.7.139). */
    @Override
    public String remedy() { return code().remedyFor(detail() + " " + serverReply); }
}
