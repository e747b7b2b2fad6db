package org.printmail.auth;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * What the device shows to get signed in: the user code, the link to open, Microsoft's own
 * message, and when the code stops working.
 */
public record DeviceCodePrompt(String userCode, URI verificationUri, String message, Instant expiresAt,
                               Duration interval) {
}
