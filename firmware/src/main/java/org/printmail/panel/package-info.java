/**
 * The control panel: a keyboard-driven text UI with the device's menu paths (Email Server Status,
 * Job Status, Scan to Email / My Email, Status Sheet, and Web Config's administrator password
 * reset through {@link org.printmail.panel.WebConfigPasswordReset}, which the {@code cli} wires).
 * Everything it shows is in the device language ({@code DeviceSettings.language()}, chosen under
 * Home > Language): words from the catalogue ({@code panel.*}, {@code sheet.*}), data isolated.
 * The status sheet PDF is typeset by OpenPDF (Arabic shaping, right-to-left order) with a subset
 * of DejaVu Sans ({@code resources/fonts/}). Depends on {@code jobs} and {@code auth}.
 */
package org.printmail.panel;
