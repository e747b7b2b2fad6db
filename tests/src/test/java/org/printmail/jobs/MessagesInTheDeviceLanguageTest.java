package org.printmail.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.printmail.auth.AccountId;
import org.printmail.auth.AccountPurpose;
import org.printmail.config.MailTransport;
import org.printmail.i18n.Language;
import org.printmail.i18n.Messages;
import org.printmail.lab.LabUsers;
import org.printmail.testing.DeviceRig;
import org.printmail.testing.EnglishLeftovers;

/**
 * Alerts, test messages and the default scan subject are worded in the device language, and
 * arrive intact over real sockets: the subject as RFC 2047 encoded-words, the body as UTF-8 text.
 */
class MessagesInTheDeviceLanguageTest {
    private static final Messages ARABIC = Messages.of(Language.ARABIC);
    private final DeviceRig rig = new DeviceRig();

    @AfterEach
    void close() { rig.close(); }

    private void arabicDevice() throws InterruptedException {
        rig.device().settings().update(s -> s.withLanguage(Language.ARABIC).withNotificationRecipients(
                Map.of("PAPER_OUT", List.of("facilities@contoso.example"),
                        "TONER_LOW", List.of("facilities@contoso.example"))));
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
    }

    private MimeMessage onlyMessage() throws InterruptedException {
        assertTrue(rig.lab.mail().waitForIncoming(1, Duration.ofSeconds(10)), "a message arrives");
        return rig.lab.mail().receivedMessages()[0];
    }

    @Test
    void anArabicAlertArrivesWithAnEncodedWordSubjectAndAUtf8Body() throws Exception {
        arabicDevice();
        JobTicket t = rig.device().jobs().submit(new JobRequest.Notification(DeviceEvent.PAPER_OUT, "Tray 2"));
        JobTypesEndToEndTest.sendDue(rig);
        assertEquals(JobResult.SENT, JobTypesEndToEndTest.logOf(rig, t.jobId()).result());
        MimeMessage m = onlyMessage();

        String expected = ARABIC.text("mail.alert.subject", DeviceEvent.PAPER_OUT.displayNameText());
        assertEquals("[تنبيه الطابعة] نفد الورق", expected);
        String raw = m.getHeader("Subject")[0];
        assertTrue(raw.startsWith("=?UTF-8?"), "an RFC 2047 encoded-word: " + raw);
        assertTrue(raw.chars().allMatch(c -> c < 128), "the header itself is ASCII: " + raw);
        assertEquals(expected, MimeUtility.decodeText(MimeUtility.unfold(raw)));
        assertEquals(expected, m.getSubject());

        ContentType type = new ContentType(m.getContentType());
        assertTrue(type.match("text/plain"), m.getContentType());
        assertEquals("utf-8", type.getParameter("charset").toLowerCase(java.util.Locale.ROOT));
        String body = (String) m.getContent();
        assertTrue(body.startsWith("نفد الورق في "), body);
        assertTrue(body.contains(Messages.isolate("Tray 2")), "the event's detail stays as given, isolated: " + body);
        assertEquals(List.of(), EnglishLeftovers.in(expected + "\n" + body), body);
        // The bytes on the wire decode to the same text: UTF-8, not the platform charset.
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        m.writeTo(wire);
        assertTrue(wire.toString(StandardCharsets.US_ASCII).contains("charset=UTF-8"), "declared on the wire");
    }

    @Test
    void aDigestOfArabicAlertsCountsInArabic() throws Exception {
        arabicDevice();
        JobService jobs = rig.device().jobs();
        jobs.submit(new JobRequest.Notification(DeviceEvent.PAPER_OUT, ""));
        jobs.submit(new JobRequest.Notification(DeviceEvent.TONER_LOW, "Black"));
        JobTypesEndToEndTest.sendDue(rig);
        MimeMessage m = onlyMessage();
        assertEquals("[تنبيه الطابعة] تنبيهان من الجهاز", m.getSubject());
        String body = (String) m.getContent();
        assertTrue(body.startsWith("تنبيهان من الجهاز:"), body);
        assertTrue(body.contains("نفد الورق") && body.contains("الحبر أو مسحوق الحبر منخفض"), body);
        assertEquals(List.of(), EnglishLeftovers.in(m.getSubject() + "\n" + body), body);
    }

    @Test
    void theTestMessageAndAScanWithoutSubjectAreWordedInTheDeviceLanguage() throws Exception {
        arabicDevice();
        JobService jobs = rig.device().jobs();
        jobs.submit(TestMessage.request(AccountPurpose.DEVICE_MAIL, "bob@contoso.example", Language.ARABIC));
        JobTypesEndToEndTest.sendDue(rig);
        MimeMessage test = onlyMessage();
        assertEquals("رسالة اختبار من الشبكة < خادم البريد الإلكتروني < أساسي", test.getSubject());
        assertTrue(test.getHeader("Subject")[0].startsWith("=?UTF-8?"));
        String body = (String) test.getContent();
        assertEquals(ARABIC.text("mail.test.body"), body);
        assertEquals(List.of(), EnglishLeftovers.in(test.getSubject() + "\n" + body), body);

        jobs.submit(new JobRequest.ScanToEmail(List.of("bob@contoso.example"), "", "",
                List.of(JobTypesEndToEndTest.PDF)));
        JobTypesEndToEndTest.sendDue(rig);
        assertTrue(rig.lab.mail().waitForIncoming(2, Duration.ofSeconds(10)));
        assertEquals("مستند ممسوح ضوئيًا", rig.lab.mail().receivedMessages()[1].getSubject());
    }

    @Test
    void anEnglishDeviceKeepsItsEnglishWordsWithoutInvisibleCharacters() throws Exception {
        rig.device().settings().update(s -> s.withNotificationRecipients(
                Map.of("PAPER_OUT", List.of("facilities@contoso.example"))));
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        rig.device().jobs().submit(new JobRequest.Notification(DeviceEvent.PAPER_OUT, "Tray 2"));
        JobTypesEndToEndTest.sendDue(rig);
        MimeMessage m = onlyMessage();
        assertEquals("[Printer alert] Paper out", m.getSubject());
        String body = (String) m.getContent();
        assertTrue(body.startsWith("Paper out at 2026-") && body.endsWith("\nTray 2"), body);
        assertEquals(body, Messages.stripDirectionalControls(body), "no isolates in a left-to-right message");
    }

    @Test
    void anArabicAlertSentThroughMicrosoftGraphArrivesWithItsArabicSubject() throws Exception {
        rig.device().settings().update(s -> s.withDeviceMail(s.deviceMail().withTransport(MailTransport.MICROSOFT_GRAPH))
                .withAttachmentLimit(0, true));
        arabicDevice();
        JobTicket t = rig.device().jobs().submit(new JobRequest.Notification(DeviceEvent.PAPER_OUT, "Tray 2"));
        JobTypesEndToEndTest.sendDue(rig);
        assertEquals(JobResult.SENT, JobTypesEndToEndTest.logOf(rig, t.jobId()).result(),
                JobTypesEndToEndTest.logOf(rig, t.jobId()).message());
        MimeMessage m = onlyMessage();
        assertEquals("[تنبيه الطابعة] نفد الورق", m.getSubject());
        String body = String.valueOf(m.getContent());
        assertTrue(body.contains("نفد الورق في "), body);
    }
}
