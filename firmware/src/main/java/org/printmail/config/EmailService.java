package org.printmail.config;

/** The "Email service" choice on Web Config's Email Server page. */
public enum EmailService {
    EXCHANGE_ONLINE("Microsoft Exchange Online"),
    OUTLOOK_COM("Outlook.com"),
    LAB("printmail lab (loopback stand-in)");

    private final String displayName;

    EmailService(String displayName) { this.displayName = displayName; }

    public String displayName() { return displayName; }
}
