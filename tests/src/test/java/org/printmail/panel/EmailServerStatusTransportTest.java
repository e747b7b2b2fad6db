package org.printmail.panel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.printmail.config.MailTransport;
import org.printmail.i18n.Messages;
import org.printmail.testing.DeviceRig;

/** Email Server Status and the Status Sheet say which transport each account sends through. */
class EmailServerStatusTransportTest {
    private final DeviceRig rig = new DeviceRig();

    @AfterEach
    void close() { rig.close(); }

    private String status() {
        return Messages.stripDirectionalControls(EmailServerStatus.render(rig.device().settings().current(),
                rig.device().accounts().statuses(), rig.clock));
    }

    @Test
    void statusShowsSmtpAuthForTheDeviceAndMicrosoftGraphForTheFaxServerWhenSoSet() {
        rig.device().settings().update(s -> s.withFaxServer(s.faxServer().withTransport(
                MailTransport.MICROSOFT_GRAPH)));
        String text = status();
        String device = text.substring(text.indexOf("[Email Server]"), text.indexOf("[Fax Server]"));
        String fax = text.substring(text.indexOf("[Fax Server]"));
        assertTrue(device.contains("Send Through: SMTP AUTH (XOAUTH2)"), text);
        assertTrue(device.contains("SMTP Server: localhost:"), text);
        assertTrue(fax.contains("Send Through: Microsoft Graph"), text);
        assertFalse(fax.contains("SMTP Server: localhost:"), "the unused SMTP server is not shown as in use: " + text);
    }

    @Test
    void statusSheetPdfCarriesTheTransportLine() throws Exception {
        rig.device().settings().update(s -> s.withDeviceMail(s.deviceMail().withTransport(
                MailTransport.MICROSOFT_GRAPH)));
        Path pdf = rig.dataDir.resolve("sheet.pdf");
        StatusSheet.print(pdf, rig.device().settings().current(), rig.device().accounts().statuses(), rig.clock);
        List<String> lines = SheetReader.lines(pdf);
        assertTrue(lines.contains("Send Through: Microsoft Graph"), lines.toString());
    }

    @Test
    void theCertificateWarningIsWordedAsTheSettingsWordItForWebConfigAndTheLog() {
        rig.device().settings().update(s -> s.withDeviceMail(s.deviceMail().withMail(
                s.deviceMail().mail().withCertificateValidation(false))));
        String warning = rig.device().settings().current().deviceMail().mail().certificateWarning().orElseThrow();
        assertTrue(status().contains("  WARNING: " + warning + "\n"), status());
    }
}
