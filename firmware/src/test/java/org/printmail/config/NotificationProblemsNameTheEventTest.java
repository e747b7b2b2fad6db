package org.printmail.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.printmail.i18n.Language;
import org.printmail.i18n.Messages;

class NotificationProblemsNameTheEventTest {
    @Test
    void anInvalidAlertRecipientIsReportedUnderTheEventsNameInTheReadersLanguage() {
        DeviceSettings s = DeviceSettings.defaults(ProfileLoader.load(Path.of("."), "exchange-online"))
                .withNotificationRecipients(Map.of("PAPER_OUT", List.of("not-an-address")));
        ConfigException e = assertThrows(ConfigException.class, s::validate);
        String arabic = Messages.of(Language.ARABIC).render(e.problems().get(0).fieldText());
        String english = Messages.of(Language.ENGLISH).render(e.problems().get(0).fieldText());
        assertTrue(arabic.contains("نفد الورق"), arabic);
        assertFalse(arabic.contains("PAPER_OUT"), arabic);
        assertTrue(english.contains("Paper out"), english);
    }
}
