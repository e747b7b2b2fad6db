package org.printmail.smtp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.config.MailServerSettings;
import org.printmail.config.ProxySettings;
import org.printmail.config.SecureConnection;
import org.printmail.i18n.Text;
import org.printmail.smtp.ReplyClassifier.Stage;

/**
 * Web Config's Connection Test: DNS, TCP, token, then the secure session (STARTTLS or TLS, EHLO,
 * AUTH XOAUTH2) and MAIL FROM, stopping at the first failure. No message is sent.
 */
final class ConnectionTester {
    static final String DNS = "DNS";
    static final String TCP = "TCP";
    static final String TOKEN = "Token";
    static final String TLS = "TLS and certificate";
    static final String EHLO = "EHLO/STARTTLS";
    static final String AUTH = "AUTH XOAUTH2";
    static final String MAIL_FROM = "MAIL FROM";

    private final SmtpAccount account;
    private final MailboxLane lane;
    private final ProxySettings proxy;
    private final List<ConnectionTestStep> steps = new ArrayList<>();
    private boolean sessionUp;

    /** @param proxy the office proxy: when SMTP goes through it, DNS and TCP test the proxy */
    ConnectionTester(SmtpAccount account, MailboxLane lane, ProxySettings proxy) {
        this.account = account;
        this.lane = lane;
        this.proxy = proxy;
    }

    List<ConnectionTestStep> run() {
        MailServerSettings s = account.server();
        Optional<InetSocketAddress> via = TransportFactory.proxyFor(proxy, s.host());
        String host = via.map(InetSocketAddress::getHostString).orElse(s.host());
        int port = via.map(InetSocketAddress::getPort).orElse(s.port());
        boolean viaProxy = via.isPresent();
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
            pass(DNS, Text.of(viaProxy ? "smtp.test.proxyResolved" : "smtp.test.resolved", host,
                    address.getHostAddress()));
        } catch (UnknownHostException e) {
            return fail(DNS, JobCode.SERVER_UNREACHABLE,
                    Text.of(viaProxy ? "smtp.test.proxyCannotResolve" : "smtp.cannotResolve", host));
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), (int) s.connectTimeout().toMillis());
            pass(TCP, Text.of(viaProxy ? "smtp.test.proxyPortOpen" : "smtp.test.portOpen", port));
        } catch (IOException e) {
            return fail(TCP, JobCode.SERVER_UNREACHABLE,
                    Text.of(viaProxy ? "smtp.test.proxyPortClosed" : "smtp.test.portClosed", port));
        }
        try {
            account.tokens().accessToken();
            pass(TOKEN, Text.of("smtp.test.token", account.username()));
        } catch (PrintmailException e) {
            return fail(TOKEN, e.code(), e.detailText());
        }
        try {
            lane.withConnection(account, c -> {
                sessionPassed(s);
                sessionUp = true;
                String from = MessageComposer.fromAddress(account);
                try {
                    c.transport().issueCommand("MAIL FROM:<" + from + ">", 250);
                    c.transport().issueCommand("RSET", 250);
                } catch (jakarta.mail.MessagingException e) {
                    throw Failures.from(e, c.transport(), Stage.MAIL, c.server(), c.redactor());
                }
                pass(MAIL_FROM, Text.of("smtp.test.sender", from));
                return null;
            }, false);
        } catch (SmtpFailure f) {
            if (sessionUp) {
                fail(MAIL_FROM, f.code(), withReply(f));
            } else {
                sessionFailed(s, f);
            }
        } catch (PrintmailException e) {
            fail(AUTH, e.code(), e.detailText()); // the token refresh after a 535 failed
        }
        return List.copyOf(steps);
    }

    private void sessionPassed(MailServerSettings s) {
        for (String step : sessionSteps(s)) {
            if (!step.equals(AUTH)) {
                pass(step, Text.of("smtp.test.ok"));
            }
        }
        pass(AUTH, Text.of("smtp.test.signedIn", account.username()));
    }

    /** Which session step failed follows from the code; the steps before it passed. */
    private void sessionFailed(MailServerSettings s, SmtpFailure f) {
        String failed = switch (f.code()) {
            case CERTIFICATE_PROBLEM -> TLS;
            case SMTP_AUTH_DISABLED, SMTP_AUTH_REJECTED, NOT_AUTHENTICATED -> AUTH;
            default -> EHLO;
        };
        for (String step : sessionSteps(s)) {
            if (step.equals(failed)) {
                break;
            }
            pass(step, Text.of("smtp.test.ok"));
        }
        fail(failed, f.code(), withReply(f));
    }

    private static List<String> sessionSteps(MailServerSettings s) {
        return s.security() == SecureConnection.SSL_TLS ? List.of(TLS, EHLO, AUTH) : List.of(EHLO, TLS, AUTH);
    }

    private static Text withReply(SmtpFailure f) { return f.detailWithReplyText(); }

    /** A step's name in any language: {@code smtp.step.*}; protocol names stay as they are. */
    static Text stepText(String name) {
        return switch (name) {
            case TOKEN -> Text.of("smtp.step.token");
            case TLS -> Text.of("smtp.step.tls");
            default -> Text.of("smtp.step.protocol", name);
        };
    }

    private void pass(String name, Text detail) {
        steps.add(new ConnectionTestStep(stepText(name), true, JobCode.OK, detail));
    }

    private List<ConnectionTestStep> fail(String name, JobCode code, Text detail) {
        steps.add(new ConnectionTestStep(stepText(name), false, code, detail));
        return List.copyOf(steps);
    }
}
