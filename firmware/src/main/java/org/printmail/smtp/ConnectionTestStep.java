package org.printmail.smtp;

import org.printmail.codes.JobCode;
import org.printmail.i18n.Messages;
import org.printmail.i18n.Text;

/**
 * One step of Web Config's Connection Test (DNS, TCP, TLS and certificate, EHLO/STARTTLS, token,
 * AUTH XOAUTH2, MAIL FROM).
 *
 * @param nameText   the step's name, in any language ({@code smtp.step.*})
 * @param code       {@link JobCode#OK} when passed, else the failure's code (its remedy is shown)
 * @param detailText what the step found, in any language
 */
public record ConnectionTestStep(Text nameText, boolean passed, JobCode code, Text detailText) {
    /** A step worded in English only (shown as it is). */
    public ConnectionTestStep(String name, boolean passed, JobCode code, String detail) {
        this(Text.literal(name), passed, code, Text.literal(detail));
    }

    /** The step's name in English. */
    public String name() { return Messages.stripDirectionalControls(nameText.toString()); }

    /** What the step found, in English. */
    public String detail() { return Messages.stripDirectionalControls(detailText.toString()); }
}
