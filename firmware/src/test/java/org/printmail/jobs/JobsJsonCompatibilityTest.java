package org.printmail.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.printmail.i18n.Text;

/**
 * The job log's lines and the outbox's entries, written and read on the streaming API
 * ({@link Json}), against the databind mapper that wrote them before (configured here exactly as
 * {@code jobs.Json} was): the same bytes for the same value, and the same value from its bytes.
 */
class JobsJsonCompatibilityTest {
    /** The mapper the outbox and the job log used before, with its Text serializer and reader. */
    private static final ObjectMapper OLD = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule("texts").addSerializer(Text.class, new OldTextWriter())
                    .addDeserializer(Text.class, new OldTextReader()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final String AWKWARD = "\"quoted\" back\\slash \u0001\u001f tab\t new\nline \u2028 "
            + "\ud83d\udce0 </script>";
    private static final String ARABIC = "تعذّر الإرسال إلى \u2068scan@contoso.example\u2069، حاول لاحقًا";
    private static final Instant NANOS = Instant.parse("2026-12-04T15:22:43.907500378Z");
    private static final Instant WHOLE = Instant.parse("2026-12-04T10:15:02Z");

    private static List<Text> texts() {
        return List.of(Text.literal(""), Text.literal(AWKWARD), Text.literal(ARABIC), Text.of("jobs.sent"),
                Text.of("jobs.gaveUp", 5, Text.of("smtp.cannotConnect", "smtp.office365.com")),
                Text.dateTime(NANOS), JobLogText.held(Text.of("auth.aadsts.700082", "00000000-0000", ARABIC),
                        WHOLE, org.printmail.codes.JobCode.SIGN_IN_EXPIRED),
                Text.of("jobs.sentButRejected", Text.of("jobs.sent"), AWKWARD));
    }

    private static List<JobLogEntry> entries() {
        List<JobLogEntry> out = new ArrayList<>();
        int i = 0;
        for (Text t : texts()) {
            i++;
            out.add(new JobLogEntry("J" + i, JobType.values()[i % JobType.values().length], NANOS.plusSeconds(i),
                    "admin@contoso.example", i, JobResult.values()[i % JobResult.values().length], 360 + i, t,
                    i % 2 == 0 ? t : null, List.of("a@contoso.example", ARABIC, AWKWARD)));
        }
        out.add(new JobLogEntry(null, null, null, null, 0, null, 0, (Text) null, null, null));
        out.add(new JobLogEntry("J-old", JobType.FAX, WHOLE, AWKWARD, Integer.MAX_VALUE, JobResult.SENT,
                Integer.MIN_VALUE, "Sent", "", List.of()));
        out.add(new JobLogEntry("J-empty", JobType.SCAN_TO_MY_EMAIL, Instant.EPOCH, "", 0, JobResult.REFUSED, 0,
                Text.literal(ARABIC), Text.literal(""), Arrays.asList("x@contoso.example", null)));
        return out;
    }

    private static List<StoredJob> jobs() {
        List<StoredJob> out = new ArrayList<>();
        int i = 0;
        for (Text t : texts()) {
            i++;
            out.add(new StoredJob("job-" + i, i % 2 == 0 ? JobType.FAX : JobType.SCAN_TO_EMAIL, NANOS,
                    JobState.values()[i % JobState.values().length], i, NANOS.plusNanos(i), WHOLE, Instant.MAX, 384,
                    t, "<job-" + i + "@printmail>", List.of("a@contoso.example", ARABIC), AWKWARD, ARABIC + "\n"
                    + AWKWARD, null, i % 3 == 0 ? null : AWKWARD, List.of("+1 555 0100"), i % 2 == 0 ? null : ARABIC,
                    List.of(new StoredJob.SpooledFile(ARABIC + ".pdf", "application/pdf", Long.MAX_VALUE, "s-" + i),
                            new StoredJob.SpooledFile(AWKWARD, null, 0, "s-" + i + "b"))));
        }
        out.add(new StoredJob("note", JobType.NOTIFICATION, Instant.MIN, JobState.QUEUED, 0, Instant.EPOCH,
                Instant.EPOCH, Instant.EPOCH, 0, null, "", null, null, null, "PAPER_OUT", null, null, null, null));
        return out;
    }

    @Test
    void aJobLogLineIsTheLineTheDatabindMapperWroteAndReadsBackEqual() throws IOException {
        for (JobLogEntry e : entries()) {
            String old = OLD.writeValueAsString(e);
            assertEquals(old, Json.line(e));
            assertEquals(e, Json.entry(old));
            assertEquals(OLD.readValue(old, JobLogEntry.class), Json.entry(old));
        }
    }

    @Test
    void anOutboxEntryIsTheFileTheDatabindMapperWroteAndReadsBackEqual() throws IOException {
        for (StoredJob j : jobs()) {
            byte[] old = OLD.writeValueAsBytes(j);
            assertEquals(new String(old, StandardCharsets.UTF_8), new String(Json.job(j), StandardCharsets.UTF_8));
            assertEquals(j, Json.storedJob(old));
        }
    }

    @Test
    void theJobLogWrittenByEarlierFirmwareReadsAsTheDatabindMapperReadIt() throws IOException {
        List<String> lines = Files.readAllLines(fixture(), StandardCharsets.UTF_8);
        assertEquals(4, lines.size());
        for (String line : lines) {
            assertEquals(OLD.readValue(line, JobLogEntry.class), Json.entry(line));
        }
    }

    @Test
    void oldShapesUnknownFieldsAndMissingFieldsReadAsTheDatabindMapperReadThem() throws IOException {
        List<String> lines = List.of(
                "{\"jobId\":\"J1\",\"detail\":\"a plain string\",\"storedRemedy\":\"another\"}",
                "{\"jobId\":\"J2\",\"detail\":null,\"message\":\"Sent\",\"remedy\":\"\"}",
                "{\"jobId\":\"J3\",\"message\":\"m\",\"remedy\":null,\"recipients\":null}",
                "{\"jobId\":\"J4\",\"newer\":{\"a\":[1,{\"b\":[]}],\"c\":null},\"code\":380,\"later\":[[],{}],"
                        + "\"detail\":{\"key\":\"jobs.gaveUp\",\"extra\":{\"x\":1},\"args\":[\"lit\",null,7,[1],"
                        + "{\"value\":\"v\"},{\"key\":\"jobs.sent\",\"args\":{}}]}}",
                "{\"detail\":{\"value\":null}}", "{\"detail\":{}}", "{\"detail\":{\"key\":5}}",
                "{\"detail\":[1,2]}", "{\"detail\":true}", "{\"detail\":{\"key\":{\"a\":1},\"value\":\"x\"}}",
                "{}", "{\"time\":\"\",\"type\":null,\"code\":null,\"recipientCount\":\"3\"}",
                "{\"jobId\":\"J5\"} trailing");
        for (String line : lines) {
            assertEquals(OLD.readValue(line, JobLogEntry.class), Json.entry(line), line);
        }
    }

    @Test
    void aDamagedLineOrEntryFailsAsAnIoExceptionAsItDidBefore() throws IOException {
        for (String bad : List.of("", "   ", "{\"jobId\":\"J3\",\"ty", "not json", "[1,2]", "\"text\"",
                "{\"type\":\"NO_SUCH_TYPE\"}", "{\"time\":\"yesterday\"}", "{\"code\":\"380x\"}",
                "{\"recipients\":{\"a\":1}}", "{\"code\":99999999999}")) {
            assertThrows(IOException.class, () -> OLD.readValue(bad, JobLogEntry.class), bad);
            assertThrows(IOException.class, () -> Json.entry(bad), bad);
        }
        // The databind mapper read a line "null" as no entry, and the job log then failed on it.
        assertEquals(null, OLD.readValue("null", JobLogEntry.class));
        assertThrows(IOException.class, () -> Json.entry("null"));
        byte[] good = Json.job(jobs().get(0));
        String json = new String(good, StandardCharsets.UTF_8);
        for (String bad : List.of(json.substring(0, json.length() / 2), json.replace("\"messageId\":", "\"gone\":"),
                json.replace("\"SCAN_TO_EMAIL\"", "\"NOTIFICATION\""), json.replace("\"type\":", "\"t\":"),
                json.replace("\"files\":[", "\"files\":[7,"), "{}", "")) {
            byte[] b = bad.getBytes(StandardCharsets.UTF_8);
            assertThrows(IOException.class, () -> OLD.readValue(b, StoredJob.class), bad);
            assertThrows(IOException.class, () -> Json.storedJob(b), bad);
        }
    }

    private static Path fixture() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("test-fixtures"))) {
            dir = dir.getParent();
        }
        return dir.resolve("test-fixtures/job-log/before-issue-13.jsonl");
    }

    /** jobs.Json's TextWriter before this change. */
    private static final class OldTextWriter extends JsonSerializer<Text> {
        @Override
        public void serialize(Text t, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartObject();
            if (t.isLiteral()) {
                g.writeStringField("value", t.value());
            } else {
                g.writeStringField("key", t.key());
                if (!t.args().isEmpty()) {
                    g.writeArrayFieldStart("args");
                    for (Text a : t.args()) {
                        serialize(a, g, p);
                    }
                    g.writeEndArray();
                }
            }
            g.writeEndObject();
        }
    }

    /** jobs.Json's TextReader before this change. */
    private static final class OldTextReader extends JsonDeserializer<Text> {
        @Override
        public Text deserialize(JsonParser p, DeserializationContext c) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return Text.literal(p.getText());
            }
            return of(p.readValueAsTree());
        }

        private static Text of(JsonNode n) {
            if (n == null || n.isNull()) {
                return Text.literal("");
            }
            if (n.isTextual()) {
                return Text.literal(n.asText());
            }
            JsonNode key = n.get("key");
            if (key == null || key.isNull()) {
                JsonNode value = n.get("value");
                return Text.literal(value == null || value.isNull() ? "" : value.asText());
            }
            List<Text> args = new ArrayList<>();
            JsonNode a = n.get("args");
            if (a != null && a.isArray()) {
                a.forEach(x -> args.add(of(x)));
            }
            return new Text(key.asText(), args, null);
        }
    }
}
