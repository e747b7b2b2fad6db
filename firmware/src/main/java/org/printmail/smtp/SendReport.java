package org.printmail.smtp;

import java.util.List;

/**
 * The result of a send that reached the server: which recipients were accepted, which refused,
 * and how many messages (parts) were submitted when a large scan was split.
 */
public record SendReport(List<String> accepted, List<RecipientFailure> rejected, int parts) {
    public SendReport {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
    }
}
