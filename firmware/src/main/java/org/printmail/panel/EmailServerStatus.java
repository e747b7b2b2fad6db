package org.printmail.panel;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.printmail.auth.AccountStatus;
import org.printmail.config.DeviceSettings;
import org.printmail.config.EmailServerSettings;
import org.printmail.config.MailTransport;
import org.printmail.auth.AccountPurpose;

/** The Email Server Status screen, also the email section of the Status Sheet. */
public final class EmailServerStatus {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private EmailServerStatus() { }

    public static String render(DeviceSettings s, List<AccountStatus> statuses, Clock clock) {
        StringBuilder sb = new StringBuilder("== Email Server Status ==\n");
        server(sb, "Email Server", s.deviceMail(), find(statuses, AccountPurpose.DEVICE_MAIL));
        server(sb, "Fax Server", s.faxServer(), find(statuses, AccountPurpose.FAX_SERVER));
        long users = statuses.stream().filter(a -> a.id().purpose() == AccountPurpose.USER_MAILBOX
                && a.state().canSend()).count();
        sb.append("Scan to My Email: ").append(s.scanToMyEmailEnabled() ? "Enabled" : "Disabled")
                .append(", ").append(users).append(" user(s) signed in\n");
        sb.append("As of: ").append(TIME.format(clock.instant())).append('\n');
        return sb.toString();
    }

    private static AccountStatus find(List<AccountStatus> all, AccountPurpose p) {
        return all.stream().filter(a -> a.id().purpose() == p).findFirst().orElse(null);
    }

    private static void server(StringBuilder sb, String title, EmailServerSettings e, AccountStatus st) {
        sb.append("[").append(title).append("]\n");
        sb.append("  Authentication Method: ").append(e.authMethod()).append('\n');
        sb.append("  Email service: ").append(e.service().displayName()).append('\n');
        sb.append("  Send Through: ").append(e.transport().displayName()).append('\n');
        if (st == null) {
            sb.append("  Current Status: Not signed in (code 360)\n");
        } else {
            sb.append("  Current Status: ").append(label(st)).append('\n');
            if (!st.accountName().isEmpty()) {
                sb.append("  Authenticated Account: ").append(st.accountName()).append('\n');
            }
            st.daysUntilLapse().ifPresent(d -> sb.append("  Sign-in lapses if unused for: ").append(d)
                    .append(" days\n"));
            st.keepAliveWarning().ifPresent(w -> sb.append("  WARNING: ").append(w).append('\n'));
        }
        sb.append("  Sender's Email Address: ")
                .append(e.senderAddress().isEmpty() ? "(the authenticated account)" : e.senderAddress()).append('\n');
        if (e.transport() == MailTransport.MICROSOFT_GRAPH) {
            sb.append("  SMTP Server: (not used: mail goes through Microsoft Graph over HTTPS)\n");
        } else {
            sb.append("  SMTP Server: ").append(e.mail().host()).append(':').append(e.mail().port())
                    .append(", ").append(e.mail().security()).append('\n');
        }
        sb.append("  Certificate Validation: ").append(e.mail().certificateValidation() ? "Enable" : "Disable")
                .append('\n');
        e.mail().certificateWarning().ifPresent(w -> sb.append("  WARNING: ").append(w).append('\n'));
    }

    private static String label(AccountStatus st) {
        return switch (st.state()) {
            case SIGNED_IN -> "Signed in";
            case SIGN_IN_PENDING -> "Sign-in in progress (code shown)";
            case NOT_SIGNED_IN -> "Not signed in (code 360)";
            case EXPIRED -> "Expired: sign in again (code 361)";
            case SIGN_IN_REQUIRED -> "Sign-in required again (code " + (st.code().number() == 371
                    || st.code().number() == 372 ? st.code().number() : 370) + ")";
        } + (st.reason().isEmpty() ? "" : " - " + st.reason());
    }
}
