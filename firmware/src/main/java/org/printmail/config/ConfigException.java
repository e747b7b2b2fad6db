package org.printmail.config;

import java.util.ArrayList;
import java.util.List;

import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;

/**
 * A setting is missing or invalid; the message names the field. One exception can carry every
 * invalid field of a form ({@link #problems()}), so a page marks them all at once.
 */
public final class ConfigException extends PrintmailException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final List<ConfigException> problems;

    public ConfigException(String field, String problem) {
        super(JobCode.SETTINGS_INVALID, field + ": " + problem);
        this.field = field;
        this.problems = List.of(this);
    }

    private ConfigException(List<ConfigException> all) {
        super(JobCode.SETTINGS_INVALID, String.join("; ", all.stream().map(PrintmailException::detail).toList()));
        this.field = all.get(0).field();
        this.problems = List.copyOf(all);
    }

    /** The first invalid field. */
    public String field() { return field; }

    /** Every invalid field this exception reports, in form order (just this one for a single). */
    public List<ConfigException> problems() { return problems; }

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
