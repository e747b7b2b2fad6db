package org.printmail.codes;

/**
 * The one unchecked failure type of printmail. Every instance carries the {@link JobCode} the job
 * log shows and a detail line for the administrator. Messages never contain tokens, passwords or
 * keys: callers build the detail from codes and reply strings, never from secrets.
 */
public class PrintmailException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final JobCode code;
    private final String detail;

    public PrintmailException(JobCode code, String detail) {
        this(code, detail, null);
    }

    public PrintmailException(JobCode code, String detail, Throwable cause) {
        super(code.number() + " " + code.title() + (detail == null || detail.isBlank() ? "" : ": " + detail),
                cause);
        this.code = code;
        this.detail = detail == null ? "" : detail;
    }

    public JobCode code() { return code; }

    /** One line for the job log and status pages; never a secret. */
    public String detail() { return detail; }

    public String remedy() { return code.remedyFor(detail); }

    /**
     * How long the server asked us to wait before trying again ({@code Retry-After}), when it
     * said; the outbox retries no sooner.
     */
    public java.util.Optional<java.time.Duration> retryAfter() { return java.util.Optional.empty(); }
}
