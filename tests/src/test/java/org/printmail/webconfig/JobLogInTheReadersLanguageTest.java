package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.owasp.encoder.Encode;
import org.printmail.auth.AccountId;
import org.printmail.codes.JobCode;
import org.printmail.device.Device;
import org.printmail.i18n.Language;
import org.printmail.i18n.Messages;
import org.printmail.jobs.JobLogEntry;
import org.printmail.jobs.JobRequest;
import org.printmail.jobs.JobResult;
import org.printmail.jobs.JobTicket;
import org.printmail.jobs.JobType;
import org.printmail.lab.LabUsers;

/**
 * The job log stores codes and parameters, not sentences: a line written while the device spoke
 * one language reads wholly in the other on the Job Log page, with the reader's dates and plural
 * forms, and the job id, account and recipients isolated.
 */
class JobLogInTheReadersLanguageTest {
    private static final String TO = "reception@contoso.example";
    private WebConfigRig device;
    private HttpsAdmin admin;

    @BeforeEach
    void start() throws Exception {
        device = new WebConfigRig();
        admin = HttpsAdmin.loggedIn(device.server.baseUri());
    }

    @AfterEach
    void stop() { device.close(); }

    private void deviceLanguage(Language l) {
        device.device().settings().update(s -> s.withLanguage(l));
    }

    private static JobRequest scan() {
        return new JobRequest.ScanToEmail(List.of(TO, "archive@contoso.example"), "Scan", "", List.of());
    }

    /** The entry for the job, once the outbox worker (its own thread) has logged it. */
    private JobLogEntry logged(String jobId) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            for (JobLogEntry e : device.device().jobs().jobLog()) {
                if (e.jobId().equals(jobId)) {
                    return e;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("job " + jobId + " not logged");
    }

    private String jobLog(Language reader) throws Exception {
        admin.acceptLanguage = reader.tag();
        return admin.get(JobLogPage.PATH).body();
    }

    @Test
    void linesWrittenWhileTheDeviceSpokeEnglishReadWhollyInArabic() throws Exception {
        deviceLanguage(Language.ENGLISH);
        JobTicket refused = device.device().jobs().submit(scan()); // not signed in: 360 at once
        assertFalse(refused.accepted());
        device.rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        JobTicket sent = device.device().jobs().submit(scan());
        assertTrue(sent.accepted());
        assertEquals(JobResult.SENT, logged(sent.jobId()).result());

        String html = jobLog(Language.ARABIC);
        String text = WebPagesInArabicTest.assertReadsInArabic(html, "the job log");
        Messages ar = Messages.of(Language.ARABIC);
        for (String words : List.of(ar.render(JobCode.NOT_SIGNED_IN.titleText()),
                ar.render(JobCode.NOT_SIGNED_IN.remedyText()), ar.render(JobResult.REFUSED.labelText()),
                ar.render(JobResult.SENT.labelText()), ar.render(JobType.SCAN_TO_EMAIL.displayNameText()),
                ar.count("webpages.joblog.entries", 2), ar.text("webpages.joblog.column.remedy"))) {
            assertTrue(text.contains(Messages.stripDirectionalControls(words).replaceAll("\\s+", " ")),
                    "\"" + words + "\" in " + text);
        }
        // The details are stored as catalogue texts and shown as sentences, not as isolated data.
        for (String jobId : List.of(refused.jobId(), sent.jobId())) {
            JobLogEntry line = logged(jobId);
            assertFalse(line.detailText().isLiteral(), "a text, not a sentence: " + line);
            String detail = ar.render(line.detailText()).replaceAll("\u2068[^\u2069]*\u2069", " ")
                    .replaceAll("\\s+", " ").trim();
            assertTrue(text.contains(detail), "\"" + detail + "\" in " + text);
        }
        JobLogEntry e = logged(sent.jobId());
        assertTrue(html.contains(Encode.forHtml(ar.dateTime(e.time(), ZoneOffset.UTC))), "an Arabic date: " + html);
        assertTrue(html.contains("<td class=\"job-id\"><bdi dir=\"ltr\">" + sent.jobId() + "</bdi></td>"), html);
        assertTrue(html.contains("<td class=\"account\"><bdi dir=\"ltr\">" + LabUsers.ADMIN + "</bdi></td>"), html);
        assertTrue(html.contains("<td class=\"recipients\"><bdi>" + TO + "</bdi>، <bdi>archive@contoso.example"
                + "</bdi></td>"), "each recipient isolated, in Arabic punctuation: " + html);
    }

    @Test
    void linesWrittenWhileTheDeviceSpokeArabicReadWhollyInEnglish() throws Exception {
        deviceLanguage(Language.ARABIC);
        JobTicket refused = device.device().jobs().submit(scan());
        assertFalse(refused.accepted());

        String html = jobLog(Language.ENGLISH);
        String text = PageText.visible(html, Language.ENGLISH);
        assertFalse(text.matches("(?s).*[\\u0600-\\u06FF].*"), "no Arabic in the English page: " + text);
        Messages en = Messages.of(Language.ENGLISH);
        assertTrue(html.contains("<td>Refused (not queued)</td><td>360</td>"), html);
        assertTrue(text.contains(en.render(JobCode.NOT_SIGNED_IN.titleText())), text);
        assertTrue(text.contains("1 job, newest first."), text);

        // And the same line, read again in Arabic: nothing of it was fixed when it was written.
        WebPagesInArabicTest.assertReadsInArabic(jobLog(Language.ARABIC), "the same job log in Arabic");
    }

    @Test
    void aLineFromBeforeTheCatalogueShowsAsWrittenIsolatedOnAnArabicPage() throws Exception {
        String message = "Not queued: not connected to the email service. Nothing was sent.";
        String remedy = "Sign in to the email service: Web Config > Network > Email Server > Basic > Sign In.";
        String old = "{\"jobId\":\"J20261001-090000-0ld001\",\"type\":\"SCAN_TO_EMAIL\","
                + "\"time\":\"2026-10-01T09:00:00Z\",\"account\":\"\",\"recipientCount\":1,"
                + "\"result\":\"REFUSED\",\"code\":360,\"message\":\"" + message + "\","
                + "\"remedy\":\"" + remedy + "\",\"recipients\":[\"" + TO + "\"]}\n";
        device.device().close();
        Files.writeString(device.rig.dataDir.resolve("job-log.jsonl"), old);
        Device restarted = device.rig.restart();
        WebConfigServer again = WebConfigServer.start(WebConfigRig.options(device.rig.dataDir),
                WebConfigRig.backend(restarted, device.lab(), device.clock));
        try {
            HttpsAdmin reader = HttpsAdmin.loggedIn(again.baseUri());
            reader.acceptLanguage = Language.ARABIC.tag();
            String html = reader.get(JobLogPage.PATH).body();
            String text = WebPagesInArabicTest.assertReadsInArabic(html, "a job log from before the catalogue");
            assertTrue(html.contains("<bdi>" + Encode.forHtml(message) + "</bdi>"), html);
            assertTrue(html.contains("<td class=\"remedy\"><bdi>" + Encode.forHtml(remedy)
                    + "</bdi></td>"), html);
            assertTrue(text.contains(Messages.of(Language.ARABIC).render(JobCode.NOT_SIGNED_IN.titleText())
                    .replaceAll("\\s+", " ")), "the code's title still in the reader's language: " + text);
        } finally {
            again.close();
        }
    }
}
