package org.printmail.graph;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;

import org.printmail.codes.JobCode;
import org.printmail.i18n.Text;

/**
 * Graph's replies and network failures mapped to job-log codes ({@code docs/error-codes.md},
 * "Microsoft Graph"). Decided by HTTP status and Microsoft's {@code error.code}, never by
 * {@code error.message} text.
 */
final class GraphErrors {
    private GraphErrors() { }

    /** The code for a non-2xx reply (401 is handled by the caller: one refresh, one retry). */
    static JobCode classify(int status, String errorCode) {
        String code = errorCode == null ? "" : errorCode.toLowerCase(Locale.ROOT);
        if (code.equals("mailboxnotenabledforrestapi") || code.equals("mailboxnotsupportedforrestapi")) {
            return JobCode.GRAPH_MAILBOX_NOT_ENABLED;
        }
        if (code.equals("errorsendasdenied") || code.contains("sendasdenied")) {
            return JobCode.SEND_AS_DENIED;
        }
        if (code.equals("errorsubmissionquotaexceeded")) {
            return JobCode.DAILY_LIMIT;
        }
        if (status == 413 || code.equals("errormessagesizeexceeded") || code.equals("requestentitytoolarge")) {
            return JobCode.MESSAGE_TOO_LARGE;
        }
        if (status == 429 || status == 503 || status == 504 || code.equals("errortoomanyobjectsopened")
                || code.equals("applicationthrottled") || code.equals("mailboxconcurrency")) {
            return JobCode.SERVER_BUSY;
        }
        if (status == 401) {
            return JobCode.SMTP_AUTH_REJECTED;
        }
        if (status == 403 || code.equals("erroraccessdenied") || code.equals("accessdenied")) {
            return JobCode.GRAPH_ACCESS_DENIED;
        }
        if (code.equals("errorquotaexceeded") || status == 507) {
            // The mailbox is full: no draft or Sent Items copy can be saved. Not a daily limit.
            return JobCode.MESSAGE_REFUSED;
        }
        if (code.equals("errorinvalidrecipients") || code.equals("errorinvalidrecipient")) {
            return JobCode.RECIPIENT_REJECTED;
        }
        if (status >= 500) {
            return JobCode.SERVER_BUSY;
        }
        if (status == 404 || status == 409 || status == 416) {
            // A draft or upload session that vanished or a range out of step: start over next attempt.
            return JobCode.PROTOCOL_ERROR;
        }
        return JobCode.MESSAGE_REFUSED;
    }

    static GraphFailure fromReply(GraphReply r, Text what) {
        JobCode code = classify(r.status(), r.errorCode());
        boolean full = code == JobCode.MESSAGE_REFUSED
                && (r.errorCode().equalsIgnoreCase("ErrorQuotaExceeded") || r.status() == 507);
        return new GraphFailure(code, Text.of(full ? "graph.refusedMailboxFull" : "graph.refused", what,
                r.describe()),
                r.describe(), r.retryAfter().orElse(null), null);
    }

    /** A request that got no usable HTTP answer. */
    static GraphFailure fromException(Exception e, String host, Text what) {
        if (has(e, SSLException.class)) {
            return new GraphFailure(JobCode.CERTIFICATE_PROBLEM, Text.of("graph.tlsFailed", host, what, root(e)),
                    "", null, null);
        }
        if (has(e, UnknownHostException.class)) {
            return new GraphFailure(JobCode.SERVER_UNREACHABLE, Text.of("smtp.cannotResolve", host), "", null, null);
        }
        if (has(e, HttpConnectTimeoutException.class) || has(e, ConnectException.class)) {
            return new GraphFailure(JobCode.SERVER_UNREACHABLE, Text.of("smtp.cannotConnect", host), "", null, null);
        }
        if (has(e, HttpTimeoutException.class)) {
            return new GraphFailure(JobCode.SERVER_UNREACHABLE, Text.of("graph.timeout", host, what), "", null, null);
        }
        Text how = has(e, EOFException.class) ? Text.of("smtp.closedByServer") : Text.literal(root(e));
        return new GraphFailure(JobCode.PROTOCOL_ERROR, Text.of("graph.broke", host, what, how), "", null, null);
    }

    static GraphFailure malformed(String host, Text what) {
        return new GraphFailure(JobCode.PROTOCOL_ERROR, Text.of("graph.malformed", host, what), "", null, null);
    }

    /** A {@code Retry-After} in seconds; an HTTP date or nonsense reads as absent. */
    static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            long s = Long.parseLong(header.strip());
            return s < 0 ? null : Duration.ofSeconds(Math.min(s, 3600));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean isNetwork(Throwable e) {
        return e instanceof IOException;
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String root(Throwable e) {
        Throwable r = e;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r.getClass().getSimpleName();
    }
}
