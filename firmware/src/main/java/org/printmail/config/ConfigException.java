package org.printmail.config;

import java.util.ArrayList;
import java.util.List;

import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.i18n.Messages;
import org.printmail.i18n.Text;

/**
 * A setting is missing or invalid; the message names the field. One exception can carry every
 * invalid field of a form ({@link #problems()}), so a page marks them all at once. The field and
 * the problem are catalogue texts ({@code config.field.*}, {@code config.problem.*}), so a page
 * shows them in its reader's language; {@link #field()} stays English for matching and logs.
 */
public final class ConfigException extends PrintmailException {
    private static final long serialVersionUID = 1L;
    private final Text fieldText;
    private final Text problemText;
    private final List<ConfigException> problems;

    /** A field and problem worded in English only (shown as they are). */
    public ConfigException(String field, String problem) {
        this(Text.literal(field), Text.literal(problem));
    }

    /** A field and a problem from the catalogue, e.g. {@code Field.SENDER_ADDRESS.text()}. */
    public ConfigException(Text field, Text problem) {
        super(JobCode.SETTINGS_INVALID, Text.of("config.problem", field, problem));
        this.fieldText = field;
        this.problemText = problem;
        this.problems = List.of(this);
    }

    private ConfigException(List<ConfigException> all) {
        super(JobCode.SETTINGS_INVALID, joined(all));
        this.fieldText = all.get(0).fieldText();
        this.problemText = all.get(0).problemText();
        this.problems = List.copyOf(all);
    }

    private static Text joined(List<ConfigException> all) {
        Text t = all.get(0).detailText();
        for (int i = 1; i < all.size(); i++) {
            t = Text.of("config.problems", t, all.get(i).detailText());
        }
        return t;
    }

    /** The first invalid field, in English (as Web Config labels it). */
    public String field() { return plain(fieldText); }

    /** The first invalid field, in any language. */
    public Text fieldText() { return fieldText; }

    /** What is wrong with the first invalid field, in English. */
    public String problem() { return plain(problemText); }

    /** What is wrong with the first invalid field, in any language. */
    public Text problemText() { return problemText; }

    /** Every invalid field this exception reports, in form order (just this one for a single). */
    public List<ConfigException> problems() { return problems; }

    private static String plain(Text t) { return Messages.stripDirectionalControls(t.toString()); }

    /**
     * Collects the problems of several checks and throws them together: each check runs even
     * when an earlier one failed.
     */
    public static final class Collector {
        private final List<ConfigException> found = new ArrayList<>();

        /** Runs a check, keeping its problem (or problems) instead of stopping. */
        public void check(Runnable check) {
            try {
                check.run();
            } catch (ConfigException e) {
                found.addAll(e.problems());
            }
        }

        /** Keeps a problem found without throwing. */
        public void add(ConfigException problem) {
            found.addAll(problem.problems());
        }

        /** Throws every problem found, if any. */
        public void throwIfAny() {
            if (found.size() == 1) {
                throw found.get(0);
            }
            if (!found.isEmpty()) {
                throw new ConfigException(found);
            }
        }
    }
}
