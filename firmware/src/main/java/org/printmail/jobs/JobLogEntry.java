package org.printmail.jobs;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.printmail.codes.JobCode;
import org.printmail.i18n.Messages;
import org.printmail.i18n.Text;

/**
 * One line of the job log (Job Status > Job Log). No tokens, no message bodies. The line is
 * language-neutral: it stores the code and the detail as a {@link Text} (catalogue key and
 * arguments), never a rendered sentence; the remedy follows from the code and the cause the
 * detail names, when the line is shown, in the reader's language.
 *
 * <p>Lines written before the catalogue existed carry {@code message} and {@code remedy} as
 * English strings: they load as literals ({@code storedRemedy}) and show as they were written.
 *
 * @param code         the job-log code number (0 when sent, 360/361/370, or one of
 *                     {@code docs/error-codes.md})
 * @param detailText   what happened, with the server's reply as a literal argument
 * @param storedRemedy the English remedy of a line in the old format; {@code null} otherwise
 * @param recipients   the addresses (fax numbers for a fax) the job was for, shown to the
 *                     administrator; empty in lines written before this field existed
 *
 * <p>The device reads and writes a line with {@link Json} (no databind at boot); the Jackson
 * annotations stay as the format's reference, the databind mapper the compatibility test checks
 * {@code Json} against.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobLogEntry(String jobId, JobType type, Instant time, String account, int recipientCount,
                          JobResult result, int code, @JsonProperty("detail") Text detailText,
                          Text storedRemedy, List<String> recipients) {
    public JobLogEntry {
        detailText = detailText == null ? Text.literal("") : detailText;
        recipients = recipients == null ? List.of()
                : recipients.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** A line with an English message and remedy (the old format; kept as literals). */
    public JobLogEntry(String jobId, JobType type, Instant time, String account, int recipientCount,
                       JobResult result, int code, String message, String remedy,
                       List<String> recipients) {
        this(jobId, type, time, account, recipientCount, result, code, Text.literal(message),
                remedy == null ? null : Text.literal(remedy), recipients);
    }

    /** A line without the recipients' addresses, in the old format. */
    public JobLogEntry(String jobId, JobType type, Instant time, String account, int recipientCount,
                       JobResult result, int code, String message, String remedy) {
        this(jobId, type, time, account, recipientCount, result, code, message, remedy, List.of());
    }

    /** Reads both formats: {@code detail} as a Text, or the old {@code message}/{@code remedy}. */
    @JsonCreator
    static JobLogEntry fromJson(@JsonProperty("jobId") String jobId, @JsonProperty("type") JobType type,
                                @JsonProperty("time") Instant time, @JsonProperty("account") String account,
                                @JsonProperty("recipientCount") int recipientCount,
                                @JsonProperty("result") JobResult result, @JsonProperty("code") int code,
                                @JsonProperty("detail") Text detail,
                                @JsonProperty("storedRemedy") Text storedRemedy,
                                @JsonProperty("message") String message, @JsonProperty("remedy") String remedy,
                                @JsonProperty("recipients") List<String> recipients) {
        Text d = detail != null ? detail : Text.literal(message == null ? "" : message);
        Text r = storedRemedy != null ? storedRemedy
                : detail == null && remedy != null ? Text.literal(remedy) : null;
        return new JobLogEntry(jobId, type, time, account, recipientCount, result, code, d, r, recipients);
    }

    /** The detail in English, for logs and English-only callers. */
    @JsonIgnore
    public String message() { return Messages.stripDirectionalControls(detailText.toString()); }

    /**
     * What an administrator can do, in any language: the remedy of the cause the detail names,
     * else the code's own; nothing for a job that was sent.
     */
    @JsonIgnore
    public Text remedyText() {
        if (storedRemedy != null) {
            return storedRemedy;
        }
        if (code == 0) {
            return Text.literal("");
        }
        JobCode c;
        try {
            c = JobCode.byNumber(code);
        } catch (IllegalArgumentException unknown) {
            return Text.literal("");
        }
        return c.remedyTextFor(message());
    }

    /** The remedy in English. */
    @JsonIgnore
    public String remedy() { return Messages.stripDirectionalControls(remedyText().toString()); }
}
