package org.printmail.jobs;

import org.printmail.i18n.Text;

/** The kinds of job that send mail. */
public enum JobType {
    SCAN_TO_EMAIL("Scan to Email"),
    NOTIFICATION("Email Notification"),
    FAX("Fax (server)"),
    SCAN_TO_MY_EMAIL("Scan to My Email"),
    /** Web Config's test message from the fax server's own account (Fax > Connection Test). */
    FAX_SERVER_TEST("Fax server test message");

    private final String displayName;

    JobType(String displayName) { this.displayName = displayName; }

    public String displayName() { return displayName; }

    /** The name, in any language ({@code jobs.type.<name>}). */
    public Text displayNameText() { return Text.of("jobs.type." + name().toLowerCase(java.util.Locale.ROOT)); }
}
