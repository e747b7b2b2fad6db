package org.printmail.jobs;

import org.printmail.codes.JobCode;
import org.printmail.i18n.Messages;
import org.printmail.i18n.Text;

/**
 * Whether a job of some type can be sent now, checked before the user scans.
 *
 * @param messageText the text the panel shows (the vendor guide's message for sign-in problems)
 * @param remedyText  what an administrator can do
 */
public record Preflight(boolean ready, JobCode code, Text messageText, Text remedyText) {
    /** The vendor guide's panel message when the sign-in a job needs is missing. */
    public static final Text SIGN_IN_TEXT = Text.of("jobs.preflight.signInNeeded");
    /** {@link #SIGN_IN_TEXT} in English. */
    public static final String SIGN_IN_MESSAGE = SIGN_IN_TEXT.toString();

    /** A preflight worded in English only (shown as it is). */
    public Preflight(boolean ready, JobCode code, String message, String remedy) {
        this(ready, code, Text.literal(message), Text.literal(remedy));
    }

    /** The panel's message in English. */
    public String message() { return Messages.stripDirectionalControls(messageText.toString()); }

    /** The remedy in English. */
    public String remedy() { return Messages.stripDirectionalControls(remedyText.toString()); }

    /**
     * The refusal worded for the administrator (Job Log, Web Config): the vendor guide's panel
     * message asks the user to contact the administrator, who is the one reading here.
     */
    public Text adminMessageText() {
        if (ready || !code.isSignInProblem()) {
            return messageText;
        }
        return Text.of("jobs.preflight.notQueued." + code.number());
    }

    /** {@link #adminMessageText()} in English. */
    public String adminMessage() { return Messages.stripDirectionalControls(adminMessageText().toString()); }

    public static Preflight ok() {
        return new Preflight(true, JobCode.OK, Text.of("jobs.preflight.ready"), Text.literal(""));
    }

    public static Preflight refused(JobCode code, Text message) {
        return new Preflight(false, code, message, code.remedyText());
    }

    public static Preflight refused(JobCode code, String message) {
        return refused(code, Text.literal(message));
    }
}
