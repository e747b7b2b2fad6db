package org.printmail.graph;

import java.time.Duration;
import java.util.Optional;

import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.i18n.Text;

/**
 * A Graph request that failed, classified to a job-log code. {@code serviceReply} is Microsoft's
 * HTTP status and {@code error.code} (never a token); {@code retryAfter} the server's
 * {@code Retry-After}, which the outbox honours.
 */
public final class GraphFailure extends PrintmailException {
    private static final long serialVersionUID = 1L;
    private final String serviceReply;
    private final transient Duration retryAfter;

    public GraphFailure(JobCode code, String detail, String serviceReply, Duration retryAfter,
                        Throwable cause) {
        super(code, detail, cause);
        this.serviceReply = serviceReply == null ? "" : serviceReply;
        this.retryAfter = retryAfter;
    }

    /** A failure whose detail is a catalogue sentence. */
    public GraphFailure(JobCode code, Text detail, String serviceReply, Duration retryAfter,
                        Throwable cause) {
        super(code, detail, cause);
        this.serviceReply = serviceReply == null ? "" : serviceReply;
        this.retryAfter = retryAfter;
    }

    /** e.g. {@code HTTP 403 ErrorSendAsDenied}; empty for network failures. */
    public String serviceReply() { return serviceReply; }

    @Override
    public Optional<Duration> retryAfter() { return Optional.ofNullable(retryAfter); }
}
