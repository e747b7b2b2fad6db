/**
 * XOAUTH2 SMTP submission on Angus Mail: secure by default (STARTTLS/TLS 1.2+, certificate and
 * host-name validation), every server reply classified to a job-log code, streaming attachments.
 * Angus's transport is extended only to answer the XOAUTH2 error challenge (RFC 7628 3.2.2), see
 * {@link org.printmail.smtp.ErrorChallengeTransport}.
 * Depends on {@code config}, {@code trust} and {@code codes}; tokens arrive via {@link
 * org.printmail.smtp.TokenSource}.
 */
package org.printmail.smtp;
