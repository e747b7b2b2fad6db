package org.printmail.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.printmail.config.MailServerSettings;
import org.printmail.config.SecureConnection;
import org.printmail.lab.LabMailServer;
import org.printmail.smtp.OutgoingMessage;
import org.printmail.smtp.SenderOptions;
import org.printmail.smtp.SmtpAccount;
import org.printmail.smtp.SmtpMailSender;
import org.printmail.smtp.TokenSource;
import org.printmail.trust.TlsTrust;

/**
 * 500 small messages over one connection: printmail's sender vs plain Angus Mail, side by side in
 * one run, against the same lab server (GreenMail behind the STARTTLS + XOAUTH2 front), each
 * over its one connection. Messages alternate one by one so drift on a shared machine hits both;
 * the figure is the ratio of the per-message medians (robust to preemption on a busy machine).
 *
 * <p>Run: {@code tests/src/test/bench/smtp-throughput.sh}
 */
public final class SmtpThroughputBench {
    private static final int MESSAGES = 500;
    private static final int ROUNDS = 7;
    private static final String USER = "scanner@contoso.example";
    private static final String TOKEN = "bench-token";
    private static final Path TLS = Path.of("test-fixtures", "tls");

    private SmtpThroughputBench() { }

    public static void main(String[] args) throws Exception {
        TlsTrust trust = TlsTrust.withCaFiles(List.of(TLS.resolve("test-ca.pem")));
        try (LabMailServer lab = LabMailServer.start(TLS.resolve("localhost.p12"), "test-only", 0,
                (u, t) -> USER.equals(u) && TOKEN.equals(t));
             SmtpMailSender sender = SmtpMailSender.create(trust,
                     SenderOptions.defaults().withMessagesPerMinute(0)); // the governor would cap at 30/min
             SMTPTransport angus = angusTransport(trust)) {
            SmtpAccount account = account(lab);
            Session session = angusSession(trust);
            angus.connect("localhost", lab.port(), USER, TOKEN);
            round(sender, account, angus, session, 200, new ArrayList<>(), new ArrayList<>()); // warm-up
            List<Double> ratios = new ArrayList<>();
            List<Long> allPrintmail = new ArrayList<>();
            List<Long> allAngus = new ArrayList<>();
            for (int r = 0; r < ROUNDS; r++) {
                List<Long> p = new ArrayList<>();
                List<Long> a = new ArrayList<>();
                round(sender, account, angus, session, MESSAGES, p, a);
                ratios.add(medianNanos(p) / medianNanos(a));
                allPrintmail.addAll(p);
                allAngus.addAll(a);
            }
            System.out.printf(Locale.ROOT, "messages/round=%d rounds=%d, interleaved one by one%n", MESSAGES, ROUNDS);
            System.out.printf(Locale.ROOT, "printmail   per message: median %.3f ms, mean %.3f ms%n",
                    medianNanos(allPrintmail) / 1e6, mean(allPrintmail) / 1e6);
            System.out.printf(Locale.ROOT, "plain Angus per message: median %.3f ms, mean %.3f ms%n",
                    medianNanos(allAngus) / 1e6, mean(allAngus) / 1e6);
            System.out.printf(Locale.ROOT, "ratio of medians printmail/angus: %.3f (goal <= 1.10); per round %s;"
                    + " ratio of means %.3f; connections opened: %d (1 printmail + 1 Angus expected)%n",
                    medianNanos(allPrintmail) / medianNanos(allAngus), fmt(ratios),
                    mean(allPrintmail) / mean(allAngus), lab.connectionsAccepted());
        }
    }

    /**
     * Sends n messages through each path, alternating message by message (and which goes first)
     * so load from other processes hits both alike; records each message's nanoseconds.
     */
    private static void round(SmtpMailSender sender, SmtpAccount account, SMTPTransport angus,
                              Session session, int n, List<Long> printmail, List<Long> plain) throws Exception {
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) {
                printmail.add(timePrintmail(sender, account, i));
                plain.add(timeAngus(angus, session, i));
            } else {
                plain.add(timeAngus(angus, session, i));
                printmail.add(timePrintmail(sender, account, i));
            }
        }
    }

    private static long timePrintmail(SmtpMailSender sender, SmtpAccount account, int i) {
        long t0 = System.nanoTime();
        sender.send(account, new OutgoingMessage("<p" + i + "@bench>", List.of("bob@contoso.example"),
                "Scan " + i, "Your scan is attached.", List.of()));
        return System.nanoTime() - t0;
    }

    private static long timeAngus(SMTPTransport angus, Session session, int i) throws Exception {
        long t0 = System.nanoTime();
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(USER));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("bob@contoso.example"));
        m.setSubject("Scan " + i, "UTF-8");
        m.setText("Your scan is attached.", "UTF-8");
        m.saveChanges();
        angus.sendMessage(m, m.getAllRecipients());
        return System.nanoTime() - t0;
    }

    private static SmtpAccount account(LabMailServer lab) {
        MailServerSettings s = new MailServerSettings("localhost", lab.port(), SecureConnection.STARTTLS,
                true, Duration.ofSeconds(5), Duration.ofSeconds(10));
        TokenSource tokens = new TokenSource() {
            @Override
            public String accessToken() { return TOKEN; }

            @Override
            public String refreshedAccessToken() { return TOKEN; }
        };
        return new SmtpAccount("bench", USER, USER, s, tokens);
    }

    /** Plain Angus with the same security settings: STARTTLS required, TLS 1.2+, host check, XOAUTH2. */
    private static Session angusSession(TlsTrust trust) {
        Properties p = plainAngusProperties(trust, 10_000);
        if (Boolean.getBoolean("bench.angusWriteTimeout")) {
            p.put("mail.smtp.writetimeout", "10000");
        }
        return Session.getInstance(p);
    }

    /** Plain Angus's settings in every bench: printmail's security settings, no write timeout. */
    static Properties plainAngusProperties(TlsTrust trust, int readTimeoutMillis) {
        Properties p = new Properties();
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.auth", "true");
        p.put("mail.smtp.auth.mechanisms", "XOAUTH2");
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        p.put("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
        p.put("mail.smtp.ssl.socketFactory", trust.socketFactory());
        p.put("mail.smtp.connectiontimeout", "5000");
        p.put("mail.smtp.timeout", String.valueOf(readTimeoutMillis));
        return p;
    }

    private static SMTPTransport angusTransport(TlsTrust trust) throws Exception {
        return (SMTPTransport) angusSession(trust).getTransport("smtp");
    }

    private static double medianNanos(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static double mean(List<Long> xs) {
        return xs.stream().mapToLong(Long::longValue).average().orElse(0);
    }

    private static String fmt(List<Double> xs) {
        return xs.stream().map(x -> String.format(Locale.ROOT, "%.3f", x)).toList().toString();
    }
}
