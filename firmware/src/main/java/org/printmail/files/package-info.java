/**
 * How the device persists a file: {@link org.printmail.files.DurableFiles}, the one way every
 * file the device keeps (settings, admin password, CA certificates, outbox entries, job log,
 * vault files) is written so a power cut leaves the old content or the new, never half, and no
 * one but the device's own user can read it. Depends on nothing else in printmail.
 */
package org.printmail.files;
