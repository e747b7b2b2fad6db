package org.printmail.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every message exists in every language, with the same placeholders, and every count has the
 * plural forms its language needs. A translator's slip fails the build here, not on a printer.
 */
class CatalogueParityTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final Pattern PLURAL_SUFFIX = Pattern.compile("\\.(zero|one|two|few|many|other)$");

    @Test
    void everyKeyExistsInEveryLanguageWithTheSamePlaceholders() {
        List<String> problems = new ArrayList<>();
        Map<String, String> english = raw(Language.ENGLISH);
        assertTrue(english.size() >= 3, "the English catalogue loads");
        for (Language l : Language.values()) {
            Map<String, String> other = raw(l);
            Set<String> a = baseKeys(english.keySet());
            Set<String> b = baseKeys(other.keySet());
            for (String k : a) {
                if (!b.contains(k)) {
                    problems.add(l.tag() + " lacks " + k);
                }
            }
            for (String k : b) {
                if (!a.contains(k)) {
                    problems.add(l.tag() + " has " + k + ", which English does not");
                }
            }
            for (String k : a) {
                if (b.contains(k) && !placeholders(english, k).equals(placeholders(other, k))) {
                    problems.add(l.tag() + " " + k + ": placeholders " + placeholders(other, k)
                            + " but English has " + placeholders(english, k));
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyCountHasEachPluralFormItsLanguageUses() {
        List<String> problems = new ArrayList<>();
        for (Language l : Language.values()) {
            Map<String, String> m = raw(l);
            Set<String> needed = new TreeSet<>();
            for (long n = 0; n < 1000; n++) {
                needed.add(l.pluralRule().category(n));
            }
            for (String k : m.keySet()) {
                if (k.endsWith(".other")) {
                    String base = k.substring(0, k.length() - ".other".length());
                    for (String form : needed) {
                        if (!m.containsKey(base + "." + form)) {
                            problems.add(l.tag() + " " + base + " lacks the '" + form + "' form");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void placeholdersArePlainNumbersAndPatternsHaveNoDirectionalControls() {
        List<String> problems = new ArrayList<>();
        for (Language l : Language.values()) {
            raw(l).forEach((k, v) -> {
                Matcher m = PLACEHOLDER.matcher(v);
                while (m.find()) {
                    if (!m.group(1).matches("[0-9]")) {
                        problems.add(l.tag() + " " + k + ": {" + m.group(1) + "} (use {0}..{9}; arguments arrive as text)");
                    }
                }
                if (!Messages.stripDirectionalControls(v).equals(v)) {
                    problems.add(l.tag() + " " + k + " holds a directional control: isolation is the code's job");
                }
            });
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void noKeyIsDefinedInTwoAreas() {
        List<String> problems = new ArrayList<>();
        for (Language l : Language.values()) {
            Map<String, String> seen = new HashMap<>();
            for (String area : Messages.AREAS) {
                for (String k : file(area, l).stringPropertyNames()) {
                    String before = seen.put(k, area);
                    if (before != null) {
                        problems.add(l.tag() + " " + k + " in both " + before + " and " + area);
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static Set<String> baseKeys(Set<String> keys) {
        Set<String> out = new TreeSet<>();
        for (String k : keys) {
            out.add(PLURAL_SUFFIX.matcher(k).replaceAll(""));
        }
        return out;
    }

    private static Set<String> placeholders(Map<String, String> m, String base) {
        Set<String> out = new TreeSet<>();
        for (Map.Entry<String, String> e : m.entrySet()) {
            if (e.getKey().equals(base) || PLURAL_SUFFIX.matcher(e.getKey()).replaceAll("").equals(base)) {
                Matcher x = PLACEHOLDER.matcher(e.getValue());
                while (x.find()) {
                    out.add(x.group(1));
                }
            }
        }
        // A plural form may leave out the count ("one minute"), so {0} does not have to appear.
        if (m.containsKey(base + ".other")) {
            out.remove("0");
        }
        return out;
    }

    private static Map<String, String> raw(Language l) {
        Map<String, String> all = new HashMap<>();
        for (String area : Messages.AREAS) {
            Properties p = file(area, l);
            for (String k : p.stringPropertyNames()) {
                all.put(k, p.getProperty(k));
            }
        }
        return all;
    }

    private static Properties file(String area, Language l) {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("/i18n/" + area + "_" + l.tag() + ".properties")) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p;
    }
}
