package org.printmail.jobs;

import org.printmail.codes.JobCode;
import org.printmail.i18n.Messages;
import org.printmail.i18n.Text;

/**
 * One step of the Connection Test as the job layer reports it (DNS, TCP, TLS and certificate,
 * EHLO/STARTTLS, token, AUTH, MAIL FROM; or Graph's steps), with its code and remedy.
 *
 * @param nameText   the step's name, in any language
 * @param code       {@link JobCode#OK} when passed, else the failure's code (its remedy is shown)
 * @param detailText what the step found, in any language
 */
public record ConnectionCheck(Text nameText, boolean passed, JobCode code, Text detailText) {
    /** A step worded in English only (shown as it is). */
    public ConnectionCheck(String name, boolean passed, JobCode code, String detail) {
        this(Text.literal(name), passed, code, Text.literal(detail));
    }

    /** The step's name in English. */
    public String name() { return Messages.stripDirectionalControls(nameText.toString()); }

    /** What the step found, in English. */
    public String detail() { return Messages.stripDirectionalControls(detailText.toString()); }

    /** The remedy for a failed step (by the cause its detail names), in any language. */
    public Text remedyText() { return passed ? Text.literal("") : code.remedyTextFor(detail()); }
}
