package org.printmail.config;

/** "Secure Connection": STARTTLS on the submission port, or TLS from the first byte. */
public enum SecureConnection {
    STARTTLS(587),
    SSL_TLS(465);

    private final int defaultPort;

    SecureConnection(int defaultPort) { this.defaultPort = defaultPort; }

    public int defaultPort() { return defaultPort; }
}
