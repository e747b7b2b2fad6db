package org.printmail.auth;

import com.nimbusds.oauth2.sdk.device.DeviceCode;

/**
 * A started device-code flow: the secret device code the device polls with, and the prompt the
 * user sees. {@link #toString()} never shows the device code.
 */
record DeviceAuthorization(DeviceCode deviceCode, DeviceCodePrompt prompt) {
    @Override
    public String toString() {
        return "DeviceAuthorization[deviceCode=<redacted>, expiresAt=" + prompt.expiresAt() + "]";
    }
}
