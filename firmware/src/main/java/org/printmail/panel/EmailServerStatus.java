package org.printmail.panel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.printmail.auth.AccountPurpose;
import org.printmail.auth.AccountState;
import org.printmail.auth.AccountStatus;
import org.printmail.config.DeviceSettings;
import org.printmail.config.EmailServerSettings;
import org.printmail.config.MailServerSettings;
import org.printmail.config.MailTransport;
import org.printmail.i18n.Messages;
import org.printmail.i18n.Text;

/**
 * The Email Server Status screen, also the email section of the Status Sheet, in the device
 * language. Values that are data (addresses, hosts, dates) are isolated by the catalogue.
 */
public final class EmailServerStatus {
    private EmailServerStatus() { }

    /** The screen: its menu name as a heading, then {@link #lines}. */
    public static String render(DeviceSettings s, List<AccountStatus> statuses, Clock clock) {
        Messages m = Messages.of(s.language());
        StringBuilder sb = new StringBuilder("== ").append(m.text("panel.menu.emailServerStatus"))
                .append(" ==\n");
        for (String line : lines(m, s, statuses, clock)) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /** The status as lines; a field's lines are indented under its server's heading. */
    public static List<String> lines(Messages m, DeviceSettings s, List<AccountStatus> statuses,
                                     Clock clock) {
        List<String> out = new ArrayList<>();
        server(out, m, "panel.status.emailServer", s.deviceMail(), find(statuses, AccountPurpose.DEVICE_MAIL));
        server(out, m, "panel.status.faxServer", s.faxServer(), find(statuses, AccountPurpose.FAX_SERVER));
        long users = statuses.stream().filter(a -> a.id().purpose() == AccountPurpose.USER_MAILBOX
                && a.state().canSend()).count();
        out.add(field(m, "panel.status.scanToMyEmail", Text.of("panel.status.scanToMyEmailValue",
                Text.of(s.scanToMyEmailEnabled() ? "panel.status.enabled" : "panel.status.disabled"),
                Text.of("panel.status.usersSignedIn", users))));
        out.add(field(m, "panel.status.asOf", Text.literal(m.dateTime(clock.instant(), clock.getZone()))));
        return out;
    }

    private static AccountStatus find(List<AccountStatus> all, AccountPurpose p) {
        return all.stream().filter(a -> a.id().purpose() == p).findFirst().orElse(null);
    }

    private static String field(Messages m, String label, Text value) {
        return m.render(Text.of("panel.status.field", Text.of(label), value));
    }

    private static void server(List<String> out, Messages m, String title, EmailServerSettings e,
                               AccountStatus st) {
        String in = "  ";
        out.add("[" + m.text(title) + "]");
        out.add(in + field(m, "panel.status.authMethod", e.authMethod().displayNameText()));
        out.add(in + field(m, "panel.status.service", e.service().displayNameText()));
        out.add(in + field(m, "panel.status.transport", e.transport().displayNameText()));
        if (st == null) {
            out.add(in + field(m, "panel.status.currentStatus", Text.of("panel.status.state.notSignedIn", 360)));
        } else {
            out.add(in + field(m, "panel.status.currentStatus", label(st)));
            if (!st.accountName().isEmpty()) {
                out.add(in + field(m, "panel.status.account", Text.literal(st.accountName())));
            }
            st.daysUntilLapse().ifPresent(d -> out.add(in + field(m, "panel.status.lapse",
                    Text.of("panel.status.lapseDays", d))));
            st.keepAliveWarningText().ifPresent(w -> out.add(in + m.render(Text.of("panel.status.warning", w))));
        }
        out.add(in + field(m, "panel.status.sender", e.senderAddress().isEmpty()
                ? Text.of("panel.status.senderIsAccount") : Text.literal(e.senderAddress())));
        MailServerSettings mail = e.mail();
        if (e.transport() == MailTransport.MICROSOFT_GRAPH) {
            out.add(in + field(m, "panel.status.smtpServer", Text.of("panel.status.smtpNotUsed")));
        } else {
            out.add(in + field(m, "panel.status.smtpServer", Text.of("panel.status.smtpServerValue",
                    mail.host() + ":" + mail.port(), mail.security().displayNameText())));
        }
        out.add(in + field(m, "panel.status.certificateValidation", Text.of(mail.certificateValidation()
                ? "panel.status.enable" : "panel.status.disable")));
        mail.certificateWarningText().ifPresent(w -> out.add(in + m.render(Text.of("panel.status.warning", w))));
    }

    private static Text label(AccountStatus st) {
        int code = st.code().number();
        Text state = switch (st.state()) {
            case SIGNED_IN -> Text.of("panel.status.state.signedIn");
            case SIGN_IN_PENDING -> Text.of("panel.status.state.pending");
            case NOT_SIGNED_IN -> Text.of("panel.status.state.notSignedIn", 360);
            case EXPIRED -> Text.of("panel.status.state.expired", 361);
            case SIGN_IN_REQUIRED -> Text.of("panel.status.state.required",
                    code == 371 || code == 372 ? code : 370);
        };
        return st.reason().isEmpty() || restatesTheState(st) ? state
                : Text.of("panel.status.stateWithReason", state, st.reasonText());
    }

    /**
     * Whether the reason only says again what the state says: signed in, it names the account,
     * which the next line shows; not signed in, it says "not signed in".
     */
    private static boolean restatesTheState(AccountStatus st) {
        return st.state() == AccountState.SIGNED_IN || (st.state() == AccountState.NOT_SIGNED_IN
                && AccountStatus.NEVER_SIGNED_IN.equals(st.reasonText()));
    }
}
