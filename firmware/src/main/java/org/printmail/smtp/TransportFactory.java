package org.printmail.smtp;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import org.printmail.codes.JobCode;
import org.printmail.config.MailServerSettings;
import org.printmail.config.ProxyRoute;
import org.printmail.config.ProxySettings;
import org.printmail.config.SecureConnection;
import org.printmail.smtp.ReplyClassifier.Stage;
import org.printmail.trust.TlsTrust;
import org.printmail.i18n.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens authenticated Angus transports: connect, STARTTLS (or implicit TLS), EHLO, AUTH XOAUTH2;
 * on an authentication rejection it asks for a refreshed token and tries exactly once more.
 */
final class TransportFactory {
    private static final Logger LOG = LoggerFactory.getLogger(TransportFactory.class);

    private final String ehloName;
    private final Clock clock;
    private final ScheduledExecutorService writeTimeouts;
    private final Supplier<ProxyRoute> proxy;

    TransportFactory(String ehloName, Clock clock, ScheduledExecutorService writeTimeouts,
                     Supplier<ProxyRoute> proxy) {
        this.ehloName = ehloName;
        this.clock = clock;
        this.writeTimeouts = writeTimeouts;
        this.proxy = proxy;
    }

    /** The office proxy in force now; a session is rebuilt when it changes. */
    ProxyRoute proxyRoute() { return proxy.get(); }

    Session session(MailServerSettings s, TlsTrust trust, ProxyRoute route) {
        SSLSocketFactory tls = s.certificateValidation() ? trust.socketFactory() : InsecureTls.socketFactory();
        Properties props = properties(s, tls);
        throughProxy(props, prefix(s), s.host(), route);
        return Session.getInstance(props);
    }

    /**
     * SMTP through the office proxy when the admin asked for it and the server is not on the
     * no-proxy list: HTTP CONNECT (Angus sends Basic credentials itself) or SOCKS5 (no
     * credentials: Angus would take them only from a JVM-wide Authenticator). TLS and the
     * certificate check stay end to end with the mail server.
     */
    static void throughProxy(Properties props, String p, String server, ProxyRoute route) {
        ProxySettings x = route.settings();
        if (proxyFor(x, server).isEmpty()) {
            return;
        }
        if (x.smtp() == ProxySettings.SmtpRoute.HTTP_CONNECT) {
            props.put(p + "proxy.host", x.host());
            props.put(p + "proxy.port", String.valueOf(x.port()));
            if (route.hasCredentials()) {
                props.put(p + "proxy.user", x.username());
                props.put(p + "proxy.password", route.password());
            }
        } else {
            props.put(p + "socks.host", x.socksHost());
            props.put(p + "socks.port", String.valueOf(x.socksPort()));
        }
    }

    /** Angus's settings: secure by default, every socket operation bounded by a timeout. */
    Properties properties(MailServerSettings s, SSLSocketFactory tls) {
        String p = prefix(s);
        Properties props = new Properties();
        props.put("mail.debug", "false");
        props.put("mail.debug.auth", "false");
        props.put(p + "host", s.host());
        props.put(p + "port", String.valueOf(s.port()));
        props.put(p + "localhost", ehloName);
        props.put(p + "connectiontimeout", String.valueOf(s.connectTimeout().toMillis()));
        props.put(p + "timeout", String.valueOf(s.readTimeout().toMillis()));
        props.put(p + "writetimeout", String.valueOf(s.readTimeout().toMillis()));
        props.put(p + "executor.writetimeout", writeTimeouts);
        props.put(p + "auth", "true");
        props.put(p + "auth.mechanisms", "XOAUTH2");
        props.put(p + "sasl.enable", "false");
        props.put(p + "ssl.protocols", "TLSv1.3 TLSv1.2");
        props.put(p + "ssl.checkserveridentity", String.valueOf(s.certificateValidation()));
        props.put(p + "ssl.socketFactory", tls);
        if (s.security() == SecureConnection.SSL_TLS) {
            props.put(p + "ssl.enable", "true");
        } else {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        props.put(p + "sendpartial", "true");
        return props;
    }

    /** The proxy SMTP to {@code server} goes through ({@code host:port}), or empty when direct. */
    static Optional<InetSocketAddress> proxyFor(ProxySettings x, String server) {
        if (x.smtp() == ProxySettings.SmtpRoute.HTTP_CONNECT && !x.bypasses(server)) {
            return Optional.of(InetSocketAddress.createUnresolved(x.host(), x.port()));
        }
        if (x.smtp() == ProxySettings.SmtpRoute.SOCKS && !x.onNoProxyList(server)) {
            return Optional.of(InetSocketAddress.createUnresolved(x.socksHost(), x.socksPort()));
        }
        return Optional.empty();
    }

    /** Connects and authenticates with the account's current token. */
    PooledTransport open(SmtpAccount a, Session session, String token) {
        try {
            return connect(a, session, token);
        } catch (SmtpFailure f) {
            if (f.code() != JobCode.SMTP_AUTH_REJECTED) {
                throw f;
            }
            LOG.info("SMTP AUTH for {} rejected ({}); retrying once with a refreshed token",
                    a.mailboxKey(), ReplyClassifier.Reply.parse(f.serverReply()).enhanced());
        }
        try {
            return connect(a, session, a.tokens().refreshedAccessToken());
        } catch (SmtpFailure again) {
            if (again.code() != JobCode.SMTP_AUTH_REJECTED) {
                throw again;
            }
            throw new SmtpFailure(again.code(), Text.of("smtp.againAfterRefresh", again.detailText()),
                    again.serverReply(), again.getCause());
        }
    }

    private PooledTransport connect(SmtpAccount a, Session session, String token) {
        MailServerSettings s = a.server();
        Redactor redactor = Redactor.forToken(a.username(), token);
        if (!s.certificateValidation()) {
            LOG.warn("{} (port {})", s.certificateWarning().orElseThrow(), s.port());
        }
        ErrorChallengeTransport t = null;
        try {
            t = (ErrorChallengeTransport) session.getTransport(s.security() == SecureConnection.SSL_TLS
                    ? ErrorChallengeTransport.SMTPS : ErrorChallengeTransport.SMTP);
            t.connect(s.host(), s.port(), a.username(), token);
            return new PooledTransport(t, token, redactor, server(s), clock.instant());
        } catch (MessagingException | RuntimeException e) {
            PooledTransport.closeQuietly(t);
            if (e instanceof SmtpFailure f) {
                throw f;
            }
            SmtpFailure f = Failures.from(e, t, Stage.CONNECT, server(s), redactor);
            throw t == null ? f : t.errorChallenge().map(c -> refusedByChallenge(f, c, server(s))).orElse(f);
        }
    }

    /**
     * An error challenge is the server's refusal of the token whatever followed it (a 535, or a
     * dropped connection), so it is an authentication rejection: refresh once, then sign in.
     */
    private static SmtpFailure refusedByChallenge(SmtpFailure f, SaslErrorChallenge c, String server) {
        boolean authCode = f.code() == JobCode.SMTP_AUTH_REJECTED
                || f.code() == JobCode.SMTP_AUTH_DISABLED;
        JobCode code = authCode ? f.code() : JobCode.SMTP_AUTH_REJECTED;
        Text detail = authCode ? f.detailText() : Text.of("smtp.refused", server, Text.of("smtp.stage.auth", "AUTH XOAUTH2"));
        return new SmtpFailure(code, Text.of("smtp.withChallenge", detail, c.describe()), f.serverReply(),
                f.getCause());
    }

    static String server(MailServerSettings s) { return s.host() + ":" + s.port(); }

    private static String prefix(MailServerSettings s) {
        return s.security() == SecureConnection.SSL_TLS ? "mail.smtps." : "mail.smtp.";
    }
}
