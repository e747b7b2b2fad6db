package org.printmail.config;

import org.printmail.i18n.Text;

/** "Secure Connection": STARTTLS on the submission port, or TLS from the first byte. */
public enum SecureConnection {
    STARTTLS(587),
    SSL_TLS(465);

    private final int defaultPort;

    SecureConnection(int defaultPort) { this.defaultPort = defaultPort; }

    public int defaultPort() { return defaultPort; }

    /** The name, in any language ({@code config.secure.<name>}). */
    public Text displayNameText() { return Text.of("config.secure." + name().toLowerCase(java.util.Locale.ROOT)); }
}
