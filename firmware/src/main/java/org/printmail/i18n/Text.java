package org.printmail.i18n;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A sentence not yet put into words: a catalogue key and its arguments, or a literal value (an
 * address, a host name, the server's own reply) that is shown as it is. This is what the job log,
 * failures and notices store, so one record reads in any language ({@link Messages#render}).
 * Arguments are texts too: a keyed argument is translated, a literal one is isolated
 * (Unicode FSI/PDI) so left-to-right data never garbles a right-to-left sentence, or the reverse.
 * A point in time ({@link #dateTime}) is written out in the reader's language and zone, and
 * isolated too.
 *
 * @param key   the catalogue key, or {@code null} for a literal
 * @param args  the arguments of a keyed text, in placeholder order ({@code {0}}, {@code {1}}, ...)
 * @param value the literal's value ({@code null} for a keyed text)
 */
public record Text(String key, List<Text> args, String value) {
    /**
     * The key of a point in time, its one argument the ISO-8601 instant: not a catalogue key, so
     * a stored date and time stays the key-and-arguments shape every reader already handles.
     */
    public static final String DATE_TIME = "@dateTime";

    public Text {
        args = args == null ? List.of() : List.copyOf(args);
        if (key == null && value == null) {
            value = "";
        }
    }

    /** A keyed text; each argument is a {@link Text} (translated) or anything else (a literal). */
    public static Text of(String key, Object... args) {
        List<Text> list = new ArrayList<>(args.length);
        for (Object a : args) {
            list.add(a instanceof Text t ? t : literal(String.valueOf(a)));
        }
        return new Text(key, list, null);
    }

    /** A point in time, written as the reader's language writes it, in the reader's zone. */
    public static Text dateTime(Instant t) {
        return new Text(DATE_TIME, List.of(literal(t.toString())), null);
    }

    /** A value shown as it is: data, not a sentence. */
    public static Text literal(String value) { return new Text(null, List.of(), value == null ? "" : value); }

    public boolean isLiteral() { return key == null; }

    /**
     * The English rendering without isolates, for logs and exception messages (never shown to a
     * reader of another language).
     */
    @Override
    public String toString() { return Messages.stripDirectionalControls(Messages.of(Language.ENGLISH).render(this)); }
}
