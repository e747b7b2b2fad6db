package org.printmail.smtp;

import org.printmail.codes.JobCode;

/**
 * One step of Web Config's Connection Test (DNS, TCP, TLS and certificate, EHLO/STARTTLS, token,
 * AUTH XOAUTH2, MAIL FROM).
 *
 * @param code {@link JobCode#OK} when passed, else the failure's code (its remedy is shown)
 */
public record ConnectionTestStep(String name, boolean passed, JobCode code, String detail) {
}
