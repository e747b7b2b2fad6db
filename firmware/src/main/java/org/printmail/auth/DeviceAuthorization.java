package org.printmail.auth;

import java.time.Duration;

import com.nimbusds.oauth2.sdk.device.DeviceCode;

/**
 * A started device-code flow: the secret device code the device polls with, the prompt the
 * user sees, and the code's lifetime as the platform gave it ({@code expires_in}, counted from
 * the reply's arrival on the monotonic clock). {@link #toString()} never shows the device code.
 */
record DeviceAuthorization(DeviceCode deviceCode, DeviceCodePrompt prompt, Duration lifetime) {
    @Override
    public String toString() {
        return "DeviceAuthorization[deviceCode=<redacted>, expiresAt=" + prompt.expiresAt() + "]";
    }
}
