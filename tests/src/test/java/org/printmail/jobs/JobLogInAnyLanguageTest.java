package org.printmail.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.printmail.codes.JobCode;
import org.printmail.i18n.Language;
import org.printmail.i18n.Messages;
import org.printmail.i18n.Text;
import org.printmail.panel.JobStatusScreen;
import org.printmail.smtp.SmtpFailure;
import org.printmail.testing.DeviceRig;
import org.printmail.testing.EnglishLeftovers;

/**
 * The job log stores no sentence: a line written while the device speaks English reads fully in
 * Arabic and back, and a log written by earlier firmware (English strings) still loads.
 */
class JobLogInAnyLanguageTest {
    private static final Path BEFORE = DeviceRig.ROOT.resolve("test-fixtures/job-log/before-issue-13.jsonl");
    private static final Messages ENGLISH = Messages.of(Language.ENGLISH);
    private static final Messages ARABIC = Messages.of(Language.ARABIC);

    @TempDir
    Path dir;
    private DeviceRig rig;

    @AfterEach
    void close() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void aLogWrittenBeforeTheCatalogueLoadsAndShowsEachLineAsItWasWritten() throws Exception {
        Path file = dir.resolve("job-log.jsonl");
        Files.copy(BEFORE, file);
        List<String> lines = Files.readAllLines(BEFORE, StandardCharsets.UTF_8);
        List<JobLogEntry> oldestFirst = new ArrayList<>(new JobLog(file, 100).entries());
        java.util.Collections.reverse(oldestFirst);
        assertEquals(lines.size(), oldestFirst.size(), "every old line loads");
        for (int i = 0; i < lines.size(); i++) {
            JobLogEntry e = oldestFirst.get(i);
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(i));
            assertEquals(json.get("message").asText(), e.message());
            assertEquals(json.get("remedy").asText(), e.remedy(), "the stored remedy, not a new one");
            for (Language l : Language.values()) {
                // Stored English stays as written: shown as it is in every language.
                assertEquals(json.get("message").asText(), Messages.of(l).render(e.detailText()));
                assertEquals(json.get("remedy").asText(), Messages.of(l).render(e.remedyText()));
            }
        }
        JobLogEntry failed = oldestFirst.get(1);
        assertEquals(380, failed.code());
        assertEquals(List.of("a@contoso.example", "b@contoso.example"), failed.recipients());
        assertEquals(JobResult.HELD, oldestFirst.get(2).result());
    }

    @Test
    void anOutboxEntryWrittenBeforeTheCatalogueLoadsWithItsLastMessageAsWritten() throws Exception {
        Path outbox = dir.resolve("outbox");
        OutboxStore store = new OutboxStore(outbox);
        Instant t = Instant.parse("2026-12-04T10:00:00Z");
        store.save(new StoredJob("job-1", JobType.SCAN_TO_EMAIL, t, JobState.RETRY_WAIT, 1, t, t.plusSeconds(86400),
                t.plusSeconds(86400), 384, Text.of("jobs.resumed"), "<job-1@printmail>", List.of("a@contoso.example"),
                "Scan", "", null, null, null, null, List.of()));
        Path file = outbox.resolve("job-1.json");
        String now = Files.readString(file);
        assertTrue(now.contains("\"lastMessage\":{\"key\":\"jobs.resumed\"}"), now);
        // The same entry as earlier firmware wrote it: the last message an English string.
        Files.writeString(file, now.replace("{\"key\":\"jobs.resumed\"}", "\"server busy, try later\""));
        StoredJob old = new OutboxStore(outbox).loadAll().jobs().get(0);
        assertEquals(Text.literal("server busy, try later"), old.lastMessage());
        assertEquals("server busy, try later", old.view().lastMessage());
    }

    @Test
    void aLineWrittenInEnglishReadsFullyInArabicAndBackWithNoEnglishLeft() throws Exception {
        Path file = dir.resolve("job-log.jsonl");
        JobLog log = new JobLog(file, 100);
        Instant t = Instant.parse("2026-12-04T09:00:00Z");
        String host = "smtp.office365.com";
        List<JobLogEntry> written = List.of(
                entry(1, JobResult.FAILED, JobCode.SMTP_AUTH_DISABLED, JobLogText.detail(new SmtpFailure(
                        JobCode.SMTP_AUTH_DISABLED, Text.of("smtp.refused", host, Text.of("smtp.stage.auth", "AUTH XOAUTH2")),
                        "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled"
                                + " for the Tenant.", null))),
                entry(2, JobResult.FAILED, JobCode.CERTIFICATE_PROBLEM, JobLogText.detail(new SmtpFailure(
                        JobCode.CERTIFICATE_PROBLEM, Text.of("smtp.tlsFailed", host, Text.of("smtp.cert.expired",
                                "NotAfter: Tue Dec 01 00:00:00 UTC 2026")), "", null))),
                entry(3, JobResult.HELD, JobCode.SIGN_IN_EXPIRED, JobLogText.held(Text.of("auth.aadsts.700082",
                        "00000000-0000-0000-0000-000000000001", "organizations"), t.plusSeconds(86400),
                        JobCode.SIGN_IN_EXPIRED)),
                entry(4, JobResult.FAILED, JobCode.SERVER_UNREACHABLE, Text.of("jobs.gaveUp", 5,
                        Text.of("smtp.cannotConnect", host))),
                entry(5, JobResult.SENT, JobCode.OK, Text.of("jobs.sentAsParts", 2, Text.of("jobs.sentInDigest", 3))),
                entry(6, JobResult.PARTIAL, JobCode.RECIPIENT_REJECTED, Text.of("jobs.sentButRejected",
                        Text.of("jobs.sent"), "x@contoso.example (550 5.1.1 User unknown)")));
        written.forEach(log::append);

        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            assertTrue(line.contains("\"detail\":{\"key\":"), "stored as a key and arguments: " + line);
            assertFalse(line.contains("\"message\"") || line.contains("\"remedy\""), "no sentence stored: " + line);
        }
        List<JobLogEntry> reread = new JobLog(file, 100).entries();
        assertEquals(written.size(), reread.size());
        for (JobLogEntry e : reread) {
            String arabic = ARABIC.render(e.detailText()) + "\n" + ARABIC.render(e.remedyText());
            assertEquals(List.of(), EnglishLeftovers.in(arabic), arabic);
            String english = ENGLISH.render(e.detailText());
            assertEquals(e.message(), Messages.stripDirectionalControls(english), "and back in English");
            assertFalse(english.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.ARABIC),
                    english);
        }
        JobLogEntry tenantOff = reread.stream().filter(e -> e.code() == 380).findFirst().orElseThrow();
        assertTrue(tenantOff.message().contains("the server said: \"535 5.7.139"), tenantOff.message());
        assertEquals(ARABIC.text("cause.tenant_smtp_auth_off.remedy"), ARABIC.render(tenantOff.remedyText()),
                "the remedy follows the cause the server's reply names");
        assertTrue(ARABIC.render(tenantOff.detailText()).contains(Messages.isolate(
                "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.")),
                "the server's reply stays as it was sent, isolated");
        JobLogEntry expired = reread.stream().filter(e -> e.code() == 389).findFirst().orElseThrow();
        assertEquals(ARABIC.text("cause.certificate_expired.remedy"), ARABIC.render(expired.remedyText()));
        assertEquals("", reread.stream().filter(e -> e.code() == 0).findFirst().orElseThrow().remedy());
    }

    @Test
    void theDevicesOwnLinesAreKeyedTextsAndReadInArabic() throws Exception {
        rig = new DeviceRig();
        JobService jobs = rig.device().jobs();
        JobTicket refused = jobs.submit(new JobRequest.ScanToEmail(List.of("a@contoso.example"), "", "",
                List.of(JobTypesEndToEndTest.PDF)));
        assertFalse(refused.accepted());
        rig.device().settings().update(s -> s.withNotificationRecipients(
                java.util.Map.of("PAPER_OUT", List.of("facilities@contoso.example"))));
        JobTicket held = jobs.submit(new JobRequest.Notification(DeviceEvent.PAPER_OUT, "Tray 2"));
        JobTypesEndToEndTest.sendDue(rig);
        for (String id : List.of(refused.jobId(), held.jobId())) {
            JobLogEntry e = JobTypesEndToEndTest.logOf(rig, id);
            assertFalse(e.detailText().isLiteral(), "a catalogue sentence: " + e.detailText());
            assertNull(e.storedRemedy(), "the remedy is not stored");
            String arabic = ARABIC.render(e.detailText()) + "\n" + ARABIC.render(e.remedyText());
            assertEquals(List.of(), EnglishLeftovers.in(arabic), arabic);
        }
        assertEquals(Optional.of(JobResult.HELD), jobs.jobLog().stream().filter(e -> e.jobId().equals(held.jobId()))
                .map(JobLogEntry::result).findFirst());
    }

    @Test
    void theHeldLinesDeadlineReadsAsADateAndTimeInTheReadersLanguageAndZone() throws Exception {
        Path file = dir.resolve("job-log.jsonl");
        Instant deadline = Instant.parse("2026-12-05T10:15:00Z");
        new JobLog(file, 100).append(entry(1, JobResult.HELD, JobCode.SIGN_IN_EXPIRED,
                JobLogText.held(Text.of("auth.aadsts.700082", "00000000-0000-0000-0000-000000000001",
                        "organizations"), deadline, JobCode.SIGN_IN_EXPIRED)));
        String stored = Files.readString(file);
        assertTrue(stored.contains("\"value\":\"2026-12-05T10:15:00Z\""), "the instant, not a sentence: " + stored);
        JobLogEntry held = new JobLog(file, 100).entries().get(0);

        String arabic = ARABIC.render(held.detailText());
        assertTrue(arabic.contains(Messages.isolate(ARABIC.dateTime(deadline, ZoneOffset.UTC))), arabic);
        assertTrue(arabic.contains("ديسمبر"), "the Arabic month: " + arabic);
        for (String latin : List.of("Dec", "UTC", "AM", "PM", "2026-12-05")) {
            assertFalse(arabic.contains(latin), "no Latin date words (" + latin + "): " + arabic);
        }
        assertEquals(List.of(), EnglishLeftovers.in(arabic), arabic);
        ZoneId riyadh = ZoneId.of("Asia/Riyadh");
        String panel = JobStatusScreen.render(ARABIC, riyadh, List.of(), List.of(held));
        assertTrue(panel.contains(ARABIC.dateTime(deadline, riyadh)), "in the panel's zone: " + panel);

        String english = ENGLISH.render(held.detailText());
        assertTrue(english.contains("if not by " + Messages.isolate(
                ENGLISH.dateTime(deadline, ZoneOffset.UTC)) + "."), english);
        assertTrue(english.contains("December 5, 2026"), english);
    }

    @Test
    void aHeldLineWithItsDeadlineAsAnIsoLiteralStillReadsAsWritten() throws Exception {
        // As the first firmware with the catalogue stored it: the deadline a literal argument.
        Path file = dir.resolve("job-log.jsonl");
        Files.writeString(file, "{\"jobId\":\"J1\",\"type\":\"NOTIFICATION\",\"time\":\"2026-12-04T10:15:02Z\","
                + "\"account\":\"admin@contoso.example\",\"recipientCount\":1,\"result\":\"HELD\",\"code\":361,"
                + "\"detail\":{\"key\":\"jobs.held\",\"args\":[{\"key\":\"common.menu.signIn\"},{\"value\":\"361\"},"
                + "{\"value\":\"2026-12-05 10:15 UTC\"}]},\"recipients\":[\"facilities@contoso.example\"]}\n");
        JobLogEntry held = new JobLog(file, 100).entries().get(0);
        for (Language l : Language.values()) {
            assertTrue(Messages.of(l).render(held.detailText()).contains(Messages.isolate("2026-12-05 10:15 UTC")),
                    Messages.of(l).render(held.detailText()));
        }
        assertTrue(held.message().contains("fails with code 361 if not by 2026-12-05 10:15 UTC."), held.message());
    }

    private static JobLogEntry entry(int i, JobResult result, JobCode code, Text detail) {
        return new JobLogEntry("J" + i, JobType.SCAN_TO_EMAIL, Instant.parse("2026-12-04T09:00:00Z").plusSeconds(i),
                "scanner@contoso.example", 1, result, code.number(), detail, null, List.of("a@contoso.example"));
    }
}
