/**
 * What the printer's users touch: job types (scan-to-email, alert notifications, fax server,
 * Scan to My Email), preflight, the durable outbox and the job log with codes. Depends on
 * {@code auth}, {@code smtp}, {@code store}, {@code config} and {@code codes}.
 */
package org.printmail.jobs;
