package org.printmail.webconfig;

import org.printmail.i18n.Text;
import org.printmail.jobs.JobResult;
import org.printmail.jobs.JobState;

/** How the admin reads a job's result and state: words, not enum names, in any language. */
final class JobWords {
    private JobWords() { }

    static Text resultText(JobResult r) { return r.labelText(); }

    static Text stateText(JobState s) { return s.labelText(); }

    /** {@link #resultText} in English. */
    static String result(JobResult r) { return resultText(r).toString(); }

    /** {@link #stateText} in English. */
    static String state(JobState s) { return stateText(s).toString(); }
}
