package org.printmail.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Where and with which scopes the device reaches Microsoft Graph when a mailbox uses the
 * {@link MailTransport#MICROSOFT_GRAPH} transport.
 *
 * @param endpoint    {@code https://graph.microsoft.com} (the lab: its loopback stand-in)
 * @param scopes      the sign-in scopes for Graph: {@code Mail.Send}, {@code Mail.ReadWrite} (drafts
 *                    and upload sessions for attachments over 3 MB) and {@code offline_access}
 * @param httpTimeout connect timeout and per-request timeout of every Graph request
 */
public record GraphSettings(URI endpoint, List<String> scopes, Duration httpTimeout) {
    public static final String MAIL_SEND = "https://graph.microsoft.com/Mail.Send";
    public static final String MAIL_READ_WRITE = "https://graph.microsoft.com/Mail.ReadWrite";

    public GraphSettings {
        scopes = List.copyOf(scopes);
    }

    /** Microsoft's production endpoint and the scopes the Graph transport needs. */
    public static GraphSettings microsoft() {
        return new GraphSettings(URI.create("https://graph.microsoft.com"),
                List.of(MAIL_SEND, MAIL_READ_WRITE, "offline_access"), Duration.ofSeconds(30));
    }

    /** {@code <endpoint>/v1.0} without a trailing slash. */
    public String apiBase() {
        return endpoint.toString().replaceAll("/+$", "") + "/v1.0";
    }

    public GraphSettings withEndpoint(URI newEndpoint) {
        return new GraphSettings(newEndpoint, scopes, httpTimeout);
    }
}
