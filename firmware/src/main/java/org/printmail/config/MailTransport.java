package org.printmail.config;

import org.printmail.i18n.Text;

/**
 * How one mailbox submits mail: SMTP AUTH with an XOAUTH2 token, or Microsoft Graph's REST API
 * (for tenants that keep SMTP AUTH off, {@code 535 5.7.139}). The job layer is the same for both.
 */
public enum MailTransport {
    SMTP_XOAUTH2("SMTP AUTH (XOAUTH2)"),
    MICROSOFT_GRAPH("Microsoft Graph");

    private final String displayName;

    MailTransport(String displayName) { this.displayName = displayName; }

    public String displayName() { return displayName; }

    /** The name, in any language ({@code config.transport.<name>}). */
    public Text displayNameText() { return Text.of("config.transport." + name().toLowerCase(java.util.Locale.ROOT)); }
}
