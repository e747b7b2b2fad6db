package org.printmail.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.printmail.config.IdentitySettings;
import org.printmail.i18n.Language;
import org.printmail.i18n.Messages;
import org.printmail.lab.LabUsers;
import org.printmail.testing.DeviceRig;
import org.printmail.testing.EnglishLeftovers;

/** What the Sign In page and Email Server Status say about an account reads fully in Arabic. */
class SignInWordsInArabicTest {
    private static final Messages ARABIC = Messages.of(Language.ARABIC);
    private static final IdentitySettings SETTINGS = new IdentitySettings(
            URI.create("https://login.microsoftonline.com"), "contoso.com",
            "9e5f94bc-e8a4-4e73-b8be-63364c29d753",
            List.of("https://outlook.office.com/SMTP.Send", "offline_access"), Duration.ofSeconds(15));

    @Test
    void everyIdentityPlatformOutcomeReadsInArabicWithNoEnglishLeftAndInEnglishAsBefore() throws Exception {
        List<IdentityError> errors = new ArrayList<>();
        try (Stream<Path> files = Files.list(LabRig.ROOT.resolve("test-fixtures/identity"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                errors.add(ErrorTableTest.fixture(f.getFileName().toString().replace(".json", "")));
            }
        }
        for (String key : Messages.of(Language.ENGLISH).keys()) {
            if (key.startsWith("auth.aadsts.")) {
                int code = Integer.parseInt(key.substring("auth.aadsts.".length()));
                errors.add(new IdentityError(400, "invalid_grant", List.of(code), "", "", ""));
            } else if (key.startsWith("auth.error.")) {
                String error = key.substring("auth.error.".length());
                errors.add(new IdentityError(400, error.equals("unknown") ? "weird_error" : error, List.of(),
                        "", "", ""));
            }
        }
        assertTrue(errors.size() > 30, "the fixtures, every AADSTS row and every error string");
        for (IdentityError e : errors) {
            Verdict v = ErrorTable.classify(e, SETTINGS);
            String arabic = ARABIC.render(v.detailText());
            assertEquals(List.of(), EnglishLeftovers.in(arabic), e.error() + " " + e.codes() + ": " + arabic);
            assertTrue(v.detail().contains(e.codes().isEmpty() ? e.error() : "AADSTS" + e.codes().get(0))
                    || v.detail().startsWith("waiting") || v.detail().contains("poll"), v.detail());
        }
    }

    @Test
    void aSignedInAccountsReasonReadsInArabic() throws Exception {
        try (DeviceRig rig = new DeviceRig()) {
            AccountStatus before = rig.device().accounts().status(AccountId.deviceMail());
            assertEquals("not signed in", before.reason());
            assertEquals("لم يُسجَّل الدخول", ARABIC.render(before.reasonText()));
            rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
            AccountStatus after = rig.device().accounts().status(AccountId.deviceMail());
            assertEquals("signed in as " + LabUsers.ADMIN, after.reason());
            assertEquals("تم تسجيل الدخول باسم " + Messages.isolate(LabUsers.ADMIN), ARABIC.render(after.reasonText()));
        }
    }
}
