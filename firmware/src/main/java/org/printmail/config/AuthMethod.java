package org.printmail.config;

import org.printmail.i18n.Text;

/** Web Config's "Authentication Method". Exchange Online and Outlook.com accept only OAuth2. */
public enum AuthMethod {
    /** Email sending is off for this account; jobs that need it are refused with code 393. */
    OFF,
    OAUTH2;

    /** The name, in any language ({@code config.auth.<name>}). */
    public Text displayNameText() { return Text.of("config.auth." + name().toLowerCase(java.util.Locale.ROOT)); }
}
