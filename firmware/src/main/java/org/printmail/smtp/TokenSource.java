package org.printmail.smtp;

/**
 * Where the sender gets bearer tokens; the jobs layer adapts the auth facade to it, so
 * {@code smtp} does not depend on {@code auth}.
 */
public interface TokenSource {
    /** A token with enough lifetime left for this send. */
    String accessToken();

    /** A freshly refreshed token, for the single retry after {@code 535 5.7.3}. */
    String refreshedAccessToken();
}
