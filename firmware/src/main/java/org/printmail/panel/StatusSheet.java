package org.printmail.panel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.printmail.auth.AccountStatus;
import org.printmail.config.DeviceSettings;
import org.printmail.i18n.Messages;
import org.printmail.i18n.Text;

/** The network status sheet: the Email Server Status as a PDF, in the device language. */
public final class StatusSheet {
    private StatusSheet() { }

    public static void print(Path file, DeviceSettings s, List<AccountStatus> statuses, Clock clock)
            throws IOException {
        Messages m = Messages.of(s.language());
        String title = m.render(Text.of("sheet.heading", Text.of("sheet.title"),
                m.dateTime(clock.instant(), clock.getZone())));
        StatusSheetPdf.write(file, s.language(), title, EmailServerStatus.lines(m, s, statuses, clock));
    }
}
