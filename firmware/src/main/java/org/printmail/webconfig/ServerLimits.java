package org.printmail.webconfig;

import java.time.Duration;

/**
 * How much of the device one network client, and all of them together, can hold. Web Config
 * listens on every interface of an office LAN, so these bound what an unauthenticated stranger
 * can take away from the administrator.
 *
 * @param headDeadline             a connection must finish its TLS handshake and send a whole
 *                                 request head within this long of opening, and each later
 *                                 request head within this long of its first byte
 * @param bodyDeadline             the whole request body must arrive within this long
 * @param idleTimeout              a connection with nothing to do is closed after this long
 * @param maxConnectionsPerAddress open connections one client address may hold; more are closed
 *                                 as soon as they are accepted
 * @param maxConnections           open connections in total; beyond it the server stops
 *                                 accepting until one closes
 * @param threads                  threads serving pages (network I/O never holds them)
 */
public record ServerLimits(Duration headDeadline, Duration bodyDeadline, Duration idleTimeout,
                           int maxConnectionsPerAddress, int maxConnections, int threads) {
    public ServerLimits {
        if (maxConnectionsPerAddress < 1 || maxConnections < maxConnectionsPerAddress
                || threads < 4) {
            throw new IllegalArgumentException("Web Config limits: need 1 <= per address <= total"
                    + " connections and at least 4 threads");
        }
    }

    /** Device defaults: a browser opens about 6 connections per origin; two admins fit easily. */
    public static ServerLimits defaults() {
        return new ServerLimits(Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(30), 16, 256, 12);
    }
}
