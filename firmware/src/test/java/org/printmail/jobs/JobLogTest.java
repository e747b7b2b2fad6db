package org.printmail.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.printmail.codes.JobCode;
import org.printmail.files.JsonFields;
import org.printmail.i18n.Text;
import org.printmail.i18n.TextJson;

class JobLogTest {
    @TempDir
    Path dir;

    private static JobLogEntry entry(int i) {
        return new JobLogEntry("J" + i, JobType.SCAN_TO_EMAIL, Instant.parse("2026-11-28T08:00:00Z").plusSeconds(i),
                "admin@contoso.example", 1, JobResult.SENT, 0, "Sent", "");
    }

    @Test
    void logIsBoundedNewestFirstAndSurvivesARestart() {
        JobLog log = new JobLog(dir.resolve("log.jsonl"), 10);
        for (int i = 0; i < 35; i++) {
            log.append(entry(i));
        }
        assertEquals(10, log.entries().size());
        assertEquals("J34", log.entries().get(0).jobId());
        JobLog reopened = new JobLog(dir.resolve("log.jsonl"), 10);
        assertEquals(log.entries(), reopened.entries());
    }

    @Test
    void aTornLastLineFromAPowerCutIsSkippedAndTheRestKept() throws IOException {
        JobLog log = new JobLog(dir.resolve("log.jsonl"), 10);
        log.append(entry(1));
        log.append(entry(2));
        Files.write(dir.resolve("log.jsonl"), "{\"jobId\":\"J3\",\"ty".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
        JobLog reopened = new JobLog(dir.resolve("log.jsonl"), 10);
        assertEquals(2, reopened.entries().size());
        assertEquals("J2", reopened.entries().get(0).jobId());
        reopened.append(entry(4));
        assertEquals(List.of("J4", "J2", "J1"), new JobLog(dir.resolve("log.jsonl"), 10).entries().stream()
                .map(JobLogEntry::jobId).toList());
    }

    @Test
    void aPointInTimeInATextIsStoredAsItsInstantAndReadsBackEqual() throws IOException {
        Instant t = Instant.parse("2026-12-05T10:15:00Z");
        Text held = JobLogText.held(null, t, JobCode.SIGN_IN_EXPIRED);
        byte[] json = JsonFields.write(false, g -> TextJson.write(g, held));
        String text = new String(json, StandardCharsets.UTF_8);
        assertTrue(text.contains("{\"key\":\"@dateTime\",\"args\":[{\"value\":\"2026-12-05T10:15:00Z\"}]}"), text);
        assertEquals(held, JsonFields.read(json, TextJson::read));
    }
}
