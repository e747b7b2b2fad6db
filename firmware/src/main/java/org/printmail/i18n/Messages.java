package org.printmail.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The message catalogue of one language. Patterns live in UTF-8 properties files,
 * {@code i18n/<area>_<tag>.properties} on the class path, one file per area and language so
 * translators and developers of different screens never edit the same file. A pattern is a
 * {@link MessageFormat} with {@code {0}}-style placeholders; an apostrophe is plain text (no
 * MessageFormat quoting). A count takes its form from the key's plural forms
 * ({@code key.one}, {@code key.few}, ... see {@link PluralRule}), chosen by the first argument.
 *
 * <p>A key missing in a language falls back to English (the key-parity test keeps that from
 * happening in a release); a key missing everywhere renders as the key itself, never as an error.
 */
public final class Messages {
    /** The catalogue's areas: one file per area and language. */
    public static final List<String> AREAS = List.of("common", "codes", "jobs", "mail", "config", "auth",
            "smtp", "graph", "webconfig", "webpages", "panel", "sheet");
    /** First-strong isolate and pop directional isolate (Unicode UAX #9). */
    public static final char FSI = '\u2068';
    public static final char PDI = '\u2069';

    private static final Map<Language, Messages> CACHE = Collections.synchronizedMap(new EnumMap<>(Language.class));

    private final Language language;
    private final Map<String, String> patterns;
    private final Messages fallback;
    /** Where the reader is: the zone a {@link Text#dateTime} is written in. */
    private final ZoneId zone;

    private Messages(Language language, Map<String, String> patterns, Messages fallback,
                     ZoneId zone) {
        this.language = language;
        this.patterns = patterns;
        this.fallback = fallback;
        this.zone = zone;
    }

    /** The catalogue of a language, loaded once; its dates and times are in UTC. */
    public static Messages of(Language language) {
        Messages m = CACHE.get(language);
        if (m == null) {
            Messages fallback = language == Language.ENGLISH ? null : of(Language.ENGLISH);
            m = new Messages(language, load(language), fallback, ZoneOffset.UTC);
            CACHE.put(language, m);
        }
        return m;
    }

    public Language language() { return language; }

    /** The zone this catalogue writes a {@link Text#dateTime} in. */
    public ZoneId zone() { return zone; }

    /** This language for a reader in {@code zone} (the panel's clock, a browser's UTC Job Log). */
    public Messages inZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new Messages(language, patterns, fallback, zone);
    }

    /** The text of {@code key} with its arguments (see {@link Text#of}). */
    public String text(String key, Object... args) { return render(Text.of(key, args)); }

    /** A count sentence: {@code key}'s plural form for {@code n}, with {@code n} as {0}. */
    public String count(String key, long n, Object... more) {
        Object[] all = new Object[more.length + 1];
        all[0] = n;
        System.arraycopy(more, 0, all, 1, more.length);
        return render(Text.of(key, all));
    }

    /** Puts a text into words in this language. */
    public String render(Text t) {
        if (t.isLiteral()) {
            return t.value();
        }
        if (Text.DATE_TIME.equals(t.key())) {
            return dateTime(t);
        }
        String pattern = pattern(t.key(), t.args());
        if (pattern == null) {
            return t.key();
        }
        Object[] values = new Object[t.args().size()];
        for (int i = 0; i < values.length; i++) {
            Text a = t.args().get(i);
            values[i] = a.isLiteral() ? isolate(a.value())
                    : Text.DATE_TIME.equals(a.key()) ? isolate(render(a)) : render(a);
        }
        if (values.length == 0 && pattern.indexOf('{') < 0) {
            return pattern;
        }
        return new MessageFormat(pattern.replace("'", "''"), language.locale()).format(values);
    }

    /** Whether this language (not its fallback) has the key, or its plural forms. */
    public boolean has(String key) { return patterns.containsKey(key) || patterns.containsKey(key + ".other"); }

    /** Every key of this language's catalogue, plural forms included, sorted. */
    public Set<String> keys() { return Collections.unmodifiableSet(new TreeMap<>(patterns).keySet()); }

    /** The raw pattern of a key in this language (for tests and tools), or {@code null}. */
    public String pattern(String key) { return patterns.get(key); }

    /**
     * A date and time as people of this language write them: the locale's long date and short
     * time (CLDR), joined by the catalogue's {@code common.dateAndTime} (the JDK joins Arabic with
     * a Latin comma).
     */
    public String dateTime(Instant t, ZoneId zone) {
        String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale())
                .withZone(zone).format(t);
        String time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(language.locale())
                .withZone(zone).format(t);
        String join = pattern("common.dateAndTime", List.of());
        return join == null ? date + " " + time : join.replace("{0}", date).replace("{1}", time);
    }

    /** A {@link Text#dateTime} in this language and zone; an unreadable instant as it is. */
    private String dateTime(Text t) {
        Text arg = t.args().isEmpty() ? Text.literal("") : t.args().get(0);
        String iso = arg.isLiteral() ? arg.value() : "";
        try {
            return dateTime(Instant.parse(iso), zone);
        } catch (DateTimeParseException notAnInstant) {
            return iso;
        }
    }

    /** The plural form ({@code one}, {@code few}, ...) this language uses for {@code n}. */
    public String pluralCategory(long n) { return language.pluralRule().category(n); }

    /**
     * A left-to-right (or any) value made safe inside a sentence: wrapped in FSI/PDI, with any
     * directional controls of its own removed so hostile data cannot reorder the text around it.
     */
    public static String isolate(String value) {
        return FSI + stripDirectionalControls(value) + PDI;
    }

    /** An embedding, override or isolate control (U+202A-U+202E, U+2066-U+2069). */
    public static boolean isDirectionalControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /** Removes embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069). */
    public static String stripDirectionalControls(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isDirectionalControl(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private String pattern(String key, List<Text> args) {
        String p = patterns.get(key);
        if (p == null && !args.isEmpty() && args.get(0).isLiteral()) {
            try {
                long n = Long.parseLong(args.get(0).value().trim());
                p = patterns.get(key + "." + language.pluralRule().category(n));
                if (p == null) {
                    p = patterns.get(key + ".other");
                }
            } catch (NumberFormatException notACount) {
                p = null;
            }
        }
        if (p == null && fallback != null) {
            return fallback.pattern(key, args);
        }
        return p;
    }

    private static Map<String, String> load(Language language) {
        Map<String, String> all = new HashMap<>();
        for (String area : AREAS) {
            String name = "/i18n/" + area + "_" + language.tag() + ".properties";
            try (InputStream in = Messages.class.getResourceAsStream(name)) {
                if (in == null) {
                    continue;
                }
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String k : p.stringPropertyNames()) {
                    all.put(k, p.getProperty(k));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("message catalogue " + name + " unreadable", e);
            }
        }
        return all;
    }
}
