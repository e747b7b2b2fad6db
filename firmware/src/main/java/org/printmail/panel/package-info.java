/**
 * The control panel: a keyboard-driven text UI with the device's menu paths (Email Server Status,
 * Job Status, Scan to Email / My Email, Status Sheet, and Web Config's administrator password
 * reset through {@link org.printmail.panel.WebConfigPasswordReset}, which the {@code cli} wires).
 * Depends on {@code jobs} and {@code auth}.
 */
package org.printmail.panel;
