package org.printmail.config;

import java.util.Objects;

/**
 * The proxy settings in force plus the proxy password, as the sign-in client and the SMTP sender
 * use them. The password is a secret: {@link #toString()} never shows it, and it is never logged
 * or shown back in a page.
 */
public record ProxyRoute(ProxySettings settings, String password) {
    public static final ProxyRoute DIRECT = new ProxyRoute(ProxySettings.NONE, "");

    public ProxyRoute {
        Objects.requireNonNull(settings, "settings");
        password = password == null ? "" : password;
    }

    /** Whether Basic proxy credentials are to be offered. */
    public boolean hasCredentials() { return !settings.username().isEmpty(); }

    @Override
    public String toString() {
        return "ProxyRoute[" + (settings.enabled() ? settings.host() + ":" + settings.port() : "direct")
                + ", user=" + settings.username() + ", password=<redacted>, smtp=" + settings.smtp() + "]";
    }
}
