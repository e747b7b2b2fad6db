package org.printmail.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.printmail.auth.AccountId;
import org.printmail.auth.AccountPurpose;
import org.printmail.config.ConfigException;
import org.printmail.config.DeviceSettings;
import org.printmail.i18n.Language;
import org.printmail.i18n.Messages;
import org.printmail.lab.LabUsers;
import org.printmail.testing.DeviceRig;
import org.printmail.testing.EnglishLeftovers;

/** The Connection Test and settings problems, as the UI shows them, read fully in Arabic. */
class DomainWordsInArabicTest {
    private static final Messages ARABIC = Messages.of(Language.ARABIC);
    private final DeviceRig rig = new DeviceRig();

    @AfterEach
    void close() { rig.close(); }

    private static void noEnglishIn(List<ConnectionCheck> steps) {
        for (ConnectionCheck c : steps) {
            String arabic = ARABIC.render(c.nameText()) + ": " + ARABIC.render(c.detailText()) + "\n"
                    + ARABIC.render(c.remedyText());
            assertEquals(List.of(), EnglishLeftovers.in(arabic), arabic);
        }
    }

    @Test
    void theConnectionTestReadsInArabicWhetherItPassesOrFails() throws Exception {
        List<ConnectionCheck> notSignedIn = rig.device().jobs().connectionTest(AccountPurpose.DEVICE_MAIL);
        ConnectionCheck token = notSignedIn.get(notSignedIn.size() - 1);
        assertFalse(token.passed());
        assertEquals("Token", token.name(), "English names stay as they were");
        assertEquals("رمز الوصول", ARABIC.render(token.nameText()));
        noEnglishIn(notSignedIn);

        rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        List<ConnectionCheck> steps = rig.device().jobs().connectionTest(AccountPurpose.DEVICE_MAIL);
        assertTrue(steps.stream().allMatch(ConnectionCheck::passed), steps.toString());
        assertTrue(steps.stream().anyMatch(c -> c.name().equals("MAIL FROM")), steps.toString());
        noEnglishIn(steps);
    }

    @Test
    void aSettingsProblemNamesItsFieldAsWebConfigDoesInEitherLanguage() {
        DeviceSettings bad = rig.device().settings().current()
                .withDeviceMail(rig.device().settings().current().deviceMail().withSenderAddress("not an address"))
                .withNotificationRecipients(Map.of("PAPER_OUT", List.of("nobody")));
        ConfigException e = assertThrows(ConfigException.class, bad::validate);
        assertEquals(2, e.problems().size(), e.detail());
        ConfigException sender = e.problems().get(0);
        assertEquals("Email Server > Sender's Email Address", sender.field());
        assertEquals("Email Server > Sender's Email Address: not an email address", sender.detail());
        assertEquals("خادم البريد الإلكتروني < عنوان البريد الإلكتروني للمرسل", ARABIC.render(sender.fieldText()));
        assertEquals("ليس عنوان بريد إلكتروني", ARABIC.render(sender.problemText()));
        assertTrue(e.problems().get(1).field().contains("(Paper out)"), e.problems().get(1).field());
        String arabic = ARABIC.render(e.detailText());
        assertEquals(List.of(), EnglishLeftovers.in(arabic), arabic);
    }
}
