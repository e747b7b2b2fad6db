package org.printmail.webconfig;

import java.util.regex.Pattern;

import org.owasp.encoder.Encode;

/**
 * The only way Web Config writes markup. Every text and attribute value goes through the OWASP
 * encoder; tag and attribute names must be plain lowercase literals. There is deliberately no
 * "raw" method, so no caller can put unencoded data into a page.
 */
final class Html {
    /** Attribute value that renders a boolean attribute (e.g. {@code checked}) by name only. */
    static final String ON = new String("\u0000on");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private final StringBuilder out = new StringBuilder(8192);

    /** Opens a tag; {@code attrs} are name/value pairs, a {@code null} value omits the attribute. */
    Html open(String tag, String... attrs) {
        out.append('<').append(name(tag));
        if (attrs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs");
        }
        for (int i = 0; i < attrs.length; i += 2) {
            String value = attrs[i + 1];
            if (value == null) {
                continue;
            }
            out.append(' ').append(name(attrs[i]));
            if (value != ON) {
                out.append("=\"").append(Encode.forHtmlAttribute(value)).append('"');
            }
        }
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(name(tag)).append('>');
        return this;
    }

    /** Text content, always HTML-encoded. */
    Html text(Object text) {
        out.append(Encode.forHtml(String.valueOf(text)));
        return this;
    }

    /** {@code <tag attrs>text</tag>}. */
    Html el(String tag, Object text, String... attrs) {
        return open(tag, attrs).text(text).close(tag);
    }

    /** A void element such as {@code input} or {@code br}. */
    Html empty(String tag, String... attrs) {
        return open(tag, attrs);
    }

    /** A URL query component, encoded for a URL and then (by {@link #open}) for the attribute. */
    static String query(String path, String name, String value) {
        return path + "?" + Encode.forUriComponent(name) + "=" + Encode.forUriComponent(value);
    }

    static String on(boolean b) { return b ? ON : null; }

    private static String name(String n) {
        if (!NAME.matcher(n).matches()) {
            throw new IllegalArgumentException("not a literal tag or attribute name");
        }
        return n;
    }

    @Override
    public String toString() { return out.toString(); }
}
