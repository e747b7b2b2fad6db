package org.printmail.smtp;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.printmail.codes.JobCode;

/**
 * Maps one SMTP reply to a job-log code by its reply code and enhanced status code (RFC 3463).
 * Free text decides only where Microsoft's reply has no other mark: the two {@code 554 5.2.0}
 * forms (SendAsDenied vs SubmissionQuotaExceeded). The table lives in docs/error-codes.md.
 */
final class ReplyClassifier {
    private static final Pattern REPLY =
            Pattern.compile("^(\\d{3})(?:[ -](\\d\\.\\d{1,3}\\.\\d{1,3})\\b)?");

    /** The command a reply answered; 5.1.x means the sender at MAIL FROM, a recipient at RCPT. */
    enum Stage { CONNECT, AUTH, MAIL, RCPT, DATA }

    /** A parsed reply: {@code code} is -1 when the line is not an SMTP reply. */
    record Reply(int code, String enhanced, String text) {
        static Reply parse(String raw) {
            String text = raw == null ? "" : raw.strip();
            Matcher m = REPLY.matcher(text);
            if (!m.find()) {
                return new Reply(-1, "", text);
            }
            return new Reply(Integer.parseInt(m.group(1)), m.group(2) == null ? "" : m.group(2), text);
        }

        boolean isFailure() { return code >= 400 && code < 600; }
    }

    private ReplyClassifier() { }

    static JobCode classify(String raw, Stage stage) {
        return classify(Reply.parse(raw), stage);
    }

    static JobCode classify(Reply r, Stage stage) {
        String e = r.enhanced();
        if (r.code() < 0 || !r.isFailure()) {
            return JobCode.PROTOCOL_ERROR;
        }
        if (e.equals("5.7.139")) {
            return JobCode.SMTP_AUTH_DISABLED;
        }
        if (r.code() == 535 || r.code() == 534 || e.equals("5.7.3") || e.equals("5.7.8")
                || e.equals("5.5.127")) {
            return JobCode.SMTP_AUTH_REJECTED;
        }
        if (r.code() == 530 || e.equals("5.7.57")) {
            return JobCode.NOT_AUTHENTICATED;
        }
        if (e.equals("5.7.60") || e.equals("5.2.252")) {
            return JobCode.SEND_AS_DENIED;
        }
        if (e.equals("5.2.0") && r.text().contains("SendAsDenied")) {
            return JobCode.SEND_AS_DENIED; // text is Microsoft's only mark here
        }
        if (e.equals("5.2.0") && r.text().contains("SubmissionQuotaExceeded")) {
            return JobCode.DAILY_LIMIT; // text is Microsoft's only mark here
        }
        if (r.code() == 552 || e.equals("5.3.4") || e.equals("5.2.3")) {
            return JobCode.MESSAGE_TOO_LARGE;
        }
        if (r.code() < 500) {
            return JobCode.SERVER_BUSY;
        }
        if (e.startsWith("5.1.")) {
            return stage == Stage.MAIL ? JobCode.SEND_AS_DENIED : JobCode.RECIPIENT_REJECTED;
        }
        if (stage == Stage.RCPT) {
            return JobCode.RECIPIENT_REJECTED;
        }
        if (r.code() <= 504) {
            return JobCode.PROTOCOL_ERROR; // 500-504: the dialogue itself went wrong (RFC 5321 4.2.2)
        }
        // Any other permanent refusal: retrying the same message cannot help.
        return JobCode.MESSAGE_REFUSED;
    }
}
