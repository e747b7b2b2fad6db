package org.printmail.testing;

import org.junit.jupiter.api.extension.Extension;

/**
 * Loaded by JUnit before any test class (autodetected, see junit-platform.properties): lets
 * java.net.http answer a proxy's Basic challenge for HTTPS tunnels, as the device does at
 * start-up ({@code Main}). The JDK reads this property once, when java.net.http is first used,
 * so a test cannot set it for itself.
 */
public final class ProxyAuthSetup implements Extension {
    static {
        if (System.getProperty("jdk.http.auth.tunneling.disabledSchemes") == null) {
            System.setProperty("jdk.http.auth.tunneling.disabledSchemes", "");
        }
    }
}
