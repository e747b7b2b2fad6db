/**
 * How the device persists a file: {@link org.printmail.files.DurableFiles}, the one way every
 * file the device keeps (settings, admin password, CA certificates, outbox entries, job log,
 * vault files) is written so a power cut leaves the old content or the new, never half, and no
 * one but the device's own user can read it; and {@link org.printmail.files.JsonFields}, how
 * those kept as JSON are read and written on Jackson's streaming API (no databind at boot).
 * Depends on nothing else in printmail.
 */
package org.printmail.files;
