package org.printmail.smtp;

import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus's SMTP transport, answering the SASL error challenge of AUTH XOAUTH2 as RFC 7628
 * section 3.2.3 asks. Angus's XOAUTH2 authenticator sends the token as the initial response and
 * treats any {@code 334} after it as a broken dialogue: it drops the connection without a reply,
 * so the refusal looked like a network fault (391) and no refresh followed. Here the challenge
 * is kept, answered with an empty line, and the server's final reply ({@code 535 5.7.8}) reaches
 * Angus, which reports it as an ordinary authentication failure.
 *
 * <p>Public only because Angus instantiates transports by reflection; not part of the facade.
 */
public class ErrorChallengeTransport extends SMTPTransport {
    /** Registered per {@code getTransport} call; nothing is added to the session's providers. */
    static final Provider SMTP = new Provider(Provider.Type.TRANSPORT, "smtp",
            ErrorChallengeTransport.class.getName(), "printmail", null);
    static final Provider SMTPS = new Provider(Provider.Type.TRANSPORT, "smtps",
            Ssl.class.getName(), "printmail", null);

    private static final String AUTH_XOAUTH2 = "AUTH XOAUTH2 ";
    private static final int CONTINUE = 334;

    private SaslErrorChallenge challenge;

    public ErrorChallengeTransport(Session session, URLName url) {
        super(session, url, "smtp", false);
    }

    protected ErrorChallengeTransport(Session session, URLName url, String name, boolean ssl) {
        super(session, url, name, ssl);
    }

    /** Implicit TLS ("smtps"), as Angus's own SMTPSSLTransport. */
    public static final class Ssl extends ErrorChallengeTransport {
        public Ssl(Session session, URLName url) {
            super(session, url, "smtps", true);
        }
    }

    /** The error challenge of the last AUTH on this connection, if the server sent one. */
    synchronized Optional<SaslErrorChallenge> errorChallenge() {
        return Optional.ofNullable(challenge);
    }

    @Override
    public synchronized int simpleCommand(String command) throws MessagingException {
        boolean auth = command.regionMatches(true, 0, AUTH_XOAUTH2, 0, AUTH_XOAUTH2.length());
        if (auth) {
            challenge = null;
        }
        int code = super.simpleCommand(command);
        if (!auth || code != CONTINUE) {
            return code;
        }
        challenge = SaslErrorChallenge.parse(getLastServerResponse()).orElse(null);
        code = super.simpleCommand(""); // the empty response ends the exchange (535 expected)
        if (code == CONTINUE) {
            code = super.simpleCommand("*"); // still asking: cancel the exchange (RFC 4954 4)
        }
        return code;
    }
}
