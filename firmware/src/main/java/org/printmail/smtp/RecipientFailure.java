package org.printmail.smtp;

import org.printmail.codes.JobCode;

/** One recipient the server refused while the others were accepted. */
public record RecipientFailure(String address, JobCode code, String serverReply) {
}
