package org.printmail.jobs;

import org.printmail.codes.JobCode;

/**
 * One step of the Connection Test as the job layer reports it (DNS, TCP, TLS and certificate,
 * EHLO/STARTTLS, token, AUTH, MAIL FROM; or Graph's steps), with its code and remedy.
 *
 * @param code {@link JobCode#OK} when passed, else the failure's code (its remedy is shown)
 */
public record ConnectionCheck(String name, boolean passed, JobCode code, String detail) {
}
