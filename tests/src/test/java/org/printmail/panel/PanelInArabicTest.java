package org.printmail.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.printmail.auth.AccountId;
import org.printmail.device.Device;
import org.printmail.i18n.Language;
import org.printmail.i18n.Messages;
import org.printmail.lab.LabUsers;
import org.printmail.testing.DeviceRig;
import org.printmail.testing.EnglishLeftovers;

/** The control panel in the device language: every screen in Arabic, and the language entry. */
class PanelInArabicTest {
    private static final Messages ARABIC = Messages.of(Language.ARABIC);
    private final DeviceRig rig = new DeviceRig();

    @AfterEach
    void close() { rig.close(); }

    private ControlPanel panel() { return panel(rig); }

    /** The panel of a rig's device, its password reset a no-op. */
    static ControlPanel panel(DeviceRig rig) {
        Device d = rig.device();
        return new ControlPanel(d.jobs(), d.accounts(), d.settings(), d.accountProfiles(),
                DeviceRig.ROOT.resolve("test-fixtures/scans/sample-scan.pdf"), rig.dataDir.resolve("sheets"),
                rig.clock).withWebConfigPasswordReset((next, confirm) -> Optional.empty());
    }

    @Test
    void everyPanelScreenInArabicShowsNoEnglishOutsideIsolatedValues() throws Exception {
        rig.device().settings().update(s -> s.withLanguage(Language.ARABIC).withFaxServer(s.faxServer()
                .withMail(s.faxServer().mail().withCertificateValidation(false)))); // shows the warning
        try (ScriptedTerminal t = new ScriptedTerminal(panel())) {
            t.await("== " + ARABIC.text("panel.menu.home") + " ==");
            t.type("1"); // Scan to Email, refused: not signed in
            String refusal = t.await("الحل:");
            assertTrue(refusal.contains("لاستخدام هذه الوظيفة، يجب تسجيل الدخول إلى خدمة البريد الإلكتروني. يُرجى التواصل مع المسؤول"),
                    refusal);
            t.type("4"); // Job Status, with the refusal
            t.await("== حالة المهمة < حالة المهمة ==");
            t.await(ARABIC.text("panel.pressEnter"));
            t.type("");
            t.type("5"); // Settings > ... > Network Status
            t.await("== الإعدادات < إعدادات عامة < إعدادات الشبكة < حالة الشبكة ==");
            t.await("ورقة حالة الطابعة");
            t.type("1");
            t.await("== حالة خادم البريد الإلكتروني ==");
            t.await("تحذير: التحقق من الشهادة مُعطَّل");
            t.type("2");
            t.await(".pdf");
            t.type("3"); // Web Config password reset
            t.await(ARABIC.text("panel.reset.newPassword"));
            t.type("a-new-password");
            t.type("a-new-password");
            t.await(ARABIC.text("panel.reset.ask"));
            t.type("y");
            t.await(ARABIC.text("panel.reset.done"));
            t.type("3");
            t.type("x");
            t.type("x");
            t.type("n");
            t.await(ARABIC.text("panel.reset.notChanged"));
            t.type("q");
            rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN); // organization consent for users
            t.type("2"); // Scan to My Email: sign in on the panel, then cancel
            t.type("alice");
            t.await(ARABIC.text("panel.signIn.askNow"));
            t.type("y");
            t.await(ARABIC.text("panel.signIn.enterOrCancel", "c").substring(0, 10));
            t.type("");
            t.await(ARABIC.text("panel.signIn.waiting"));
            t.type("c");
            t.await(ARABIC.text("panel.signIn.cancelled"));
            t.type("1"); // Scan to Email, accepted now
            t.type("a@example.com, b@example.com");
            t.type("تقرير");
            t.await("؛");
            t.type("4"); // Job Status with a job in progress
            t.await(ARABIC.text("panel.jobs.inProgress"));
            t.type("");
            t.type("6"); // Language
            t.await("العربية");
            t.type("q");
            t.type("9");
            t.await(ARABIC.text("panel.unknownChoice", "9").substring(0, 8));
            t.type("q");
            Path transcript = Path.of("tests/target/panel/ar.txt").toAbsolutePath();
            Files.createDirectories(transcript.getParent());
            Files.writeString(transcript, t.all()); // for people to read
            List<String> english = EnglishLeftovers.in(t.all());
            assertEquals(List.of(), english, "English left on the Arabic panel:\n" + t.all());
        }
    }

    @Test
    void theLanguageEntrySwitchesThePanelAndTheNextStatusSheet() throws Exception {
        try (ScriptedTerminal t = new ScriptedTerminal(panel())) {
            t.await("== Home ==");
            t.type("6");
            t.await("1. English");
            t.await("2. العربية");
            t.type("2");
            t.await("اللغة: العربية");
            assertEquals(Language.ARABIC, rig.device().settings().current().language());
            t.await("== الشاشة الرئيسية ==");
            t.type("5");
            t.type("2");
            t.await(".pdf");
            t.type("q");
            Path sheet;
            try (var files = Files.list(rig.dataDir.resolve("sheets"))) {
                sheet = files.findFirst().orElseThrow();
            }
            List<String> lines = SheetReader.lines(sheet);
            assertTrue(lines.get(0).startsWith("ورقة حالة الشبكة - "), lines.toString());
            t.type("6");
            t.type("1");
            t.await("Language: English");
            t.await("== Home ==");
            assertEquals(Language.ENGLISH, rig.device().settings().current().language());
            t.type("q");
        }
    }
}
