package org.printmail.config;

/** Web Config's "Authentication Method". Exchange Online and Outlook.com accept only OAuth2. */
public enum AuthMethod {
    /** Email sending is off for this account; jobs that need it are refused with code 393. */
    OFF,
    OAUTH2
}
