package org.printmail.webconfig;

import java.util.Locale;

import org.printmail.i18n.Text;
import org.printmail.jobs.JobResult;
import org.printmail.jobs.JobState;

/**
 * How the admin reads a job's result and state: words, not enum names, in any language
 * ({@code webpages.job.result.<name>}, {@code webpages.job.state.<name>}).
 */
final class JobWords {
    private JobWords() { }

    static Text resultText(JobResult r) {
        return Text.of("webpages.job.result." + r.name().toLowerCase(Locale.ROOT));
    }

    static Text stateText(JobState s) {
        return Text.of("webpages.job.state." + s.name().toLowerCase(Locale.ROOT));
    }

    /** {@link #resultText} in English. */
    static String result(JobResult r) { return resultText(r).toString(); }

    /** {@link #stateText} in English. */
    static String state(JobState s) { return stateText(s).toString(); }
}
