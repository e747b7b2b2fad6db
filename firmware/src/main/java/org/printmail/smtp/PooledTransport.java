package org.printmail.smtp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.printmail.codes.JobCode;
import org.printmail.smtp.ReplyClassifier.Stage;
import org.printmail.i18n.Text;

/** One authenticated SMTP connection, the token it signed in with, and when it was last used. */
final class PooledTransport {
    private final SMTPTransport transport;
    private final String token;
    private final Redactor redactor;
    private final String server;
    private Instant lastUsed;
    private boolean reused;

    PooledTransport(SMTPTransport transport, String token, Redactor redactor, String server, Instant now) {
        this.transport = transport;
        this.token = token;
        this.redactor = redactor;
        this.server = server;
        this.lastUsed = now;
    }

    /**
     * Reusable while the token source still hands out the token this connection signed in with
     * (a new one means the old neared expiry) and it has not sat idle too long. No NOOP probe:
     * that would cost a round trip per message; a reused connection found broken is retried once
     * on a fresh one instead.
     */
    boolean reusable(String currentToken, Instant now, Duration idleLimit) {
        return token.equals(currentToken) && !lastUsed.plus(idleLimit).isBefore(now);
    }

    void markUsed(Instant now) {
        lastUsed = now;
        reused = true;
    }

    boolean wasReused() { return reused; }

    SMTPTransport transport() { return transport; }

    Redactor redactor() { return redactor; }

    String server() { return server; }

    /** Sends one message; a partial recipient refusal is a report, not a failure. */
    SendReport deliver(MimeMessage msg) throws MessagingException {
        Address[] recipients = msg.getAllRecipients();
        try {
            transport.sendMessage(msg, recipients);
            return new SendReport(names(recipients), List.of(), 1);
        } catch (SendFailedException e) {
            Address[] sent = e.getValidSentAddresses();
            List<RecipientFailure> refused = recipientFailures(e);
            if (sent != null && sent.length > 0) {
                return new SendReport(names(sent), refused, 1);
            }
            if (e instanceof SMTPSendFailedException || refused.isEmpty()) {
                throw Failures.from(e, transport, Stage.DATA, server, redactor);
            }
            RecipientFailure first = refused.get(0);
            throw new SmtpFailure(first.code(), Text.of("smtp.noRecipientAccepted",
                    String.join(", ", refused.stream().map(RecipientFailure::address).toList())),
                    first.serverReply(), redactor.safeCause(e));
        }
    }

    private List<RecipientFailure> recipientFailures(SendFailedException e) {
        List<RecipientFailure> out = new ArrayList<>();
        for (Exception c = e.getNextException(); c != null; ) {
            if (c instanceof SMTPAddressFailedException af) {
                String reply = redactor.clean(af.getMessage()).strip();
                JobCode code = ReplyClassifier.classify(reply, Stage.RCPT);
                out.add(new RecipientFailure(af.getAddress().toString(), code, reply));
            }
            c = c instanceof MessagingException m ? m.getNextException() : null;
        }
        return out;
    }

    private static List<String> names(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }

    void closeQuietly() { closeQuietly(transport); }

    static void closeQuietly(SMTPTransport t) {
        if (t == null) {
            return;
        }
        try {
            t.close();
        } catch (MessagingException | RuntimeException ignored) {
            // QUIT is a courtesy; the socket is closed either way
        }
    }
}
