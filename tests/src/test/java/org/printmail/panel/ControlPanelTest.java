package org.printmail.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.printmail.auth.AccountState;
import org.printmail.i18n.Language;
import org.printmail.i18n.Messages;
import org.printmail.jobs.JobResult;
import org.printmail.lab.LabUsers;
import org.printmail.auth.AccountId;
import org.printmail.testing.DeviceRig;

class ControlPanelTest {
    private static final Messages ENGLISH = Messages.of(Language.ENGLISH);
    private final DeviceRig rig = new DeviceRig(o -> new org.printmail.device.Device.Options(o.dataDir(), o.clock(),
            o.auth(), o.sender(), o.jobs().withWorker(true)));

    @AfterEach
    void close() { rig.close(); }

    private ControlPanel panel() {
        return new ControlPanel(rig.device().jobs(), rig.device().accounts(), rig.device().settings(),
                rig.device().accountProfiles(), DeviceRig.ROOT.resolve("test-fixtures/scans/sample-scan.pdf"),
                rig.dataDir.resolve("sheets"), rig.clock);
    }

    @Test
    void emailServerStatusAndScanRefusalShow360WithTheGuidesMessageAndRemedy() throws Exception {
        try (ScriptedTerminal t = new ScriptedTerminal(panel())) {
            t.await("== Home ==");
            t.type("5");
            t.await("Network Status ==");
            t.type("1");
            t.await("Current Status: Not signed in (code 360)");
            t.type("q");
            t.type("1");
            String s = t.await("Remedy:");
            assertTrue(s.contains("To use this feature, you must sign in to the email service. Please contact"
                    + " the administrator."), s);
            assertTrue(s.contains("Code 360"), s);
            t.type("4");
            String log = t.await("Press Enter");
            assertTrue(log.contains(ENGLISH.text("jobs.result.refused") + "  code 360"), log);
            assertTrue(log.contains("Remedy: Sign in to the email service"), log);
            t.type("");
            t.type("q");
        }
    }

    @Test
    void userSignsInOnThePanelWithCodeLinkAndQrThenScansToTheirOwnMailbox() throws Exception {
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN); // organization consent first
        try (ScriptedTerminal t = new ScriptedTerminal(panel())) {
            t.await("== Home ==");
            t.type("2");
            t.type("alice");
            assertTrue(t.await("(y/N)").contains("code 370"));
            t.type("y");
            String prompt = t.await("Press Enter when done");
            String code = rig.lab.identity().latestUserCode().orElseThrow();
            assertTrue(prompt.contains("Code: " + code), prompt);
            assertTrue(prompt.contains("Open: " + rig.lab.identity().deviceLoginUri()), prompt);
            assertTrue(prompt.contains("Expires: "), prompt);
            assertTrue(prompt.contains("█▀") || prompt.contains("▀█"), "a QR code is drawn");
            rig.lab.identity().approve(code, LabUsers.ALICE);
            rig.awaitState(AccountId.user("alice"), AccountState.SIGNED_IN);
            t.type("");
            t.await("Signed in as " + LabUsers.ALICE);
            t.type("My scan");
            t.await("accepted; see Job Status.");
            assertTrue(rig.lab.mail().waitForIncoming(1, Duration.ofSeconds(10)));
            assertEquals(LabUsers.ALICE, rig.lab.mail().receivedMessages()[0].getFrom()[0].toString());
            long end = System.nanoTime() + 10_000_000_000L;
            while (rig.device().jobs().jobLog().stream().noneMatch(e -> e.result() == JobResult.SENT)
                    && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            t.type("4");
            assertTrue(t.await("Press Enter").contains(ENGLISH.text("jobs.type.scan_to_my_email") + "  "
                    + ENGLISH.text("jobs.result.sent") + "  code 0"));
            t.type("");
            t.type("q");
        }
    }

    @Test
    void statusSheetIsPrintedAsAPdfWithTheEmailServerSettings() throws Exception {
        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        try (ScriptedTerminal t = new ScriptedTerminal(panel())) {
            t.await("== Home ==");
            t.type("5");
            t.type("2");
            String s = t.await(".pdf");
            t.type("q");
            t.type("q");
            List<Path> sheets;
            try (var files = Files.list(rig.dataDir.resolve("sheets"))) {
                sheets = files.toList();
            }
            assertEquals(1, sheets.size(), s);
            String head = new String(Files.readAllBytes(sheets.get(0)), 0, 8, StandardCharsets.ISO_8859_1);
            assertTrue(head.startsWith("%PDF-1."), head);
            List<String> lines = SheetReader.lines(sheets.get(0));
            assertTrue(lines.get(0).startsWith("Network Status Sheet - "), lines.toString());
            assertTrue(lines.contains("Authenticated Account: " + LabUsers.ADMIN), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("SMTP Server: localhost:")), lines.toString());
            assertFalse(String.join("\n", lines).contains("Bearer"));
        }
    }
}
