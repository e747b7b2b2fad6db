package org.printmail.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.printmail.auth.AccountId;
import org.printmail.i18n.Language;
import org.printmail.i18n.Messages;
import org.printmail.testing.DeviceRig;

/**
 * Email Server Status with no account signed in: each server's Current Status says "not signed
 * in" once, with its code, in every device language: the reason recorded for an account never
 * signed in only says the state again, so it is not added.
 */
class EmailServerStatusSaysEachFactOnceTest {
    private final DeviceRig rig = new DeviceRig();

    @AfterEach
    void close() { rig.close(); }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theNotSignedInScreenShowsTheReasonExactlyOnce(Language language) throws Exception {
        Messages m = Messages.of(language);
        rig.device().settings().update(s -> s.withLanguage(language));
        // Both accounts known to the device, as after a refused scan or a look at Web Config's
        // status: each then has the reason it was never signed in.
        rig.device().accounts().status(AccountId.deviceMail());
        rig.device().accounts().status(AccountId.faxServer());
        String screen;
        try (ScriptedTerminal t = new ScriptedTerminal(PanelInArabicTest.panel(rig))) {
            t.await("== " + m.text("panel.menu.home") + " ==");
            t.type("5");
            t.await(m.text("panel.menu.emailServerStatus"));
            t.type("1");
            screen = t.await(m.text("panel.status.asOf"));
            t.type("q");
        }
        String label = m.text("panel.status.currentStatus") + ": ";
        List<String> current = Arrays.stream(screen.split("\n")).map(String::strip)
                .filter(l -> l.startsWith(label)).toList();
        String expected = label + Messages.stripDirectionalControls(
                m.text("panel.status.state.notSignedIn", 360));
        // The state with its code, and nothing after it: no "- not signed in" saying it again.
        assertEquals(List.of(expected, expected), current, "both servers, each said once: " + screen);
    }
}
