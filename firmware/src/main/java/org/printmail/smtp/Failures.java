package org.printmail.smtp;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.eclipse.angus.mail.util.MailConnectException;
import org.printmail.codes.JobCode;
import org.printmail.smtp.ReplyClassifier.Reply;
import org.printmail.smtp.ReplyClassifier.Stage;
import org.printmail.i18n.Text;

/** Turns what Angus throws into an {@link SmtpFailure}: certificate, network, then server reply. */
final class Failures {
    /** Angus's own wording (angus-mail 2.0.5) when starttls.required meets a server without it. */
    static final String ANGUS_NO_STARTTLS = "STARTTLS is required but host does not support STARTTLS";
    static final String ANGUS_NO_MECHANISM = "No authentication mechanisms supported by both server and client";

    private static final Pattern PROXY_REFUSAL = Pattern.compile("HTTP/1\\.[01] 40[17]\\b");

    private Failures() { }

    static SmtpFailure from(Exception e, SMTPTransport t, Stage stage, String server, Redactor r) {
        Throwable cause = r.safeCause(e);
        JobCode tls = tlsProblem(e);
        if (tls != null) {
            return new SmtpFailure(tls, Text.of("smtp.tlsFailed", server, describeTls(e)), "", cause);
        }
        if (e instanceof MessagingException && ANGUS_NO_STARTTLS.equals(e.getMessage())) {
            return new SmtpFailure(JobCode.STARTTLS_UNAVAILABLE,
                    Text.of("smtp.noStarttls", server), "", cause);
        }
        if (proxyRefused(e)) {
            return new SmtpFailure(JobCode.PROXY_AUTH_FAILED, Text.of("smtp.proxyRefused", server), "", cause);
        }
        if (has(e, UnknownHostException.class)) {
            return new SmtpFailure(JobCode.SERVER_UNREACHABLE, Text.of("smtp.cannotResolve", server), "", cause);
        }
        if (has(e, SocketTimeoutException.class)) {
            return new SmtpFailure(JobCode.SERVER_UNREACHABLE,
                    Text.of("smtp.timeout", server), "", cause);
        }
        if (has(e, ConnectException.class) || has(e, NoRouteToHostException.class)
                || (e instanceof MailConnectException && stage == Stage.CONNECT)) {
            return new SmtpFailure(JobCode.SERVER_UNREACHABLE, Text.of("smtp.cannotConnect", server), "", cause);
        }
        String reply = replyOf(e, t);
        Reply parsed = Reply.parse(reply);
        if (parsed.isFailure()) {
            Stage at = stageOf(e, stage, parsed);
            return new SmtpFailure(ReplyClassifier.classify(parsed, at),
                    happened(server, at, parsed), r.clean(reply), cause);
        }
        if (e instanceof AuthenticationFailedException && ANGUS_NO_MECHANISM.equals(e.getMessage())) {
            return new SmtpFailure(JobCode.SMTP_AUTH_DISABLED,
                    Text.of("smtp.noXoauth2", server, "AUTH XOAUTH2"), "", cause);
        }
        if (parsed.code() < 0 && !reply.isEmpty() && !reply.equals("[EOF]")) {
            return new SmtpFailure(JobCode.PROTOCOL_ERROR,
                    Text.of("smtp.notAReply", server), r.clean(reply), cause);
        }
        return new SmtpFailure(JobCode.PROTOCOL_ERROR, Text.of("smtp.broke", server, brokenHow(e)), "", cause);
    }

    /**
     * What the reply means, in words: a {@code 421} is the server closing the session (busy or
     * going down), a {@code 454} a TLS start that failed for now; neither refused anything.
     */
    private static Text happened(String server, Stage at, Reply reply) {
        if (reply.code() == 421) {
            return Text.of(at == Stage.CONNECT ? "smtp.closed421AtGreeting" : "smtp.closed421", server);
        }
        if (reply.code() == 454) {
            return Text.of("smtp.tlsLater454", server);
        }
        return Text.of("smtp.refused", server, what(at));
    }

    /**
     * Angus's HTTP CONNECT answered 401/407 (angus-mail 2.0.5 words it "connection through proxy
     * ... failed: HTTP/1.x 407 ..."; tinyproxy answers a wrong password with 401).
     */
    private static boolean proxyRefused(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage());
            if (m.contains("connection through proxy") && PROXY_REFUSAL.matcher(m).find()) {
                return true;
            }
        }
        return false;
    }

    private static Text what(Stage stage) {
        String command = switch (stage) {
            case CONNECT -> "";
            case AUTH -> "AUTH XOAUTH2";
            case MAIL -> "MAIL FROM";
            case RCPT -> "RCPT TO";
            case DATA -> "DATA";
        };
        String key = "smtp.stage." + stage.name().toLowerCase(java.util.Locale.ROOT);
        return command.isEmpty() ? Text.of(key) : Text.of(key, command);
    }

    private static String replyOf(Exception e, SMTPTransport t) {
        if (e instanceof SMTPSendFailedException || e instanceof AuthenticationFailedException) {
            Reply r = Reply.parse(e.getMessage());
            if (r.code() > 0) {
                return e.getMessage().strip();
            }
        }
        return t == null || t.getLastServerResponse() == null ? "" : t.getLastServerResponse().strip();
    }

    private static Stage stageOf(Exception e, Stage fallback, Reply r) {
        if (e instanceof SMTPSendFailedException s && s.getCommand() != null) {
            String cmd = s.getCommand().toUpperCase();
            if (cmd.startsWith("MAIL")) {
                return Stage.MAIL;
            }
            if (cmd.startsWith("RCPT")) {
                return Stage.RCPT;
            }
            return Stage.DATA;
        }
        if (e instanceof AuthenticationFailedException) {
            return Stage.AUTH;
        }
        return fallback;
    }

    private static JobCode tlsProblem(Throwable e) {
        boolean tls = has(e, SSLHandshakeException.class) || has(e, SSLPeerUnverifiedException.class)
                || has(e, CertificateException.class) || has(e, CertPathValidatorException.class)
                || has(e, CertPathBuilderException.class);
        return tls ? JobCode.CERTIFICATE_PROBLEM : null;
    }

    /** Each certificate problem in words the remedy ({@code codes.Cause}) recognises. */
    private static Text describeTls(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage());
            if (c instanceof CertificateExpiredException
                    || reason(c) == CertPathValidatorException.BasicReason.EXPIRED) {
                return Text.of("smtp.cert.expired", validity(c));
            }
            if (c instanceof CertificateNotYetValidException
                    || reason(c) == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                return Text.of("smtp.cert.notYetValid", validity(c));
            }
            if (reason(c) == CertPathValidatorException.BasicReason.REVOKED) {
                return Text.of("smtp.cert.revoked");
            }
            if (c instanceof CertificateException && (m.contains("No name matching")
                    || m.contains("No subject alternative"))) {
                return Text.of("smtp.cert.wrongHost");
            }
        }
        if (has(e, CertPathBuilderException.class) || has(e, CertPathValidatorException.class)) {
            return Text.of("smtp.cert.untrusted");
        }
        return Text.of("smtp.cert.handshake", rootMessage(e));
    }

    private static CertPathValidatorException.Reason reason(Throwable t) {
        return t instanceof CertPathValidatorException v ? v.getReason() : null;
    }

    /** The JDK's validity wording ("NotAfter: ...") if it gives one; no certificate content. */
    private static Text validity(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && (m.startsWith("NotAfter") || m.startsWith("NotBefore"))) {
                return Text.literal(m);
            }
        }
        return Text.of("smtp.cert.validityCheck");
    }

    private static Text brokenHow(Throwable e) {
        if (has(e, EOFException.class)) {
            return Text.of("smtp.closedByServer");
        }
        return Text.literal(rootMessage(e));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
            if (c instanceof MessagingException m && m.getNextException() != null
                    && m.getNextException() != c.getCause() && has(m.getNextException(), type)) {
                return true;
            }
        }
        return false;
    }
}
