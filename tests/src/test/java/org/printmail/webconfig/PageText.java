package org.printmail.webconfig;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.printmail.i18n.Language;

/**
 * The words a reader of a page sees: markup, scripts and styles removed, {@code <bdi>} values
 * (data, isolated) and elements marked as another language (a language's own name in the
 * switch) set aside.
 */
final class PageText {
    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("(?is)<(script|style)\\b[^>]*>.*?</\\1>");
    /** The innermost isolate: removed repeatedly, so nested ones go too. */
    private static final Pattern BDI = Pattern.compile("(?is)<bdi\\b[^>]*>(?:(?!<bdi\\b).)*?</bdi>");
    private static final Pattern HTML_TAG = Pattern.compile("(?is)<html\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

    private PageText() { }

    /** The {@code dir} of the page's {@code <html>} element. */
    static Optional<String> direction(String html) {
        Matcher m = HTML_TAG.matcher(html);
        if (!m.find()) {
            return Optional.empty();
        }
        Matcher dir = Pattern.compile("\\bdir=\"([a-z]+)\"").matcher(m.group());
        return dir.find() ? Optional.of(dir.group(1)) : Optional.empty();
    }

    /** The visible words of the whole page, isolated values and other-language elements set aside. */
    static String visible(String html, Language language) {
        String s = SCRIPT_OR_STYLE.matcher(html).replaceAll(" ");
        String before;
        do {
            before = s;
            s = BDI.matcher(s).replaceAll(" ");
        } while (!s.equals(before));
        s = otherLanguages(s, language);
        s = TAG.matcher(s).replaceAll(" ");
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&").replaceAll("\\s+", " ").trim();
    }

    /** Removes elements whose {@code lang} names another language, e.g. {@code <option lang="en">}. */
    private static String otherLanguages(String html, Language language) {
        Pattern p = Pattern.compile("(?is)<([a-z][a-z0-9]*)\\b[^>]*\\blang=\"(?!" + language.tag()
                + "\")[^\"]*\"[^>]*>.*?</\\1>");
        String s = html;
        Matcher head = HTML_TAG.matcher(s);
        // The root element's lang is the page's own; only elements inside it are set aside.
        int start = head.find() ? head.end() : 0;
        return s.substring(0, start) + p.matcher(s.substring(start)).replaceAll(" ");
    }
}
