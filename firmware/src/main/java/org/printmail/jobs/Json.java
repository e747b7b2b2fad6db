package org.printmail.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;

import org.printmail.files.JsonFields;
import org.printmail.i18n.Text;
import org.printmail.i18n.TextJson;

/**
 * The outbox's and the job log's JSON, field by field on Jackson's streaming API (no databind at
 * boot): the same bytes the databind mapper wrote, and every file it wrote reads back. A
 * {@link Text} is {@code {"key":..,"args":[..]}} or {@code {"value":..}} ({@link TextJson}); a plain
 * string where a text is expected (outbox entries and job-log lines written before texts existed)
 * reads as a literal. Any failure, a record's own check included, is an {@link IOException}.
 */
final class Json {
    private Json() { }

    /** One job-log line, without its newline; fields that are null are left out. */
    static String line(JobLogEntry e) throws IOException {
        return JsonFields.writeString(g -> {
            g.writeStartObject();
            if (e.jobId() != null) {
                g.writeStringField("jobId", e.jobId());
            }
            if (e.type() != null) {
                JsonFields.field(g, "type", e.type());
            }
            if (e.time() != null) {
                JsonFields.field(g, "time", e.time());
            }
            if (e.account() != null) {
                g.writeStringField("account", e.account());
            }
            g.writeNumberField("recipientCount", e.recipientCount());
            if (e.result() != null) {
                JsonFields.field(g, "result", e.result());
            }
            g.writeNumberField("code", e.code());
            text(g, "detail", e.detailText());
            if (e.storedRemedy() != null) {
                text(g, "storedRemedy", e.storedRemedy());
            }
            JsonFields.field(g, "recipients", e.recipients());
            g.writeEndObject();
        });
    }

    /** A job-log line in either format: {@code detail} as a text, or the old {@code message}/{@code remedy}. */
    static JobLogEntry entry(String line) throws IOException {
        JobLogEntry e = JsonFields.read(line.getBytes(StandardCharsets.UTF_8), p -> {
            var f = new Object() {
                String jobId;
                JobType type;
                Instant time;
                String account;
                int recipientCount;
                JobResult result;
                int code;
                Text detail;
                Text storedRemedy;
                String message;
                String remedy;
                List<String> recipients;
            };
            boolean present = JsonFields.object(p, (name, v) -> {
                switch (name) {
                    case "jobId" -> f.jobId = JsonFields.string(v);
                    case "type" -> f.type = JsonFields.constant(v, JobType.class);
                    case "time" -> f.time = JsonFields.instant(v);
                    case "account" -> f.account = JsonFields.string(v);
                    case "recipientCount" -> f.recipientCount = JsonFields.integer(v);
                    case "result" -> f.result = JsonFields.constant(v, JobResult.class);
                    case "code" -> f.code = JsonFields.integer(v);
                    case "detail" -> f.detail = TextJson.read(v);
                    case "storedRemedy" -> f.storedRemedy = TextJson.read(v);
                    case "message" -> f.message = JsonFields.string(v);
                    case "remedy" -> f.remedy = JsonFields.string(v);
                    case "recipients" -> f.recipients = JsonFields.strings(v);
                    default -> {
                        return false;
                    }
                }
                return true;
            });
            return present ? JobLogEntry.fromJson(f.jobId, f.type, f.time, f.account, f.recipientCount,
                    f.result, f.code, f.detail, f.storedRemedy, f.message, f.remedy, f.recipients) : null;
        });
        if (e == null) {
            throw new JsonFields.Malformed("no job-log entry");
        }
        return e;
    }

    /** One outbox entry. */
    static byte[] job(StoredJob j) throws IOException {
        return JsonFields.write(false, g -> {
            g.writeStartObject();
            g.writeStringField("jobId", j.jobId());
            JsonFields.field(g, "type", j.type());
            JsonFields.field(g, "submitted", j.submitted());
            JsonFields.field(g, "state", j.state());
            g.writeNumberField("attempts", j.attempts());
            JsonFields.field(g, "nextAttempt", j.nextAttempt());
            JsonFields.field(g, "holdUntil", j.holdUntil());
            JsonFields.field(g, "deadline", j.deadline());
            g.writeNumberField("lastCode", j.lastCode());
            text(g, "lastMessage", j.lastMessage());
            g.writeStringField("messageId", j.messageId());
            JsonFields.field(g, "to", j.to());
            g.writeStringField("subject", j.subject());
            g.writeStringField("body", j.body());
            g.writeStringField("event", j.event());
            g.writeStringField("detail", j.detail());
            JsonFields.field(g, "faxNumbers", j.faxNumbers());
            g.writeStringField("user", j.user());
            g.writeArrayFieldStart("files");
            for (StoredJob.SpooledFile f : j.files()) {
                file(g, f);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** An outbox entry; a damaged one (not JSON, or missing what a job needs) fails here. */
    static StoredJob storedJob(byte[] json) throws IOException {
        StoredJob j = JsonFields.read(json, p -> {
            var f = new Object() {
                String jobId;
                JobType type;
                Instant submitted;
                JobState state;
                int attempts;
                Instant nextAttempt;
                Instant holdUntil;
                Instant deadline;
                int lastCode;
                Text lastMessage;
                String messageId;
                List<String> to;
                String subject;
                String body;
                String event;
                String detail;
                List<String> faxNumbers;
                String user;
                List<StoredJob.SpooledFile> files;
            };
            boolean present = JsonFields.object(p, (name, v) -> {
                switch (name) {
                    case "jobId" -> f.jobId = JsonFields.string(v);
                    case "type" -> f.type = JsonFields.constant(v, JobType.class);
                    case "submitted" -> f.submitted = JsonFields.instant(v);
                    case "state" -> f.state = JsonFields.constant(v, JobState.class);
                    case "attempts" -> f.attempts = JsonFields.integer(v);
                    case "nextAttempt" -> f.nextAttempt = JsonFields.instant(v);
                    case "holdUntil" -> f.holdUntil = JsonFields.instant(v);
                    case "deadline" -> f.deadline = JsonFields.instant(v);
                    case "lastCode" -> f.lastCode = JsonFields.integer(v);
                    case "lastMessage" -> f.lastMessage = TextJson.read(v);
                    case "messageId" -> f.messageId = JsonFields.string(v);
                    case "to" -> f.to = JsonFields.strings(v);
                    case "subject" -> f.subject = JsonFields.string(v);
                    case "body" -> f.body = JsonFields.string(v);
                    case "event" -> f.event = JsonFields.string(v);
                    case "detail" -> f.detail = JsonFields.string(v);
                    case "faxNumbers" -> f.faxNumbers = JsonFields.strings(v);
                    case "user" -> f.user = JsonFields.string(v);
                    case "files" -> f.files = JsonFields.list(v, Json::file);
                    default -> {
                        return false;
                    }
                }
                return true;
            });
            return present ? new StoredJob(f.jobId, f.type, f.submitted, f.state, f.attempts, f.nextAttempt,
                    f.holdUntil, f.deadline, f.lastCode, f.lastMessage, f.messageId, f.to, f.subject, f.body,
                    f.event, f.detail, f.faxNumbers, f.user, f.files) : null;
        });
        if (j == null) {
            throw new JsonFields.Malformed("no outbox entry");
        }
        return j;
    }

    private static void file(JsonGenerator g, StoredJob.SpooledFile f) throws IOException {
        if (f == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("name", f.name());
        g.writeStringField("contentType", f.contentType());
        g.writeNumberField("size", f.size());
        g.writeStringField("spoolName", f.spoolName());
        g.writeEndObject();
    }

    private static StoredJob.SpooledFile file(JsonParser p) throws IOException {
        var f = new Object() {
            String name;
            String contentType;
            long size;
            String spoolName;
        };
        boolean present = JsonFields.object(p, (name, v) -> {
            switch (name) {
                case "name" -> f.name = JsonFields.string(v);
                case "contentType" -> f.contentType = JsonFields.string(v);
                case "size" -> f.size = JsonFields.longInteger(v);
                case "spoolName" -> f.spoolName = JsonFields.string(v);
                default -> {
                    return false;
                }
            }
            return true;
        });
        return present ? new StoredJob.SpooledFile(f.name, f.contentType, f.size, f.spoolName) : null;
    }

    private static void text(JsonGenerator g, String name, Text t) throws IOException {
        g.writeFieldName(name);
        if (t == null) {
            g.writeNull();
        } else {
            TextJson.write(g, t);
        }
    }
}
