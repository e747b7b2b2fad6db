package org.printmail.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.printmail.i18n.Messages;
import org.printmail.testing.EnglishLeftovers;

/**
 * The Arabic patterns of the domain's areas (jobs, mail, config, auth, smtp, graph) hold no
 * English words of their own: commands, scopes and replies arrive as isolated arguments, and only
 * the names the vendor guide keeps in English remain.
 */
class DomainCatalogueArabicTest {
    private static final List<String> AREAS = List.of("jobs", "mail", "config", "auth", "smtp", "graph");

    @Test
    void everyArabicPatternOfTheDomainAreasIsFreeOfEnglishWords() throws Exception {
        List<String> problems = new ArrayList<>();
        for (String area : AREAS) {
            Properties p = new Properties();
            try (InputStream in = Messages.class.getResourceAsStream("/i18n/" + area + "_ar.properties")) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String key : new TreeSet<>(p.stringPropertyNames())) {
                List<String> left = EnglishLeftovers.in(p.getProperty(key));
                if (!left.isEmpty()) {
                    problems.add(key + " " + left);
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
