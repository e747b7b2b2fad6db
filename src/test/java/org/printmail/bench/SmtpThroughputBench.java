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
 * one run, against the same lab server (GreenMail behind the STARTTLS + XOAUTH2 front). Rounds
 * alternate so drift on a shared machine hits both; the figure is the median per-message time.
 *
 * <p>Run: {@code src/test/bench/smtp-throughput.sh}
 */
public final class SmtpThroughputBench {
    private static final int MESSAGES = 500;
    private static final int ROUNDS = 9;
    private static final String USER = "scanner@contoso.example";
    private static final String TOKEN = "bench-token";
    private static final Path TLS = Path.of("test-fixtures", "tls");

    private SmtpThroughputBench() { }

    public static void main(String[] args) throws Exception {
        TlsTrust trust = TlsTrust.withCaFiles(List.of(TLS.resolve("test-ca.pem")));
        try (LabMailServer lab = LabMailServer.start(TLS.resolve("localhost.p12"), "test-only", 0,
                (u, t) -> USER.equals(u) && TOKEN.equals(t))) {
            List<Double> printmail = new ArrayList<>();
            List<Double> angus = new ArrayList<>();
            runPrintmail(lab, trust, 100); // warm-up both paths
            runAngus(lab, trust, 100);
            for (int r = 0; r < ROUNDS; r++) {
                printmail.add(runPrintmail(lab, trust, MESSAGES));
                angus.add(runAngus(lab, trust, MESSAGES));
            }
            double p = median(printmail);
            double a = median(angus);
            System.out.printf(Locale.ROOT, "messages/round=%d rounds=%d%n", MESSAGES, ROUNDS);
            System.out.printf(Locale.ROOT, "printmail   per message: median %.3f ms  rounds %s%n", p, fmt(printmail));
            System.out.printf(Locale.ROOT, "plain Angus per message: median %.3f ms  rounds %s%n", a, fmt(angus));
            System.out.printf(Locale.ROOT, "ratio printmail/angus = %.3f (goal <= 1.10); connections opened: %d%n",
                    p / a, lab.connectionsAccepted());
        }
    }

    /** Per-message milliseconds for printmail's SmtpMailSender (governor off: it would cap at 30/min). */
    private static double runPrintmail(LabMailServer lab, TlsTrust trust, int n) {
        MailServerSettings s = new MailServerSettings("localhost", lab.port(), SecureConnection.STARTTLS,
                true, Duration.ofSeconds(5), Duration.ofSeconds(10));
        TokenSource tokens = new TokenSource() {
            @Override
            public String accessToken() { return TOKEN; }

            @Override
            public String refreshedAccessToken() { return TOKEN; }
        };
        SmtpAccount account = new SmtpAccount("bench", USER, USER, s, tokens);
        try (SmtpMailSender sender = SmtpMailSender.create(trust, SenderOptions.defaults().withMessagesPerMinute(0))) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sender.send(account, new OutgoingMessage("<p" + i + "@bench>", List.of("bob@contoso.example"),
                        "Scan " + i, "Your scan is attached.", List.of()));
            }
            return (System.nanoTime() - start) / 1e6 / n;
        }
    }

    /** The same messages through one plain Angus transport with the same security settings. */
    private static double runAngus(LabMailServer lab, TlsTrust trust, int n) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.auth", "true");
        p.put("mail.smtp.auth.mechanisms", "XOAUTH2");
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        p.put("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
        p.put("mail.smtp.ssl.socketFactory", trust.socketFactory());
        p.put("mail.smtp.connectiontimeout", "5000");
        p.put("mail.smtp.timeout", "10000");
        Session session = Session.getInstance(p);
        long start = System.nanoTime();
        try (SMTPTransport t = (SMTPTransport) session.getTransport("smtp")) {
            t.connect("localhost", lab.port(), USER, TOKEN);
            for (int i = 0; i < n; i++) {
                MimeMessage m = new MimeMessage(session);
                m.setFrom(new InternetAddress(USER));
                m.setRecipient(Message.RecipientType.TO, new InternetAddress("bob@contoso.example"));
                m.setSubject("Scan " + i, "UTF-8");
                m.setText("Your scan is attached.", "UTF-8");
                m.saveChanges();
                t.sendMessage(m, m.getAllRecipients());
            }
        }
        return (System.nanoTime() - start) / 1e6 / n;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static String fmt(List<Double> xs) {
        return xs.stream().map(x -> String.format(Locale.ROOT, "%.3f", x)).toList().toString();
    }
}
