package org.printmail.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.printmail.auth.AccountId;
import org.printmail.i18n.Language;
import org.printmail.i18n.Messages;
import org.printmail.i18n.Text;
import org.printmail.lab.LabUsers;
import org.printmail.testing.DeviceRig;
import org.printmail.testing.EnglishLeftovers;

/**
 * The status sheet in the device language, read back with PDFBox: rendered to an image (kept in
 * {@code tests/target/status-sheet/}), its text extracted, its font inspected.
 */
class StatusSheetInArabicTest {
    private static final Messages ARABIC = Messages.of(Language.ARABIC);
    private final DeviceRig rig = new DeviceRig();

    @BeforeEach
    void signIn() throws InterruptedException { rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN); }

    @AfterEach
    void close() { rig.close(); }

    private Path sheet(Language language) throws Exception {
        rig.device().settings().update(s -> s.withLanguage(language));
        Path pdf = rig.dataDir.resolve("sheet-" + language.tag() + ".pdf");
        StatusSheet.print(pdf, rig.device().settings().current(), rig.device().accounts().statuses(), rig.clock);
        return pdf;
    }

    @Test
    void theArabicSheetIsInkedOnTheRightAndTheEnglishSheetOnTheLeft() throws Exception {
        BufferedImage ar = SheetReader.image(sheet(Language.ARABIC), "ar");
        BufferedImage en = SheetReader.image(sheet(Language.ENGLISH), "en");
        int half = ar.getWidth() / 2;
        int arLeft = SheetReader.ink(ar, 0, half);
        int arRight = SheetReader.ink(ar, half, ar.getWidth());
        int enLeft = SheetReader.ink(en, 0, half);
        int enRight = SheetReader.ink(en, half, en.getWidth());
        assertTrue(arRight > 2 * arLeft, "right-aligned Arabic lines: ink right " + arRight + ", left " + arLeft);
        assertTrue(enLeft > 2 * enRight, "left-aligned English lines: ink left " + enLeft + ", right " + enRight);
    }

    @Test
    void arabicTextReadsBackInLogicalOrderWithAddressesAndHostsUnbroken() throws Exception {
        List<String> lines = SheetReader.lines(sheet(Language.ARABIC));
        String all = String.join("\n", lines);
        assertTrue(lines.get(0).startsWith(SheetReader.plain(ARABIC.text("sheet.title")) + " - "), all);
        assertTrue(lines.contains("[" + SheetReader.plain(ARABIC.text("panel.status.emailServer")) + "]"), all);
        assertTrue(lines.contains("[" + SheetReader.plain(ARABIC.text("panel.status.faxServer")) + "]"), all);
        String signedIn = ARABIC.render(Text.of("panel.status.field", Text.of("panel.status.currentStatus"),
                Text.of("panel.status.state.signedIn")));
        assertTrue(lines.contains(SheetReader.plain(signedIn)), "expected \"" + signedIn + "\" in\n" + all);
        String validation = ARABIC.render(Text.of("panel.status.field",
                Text.of("panel.status.certificateValidation"), Text.of(rig.device().settings().current()
                        .deviceMail().mail().certificateValidation() ? "panel.status.enable" : "panel.status.disable")));
        assertTrue(lines.contains(SheetReader.plain(validation)), "expected \"" + validation + "\" in\n" + all);
        String account = lines.stream().filter(l -> l.contains(LabUsers.ADMIN)).findFirst().orElse("");
        assertTrue(account.contains(SheetReader.plain(ARABIC.text("panel.status.account"))), all);
        String host = rig.device().settings().current().deviceMail().mail().host() + ":"
                + rig.device().settings().current().deviceMail().mail().port();
        assertTrue(all.contains(host), "the SMTP host and port in one piece: " + host + " in\n" + all);
        List<String> english = EnglishLeftovers.in(all.replace(LabUsers.ADMIN, " ").replace(host, " "));
        assertEquals(List.of(), english, "English left on the Arabic sheet (values set aside):\n" + all);
    }

    @Test
    void arabicDataOnAnEnglishSheetIsJoinedAndReadsBackInOnePiece() throws Exception {
        Path pdf = rig.dataDir.resolve("mixed.pdf");
        StatusSheetPdf.write(pdf, Language.ENGLISH, "Network Status Sheet",
                List.of("  Authenticated Account: " + Messages.isolate("مكتب الطباعة") + " (office)"));
        List<String> lines = SheetReader.lines(pdf);
        assertEquals(List.of("Network Status Sheet", "Authenticated Account: مكتب الطباعة (office)"), lines);
    }

    @Test
    void theSheetEmbedsOnlyASubsetOfItsFontAndStaysSmall() throws Exception {
        for (Language l : Language.values()) {
            Path pdf = sheet(l);
            List<PDFont> fonts = SheetReader.fonts(pdf);
            assertEquals(1, fonts.size(), fonts.toString());
            PDFont f = fonts.get(0);
            assertTrue(f.isEmbedded(), f.getName());
            assertTrue(f.getName().matches("[A-Z]{6}\\+DejaVuSans"), "a subset's name: " + f.getName());
            long bytes = Files.size(pdf);
            System.out.println("status sheet " + l.tag() + ": " + bytes + " bytes");
            assertTrue(bytes < 40_000, l.tag() + " sheet is " + bytes + " bytes; the whole font would be 760 KB");
        }
    }
}
