package org.printmail.jobs;

import java.nio.file.Path;
import java.util.List;

/** What a caller (panel, Web Config, firmware) asks the device to send. */
public sealed interface JobRequest {
    JobType type();

    /** Scan to Email: scanned files (PDF, JPEG, TIFF) to the given recipients from the device mailbox. */
    record ScanToEmail(List<String> to, String subject, String body, List<Path> files) implements JobRequest {
        public ScanToEmail {
            to = List.copyOf(to);
            files = List.copyOf(files);
        }

        @Override
        public JobType type() { return JobType.SCAN_TO_EMAIL; }
    }

    /** An email alert for a device event, sent to that event's configured recipients. */
    record Notification(DeviceEvent event, String detail) implements JobRequest {
        @Override
        public JobType type() { return JobType.NOTIFICATION; }
    }

    /** A fax handed to an internet fax provider by email, with the fax server's own account. */
    record Fax(List<String> faxNumbers, List<Path> pages) implements JobRequest {
        public Fax {
            faxNumbers = List.copyOf(faxNumbers);
            pages = List.copyOf(pages);
        }

        @Override
        public JobType type() { return JobType.FAX; }
    }

    /** A test message to one address from the fax server's own account (Fax > Connection Test). */
    record FaxServerTest(String to, String subject, String body) implements JobRequest {
        @Override
        public JobType type() { return JobType.FAX_SERVER_TEST; }
    }

    /** Scan to My Email: sent from and to the signed-in user's own mailbox. */
    record ScanToMyEmail(String user, String subject, String body, List<Path> files) implements JobRequest {
        public ScanToMyEmail {
            files = List.copyOf(files);
        }

        @Override
        public JobType type() { return JobType.SCAN_TO_MY_EMAIL; }
    }
}
