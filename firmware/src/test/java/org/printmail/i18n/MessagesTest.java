package org.printmail.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class MessagesTest {
    @Test
    void arabicCountsTakeTheirSixFormsAndEnglishItsTwo() {
        PluralRule ar = Language.ARABIC.pluralRule();
        assertEquals(List.of("zero", "one", "two", "few", "few", "many", "many", "other", "other", "few", "many"),
                List.of(0L, 1L, 2L, 3L, 10L, 11L, 99L, 100L, 102L, 103L, 111L).stream().map(ar::category).toList());
        PluralRule en = Language.ENGLISH.pluralRule();
        assertEquals(List.of("other", "one", "other"), List.of(0L, 1L, 2L).stream().map(en::category).toList());
    }

    @Test
    void acceptLanguagePicksArabicForAnyArabicRegionAndEnglishOtherwise() {
        assertEquals(Language.ARABIC, Language.negotiate("ar-SA,ar;q=0.9,en;q=0.5"));
        assertEquals(Language.ARABIC, Language.negotiate("ar-EG"));
        assertEquals(Language.ARABIC, Language.negotiate("fr-FR, ar;q=0.8, en;q=0.7"));
        assertEquals(Language.ENGLISH, Language.negotiate("en-GB,ar;q=0.1"));
        assertEquals(Language.ENGLISH, Language.negotiate("fr-FR,de"));
        assertEquals(Language.ENGLISH, Language.negotiate(";;;q=x,,"));
        assertEquals(Language.ENGLISH, Language.negotiate(null));
        assertEquals(Language.ENGLISH, Language.negotiate("x".repeat(5000)));
    }

    @Test
    void unknownTagsFallBackToEnglish() {
        assertEquals(Language.ARABIC, Language.orEnglish("AR"));
        assertEquals(Language.ARABIC, Language.orEnglish("ar_SA"));
        assertEquals(Language.ENGLISH, Language.orEnglish("tlh"));
        assertEquals(Language.ENGLISH, Language.orEnglish(null));
    }

    @Test
    void literalArgumentsAreIsolatedAndLoseTheirOwnDirectionalControls() {
        String hostile = "evil\u202Emoc.elpmaxe@\u2069x";
        String isolated = Messages.isolate(hostile);
        assertEquals("\u2068evilmoc.elpmaxe@x\u2069", isolated);
        Text t = Text.of("language.label");
        assertEquals("اللغة", Messages.of(Language.ARABIC).render(t));
    }

    @Test
    void aKeyMissingEverywhereRendersAsItselfAndALiteralAsItsValue() {
        Messages ar = Messages.of(Language.ARABIC);
        assertEquals("no.such.key", ar.text("no.such.key", "x"));
        assertEquals("as is", ar.render(Text.literal("as is")));
        assertFalse(ar.has("no.such.key"));
        assertTrue(ar.has("language.ar"));
    }

    @Test
    void datesFollowTheLanguage() {
        Instant t = Instant.parse("2026-12-04T17:05:00Z");
        String en = Messages.of(Language.ENGLISH).dateTime(t, ZoneOffset.UTC);
        String ar = Messages.of(Language.ARABIC).dateTime(t, ZoneOffset.UTC);
        assertTrue(en.contains("December"), en);
        assertTrue(ar.contains("ديسمبر"), ar);
        assertTrue(ar.contains("، ") && !ar.contains(","), "Arabic joins date and time with an Arabic comma: " + ar);
        assertEquals("December 4, 2026, 5:05 PM", en.replace('\u202f', ' '));
    }

    @Test
    void aPointInTimeArgumentIsWrittenInTheReadersLanguageAndZoneAndIsolated() {
        Instant t = Instant.parse("2026-12-05T10:15:00Z");
        Text held = Text.of("jobs.held", Text.of("common.menu.signIn"), 361, Text.dateTime(t));
        Messages en = Messages.of(Language.ENGLISH);
        Messages ar = Messages.of(Language.ARABIC);
        assertEquals(ZoneOffset.UTC, en.zone(), "UTC unless the reader's zone is given");
        assertTrue(en.render(held).contains("if not by " + Messages.isolate(en.dateTime(t, ZoneOffset.UTC))),
                en.render(held));
        String arabic = ar.render(held);
        assertTrue(arabic.contains(Messages.isolate(ar.dateTime(t, ZoneOffset.UTC))), arabic);
        assertTrue(arabic.contains("ديسمبر"), arabic);
        assertFalse(arabic.contains("2026-12-05") || arabic.contains("Dec") || arabic.contains("UTC"), arabic);

        ZoneId riyadh = ZoneId.of("Asia/Riyadh");
        Messages inRiyadh = ar.inZone(riyadh);
        assertEquals(Language.ARABIC, inRiyadh.language());
        assertEquals(ar.dateTime(t, riyadh), inRiyadh.render(Text.dateTime(t)), "alone: not isolated");
        assertTrue(inRiyadh.render(held).contains(ar.dateTime(t, riyadh)), inRiyadh.render(held));
        assertEquals(ZoneOffset.UTC, ar.zone(), "the shared catalogue keeps its zone");

        assertEquals(new Text(Text.DATE_TIME, List.of(Text.literal("2026-12-05T10:15:00Z")), null),
                Text.dateTime(t), "stored as a key and its ISO-8601 instant, like any keyed text");
        assertEquals("not a time", en.render(new Text(Text.DATE_TIME, List.of(Text.literal("not a time")), null)));
    }
}
