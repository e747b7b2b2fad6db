package org.printmail.jobs;

import org.printmail.i18n.Text;

/** How a job ended, as the job log shows it. */
public enum JobResult {
    SENT,
    /** Delivered to some recipients; the others were rejected (code 387). */
    PARTIAL,
    FAILED,
    /**
     * Not an ending: the job waits for its account's sign-in (360/361/370/371) and is sent once
     * it is back; its final line follows.
     */
    HELD,
    /** Refused at submission (preflight), nothing was queued. */
    REFUSED;

    /** How the job log words this result, in any language ({@code jobs.result.<name>}). */
    public Text labelText() { return Text.of("jobs.result." + name().toLowerCase(java.util.Locale.ROOT)); }
}
