package org.printmail.auth;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.printmail.i18n.Text;

/**
 * What the device shows to get signed in: the user code, the link to open, Microsoft's own
 * message, and when the code stops working.
 *
 * @param message Microsoft's own instructions, in English (for logs; pages show {@link #messageText})
 */
public record DeviceCodePrompt(String userCode, URI verificationUri, String message, Instant expiresAt,
                               Duration interval) {
    /** The instructions in any language: open the link and enter the code. */
    public Text messageText() {
        return Text.of("auth.prompt.instructions", String.valueOf(verificationUri), userCode);
    }
}
