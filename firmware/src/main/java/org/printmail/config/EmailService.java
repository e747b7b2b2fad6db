package org.printmail.config;

import org.printmail.i18n.Text;

/** The "Email service" choice on Web Config's Email Server page. */
public enum EmailService {
    EXCHANGE_ONLINE("Microsoft Exchange Online"),
    OUTLOOK_COM("Outlook.com"),
    LAB("printmail lab (loopback stand-in)");

    private final String displayName;

    EmailService(String displayName) { this.displayName = displayName; }

    public String displayName() { return displayName; }

    /** The name, in any language ({@code config.service.<name>}; product names stay as they are). */
    public Text displayNameText() { return Text.of("config.service." + name().toLowerCase(java.util.Locale.ROOT)); }
}
