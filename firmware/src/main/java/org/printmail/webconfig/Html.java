package org.printmail.webconfig;

import java.util.regex.Pattern;

import org.owasp.encoder.Encode;
import org.printmail.i18n.Messages;

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

    /**
     * Text content, always HTML-encoded. The Unicode isolates {@link Messages} puts around values
     * in a sentence (FSI ... PDI) become {@code <bdi>} elements; unpaired ones are dropped, so a
     * value can neither open nor close an element. An isolated count (digits only) is written
     * plain: digits cannot reorder the sentence around them.
     */
    Html text(Object text) {
        String encoded = Encode.forHtml(String.valueOf(text));
        int depth = 0;
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == Messages.FSI) {
                int digits = digitsUpToPdi(encoded, i + 1);
                if (depth == 0 && digits > 0) {
                    out.append(encoded, i + 1, i + 1 + digits);
                    i += digits + 1;
                    continue;
                }
                out.append("<bdi>");
                depth++;
            } else if (c == Messages.PDI) {
                if (depth > 0) {
                    out.append("</bdi>");
                    depth--;
                }
            } else if (!Messages.isDirectionalControl(c)) {
                out.append(c);
            }
        }
        while (depth-- > 0) {
            out.append("</bdi>");
        }
        return this;
    }

    /** How many ASCII digits follow {@code from} up to a PDI; 0 when anything else comes first. */
    private static int digitsUpToPdi(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i < s.length() && s.charAt(i) == Messages.PDI ? i - from : 0;
    }

    /** A left-to-right value on its own (an address, a host, a code): {@code <bdi dir="ltr">}. */
    Html ltr(Object value) {
        return open("bdi", "dir", "ltr").text(Messages.stripDirectionalControls(String.valueOf(value))).close("bdi");
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
