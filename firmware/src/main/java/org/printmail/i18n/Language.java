package org.printmail.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the device speaks. English is the fallback for anything unknown. A new language
 * is a constant here (its tag, direction and CLDR plural rule) plus its catalogue files; see
 * {@code docs/i18n.md}.
 */
public enum Language {
    ENGLISH("en", false, PluralRule.ONE_OTHER),
    ARABIC("ar", true, PluralRule.ARABIC);

    private final String tag;
    private final boolean rightToLeft;
    private final PluralRule plural;
    private final Locale locale;

    Language(String tag, boolean rightToLeft, PluralRule plural) {
        this.tag = tag;
        this.rightToLeft = rightToLeft;
        this.plural = plural;
        this.locale = Locale.forLanguageTag(tag);
    }

    /** The BCP 47 tag, as in {@code <html lang>} and the catalogue file names. */
    public String tag() { return tag; }

    public Locale locale() { return locale; }

    public boolean isRightToLeft() { return rightToLeft; }

    /** {@code rtl} or {@code ltr}, for the HTML {@code dir} attribute. */
    public String direction() { return rightToLeft ? "rtl" : "ltr"; }

    PluralRule pluralRule() { return plural; }

    /** The language with this tag ({@code ar}, {@code ar-EG}, {@code EN}), if the device has it. */
    public static Optional<Language> byTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String primary = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        for (Language l : values()) {
            if (l.tag.equals(primary)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** {@link #byTag}, English when unknown. */
    public static Language orEnglish(String tag) { return byTag(tag).orElse(ENGLISH); }

    /**
     * The device language that best matches an HTTP {@code Accept-Language} header (weights
     * honoured, {@code ar-SA} matches Arabic); English when nothing matches or the header is
     * malformed.
     */
    public static Language negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 512) {
            return ENGLISH;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
        List<Locale> ours = new ArrayList<>();
        for (Language l : values()) {
            ours.add(l.locale);
        }
        Locale best = Locale.lookup(ranges, ours);
        if (best != null) {
            return orEnglish(best.toLanguageTag());
        }
        // "ar-SA" does not look up "ar" when it is the only range with a region: try primaries.
        for (Locale.LanguageRange r : ranges) {
            if (r.getWeight() > 0) {
                Optional<Language> l = byTag(r.getRange().replace("*", ""));
                if (l.isPresent()) {
                    return l.get();
                }
            }
        }
        return ENGLISH;
    }
}
