package org.printmail.codes;

import org.printmail.i18n.Text;

/**
 * The one unchecked failure type of printmail. Every instance carries the {@link JobCode} the job
 * log shows and a detail line for the administrator. Messages never contain tokens, passwords or
 * keys: callers build the detail from codes and reply strings, never from secrets.
 */
public class PrintmailException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final JobCode code;
    private final Text detailText;
    private final String detail;

    /** A failure whose detail is not (yet) in the catalogue: shown as it is, in every language. */
    public PrintmailException(JobCode code, String detail) {
        this(code, detail, null);
    }

    public PrintmailException(JobCode code, String detail, Throwable cause) {
        this(code, Text.literal(detail == null ? "" : detail), cause);
    }

    /** A failure whose detail is a catalogue sentence, so the job log can show it in any language. */
    public PrintmailException(JobCode code, Text detail) {
        this(code, detail, null);
    }

    public PrintmailException(JobCode code, Text detail, Throwable cause) {
        this(code, detail, plain(detail), cause);
    }

    private PrintmailException(JobCode code, Text detail, String english, Throwable cause) {
        super(code.number() + " " + code.title() + (english.isBlank() ? "" : ": " + english), cause);
        this.code = code;
        this.detailText = detail;
        this.detail = english;
    }

    /** English without the isolates that frame values for mixed-direction screens (logs, matching). */
    private static String plain(Text t) {
        return org.printmail.i18n.Messages.stripDirectionalControls(t.toString());
    }

    public JobCode code() { return code; }

    /** One line for the job log and status pages, in English; never a secret. */
    public String detail() { return detail; }

    /** The detail in any language ({@link org.printmail.i18n.Messages#render}). */
    public Text detailText() { return detailText; }

    public String remedy() { return code.remedyFor(detail); }

    /** The remedy for this failure's cause, in any language. */
    public Text remedyText() { return code.remedyTextFor(detail); }

    /**
     * How long the server asked us to wait before trying again ({@code Retry-After}), when it
     * said; the outbox retries no sooner.
     */
    public java.util.Optional<java.time.Duration> retryAfter() { return java.util.Optional.empty(); }
}
