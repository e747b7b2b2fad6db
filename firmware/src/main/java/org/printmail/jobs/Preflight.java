package org.printmail.jobs;

import org.printmail.codes.JobCode;

/**
 * Whether a job of some type can be sent now, checked before the user scans.
 *
 * @param message the text the panel shows (the vendor guide's message for sign-in problems)
 */
public record Preflight(boolean ready, JobCode code, String message, String remedy) {
    /** The vendor guide's panel message when the sign-in a job needs is missing. */
    public static final String SIGN_IN_MESSAGE =
            "To use this feature, you must sign in to the email service. Please contact the administrator.";

    /**
     * The refusal worded for the administrator (Job Log, Web Config): the vendor guide's panel
     * message asks the user to contact the administrator, who is the one reading here.
     */
    public String adminMessage() {
        if (ready || !code.isSignInProblem()) {
            return message;
        }
        String title = code.title();
        return "Not queued: " + Character.toLowerCase(title.charAt(0)) + title.substring(1)
                + " for this job's account. Nothing was sent.";
    }

    public static Preflight ok() { return new Preflight(true, JobCode.OK, "Ready", ""); }

    public static Preflight refused(JobCode code, String message) {
        return new Preflight(false, code, message, code.remedy());
    }
}
