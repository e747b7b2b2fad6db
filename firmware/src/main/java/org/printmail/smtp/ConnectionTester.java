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
        String what = via.isPresent() ? "the proxy " : "";
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
            pass(DNS, what + host + " is " + address.getHostAddress());
        } catch (UnknownHostException e) {
            return fail(DNS, JobCode.SERVER_UNREACHABLE, "cannot resolve " + what + host);
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), (int) s.connectTimeout().toMillis());
            pass(TCP, what + "port " + port + " is open");
        } catch (IOException e) {
            return fail(TCP, JobCode.SERVER_UNREACHABLE, "cannot connect to " + what + "port " + port);
        }
        try {
            account.tokens().accessToken();
            pass(TOKEN, "the device holds a token for " + account.username());
        } catch (PrintmailException e) {
            return fail(TOKEN, e.code(), e.detail());
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
                pass(MAIL_FROM, "the server accepts " + from + " as sender");
                return null;
            }, false);
        } catch (SmtpFailure f) {
            if (sessionUp) {
                fail(MAIL_FROM, f.code(), withReply(f));
            } else {
                sessionFailed(s, f);
            }
        } catch (PrintmailException e) {
            fail(AUTH, e.code(), e.detail()); // the token refresh after a 535 failed
        }
        return List.copyOf(steps);
    }

    private void sessionPassed(MailServerSettings s) {
        for (String step : sessionSteps(s)) {
            if (!step.equals(AUTH)) {
                pass(step, "ok");
            }
        }
        pass(AUTH, "signed in as " + account.username());
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
            pass(step, "ok");
        }
        fail(failed, f.code(), withReply(f));
    }

    private static List<String> sessionSteps(MailServerSettings s) {
        return s.security() == SecureConnection.SSL_TLS ? List.of(TLS, EHLO, AUTH) : List.of(EHLO, TLS, AUTH);
    }

    private static String withReply(SmtpFailure f) {
        return f.serverReply().isEmpty() ? f.detail() : f.detail() + ": " + f.serverReply();
    }

    private void pass(String name, String detail) {
        steps.add(new ConnectionTestStep(name, true, JobCode.OK, detail));
    }

    private List<ConnectionTestStep> fail(String name, JobCode code, String detail) {
        steps.add(new ConnectionTestStep(name, false, code, detail));
        return List.copyOf(steps);
    }
}
