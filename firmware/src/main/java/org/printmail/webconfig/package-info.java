/**
 * Web Config, the device's admin web UI (HTTPS, Jetty core server): log in, Email Server settings,
 * Sign In / Sign Out, Connection Test, CA certificates, fax server, notifications, job log.
 * Depends on {@code jobs}, {@code auth}, {@code smtp}, {@code config}.
 */
package org.printmail.webconfig;
