package org.printmail.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.printmail.config.MailServerSettings;
import org.printmail.config.SecureConnection;
import org.printmail.smtp.Attachment;
import org.printmail.smtp.OutgoingMessage;
import org.printmail.smtp.SenderOptions;
import org.printmail.smtp.SmtpAccount;
import org.printmail.smtp.SmtpMailSender;
import org.printmail.smtp.TokenSource;
import org.printmail.trust.TlsTrust;

/**
 * One measured run of {@link RealServerBench}, in a fresh JVM at {@code -Xmx32m}: either
 * printmail's sender or plain Angus Mail (same security settings: STARTTLS required, TLS 1.2+,
 * certificate and host-name checks, XOAUTH2, connect and read timeouts; one connection) sends
 * {@code count} messages with the file attached. Prints one line: {@code RESULT side seconds
 * peakRssKb}.
 *
 * <p>Args: {@code printmail|angus|angus-wt port user token file count caFile}; {@code angus-wt}
 * is plain Angus with a write timeout on the same kind of executor as printmail's.
 */
public final class RealServerBenchChild {
    private static final String TO = "bench@contoso.example";

    private RealServerBenchChild() { }

    public static void main(String[] args) throws Exception {
        String side = args[0];
        int port = Integer.parseInt(args[1]);
        String user = args[2];
        String token = args[3];
        Path file = Path.of(args[4]);
        int count = Integer.parseInt(args[5]);
        TlsTrust trust = TlsTrust.withCaFiles(List.of(Path.of(args[6])));
        double seconds = "printmail".equals(side)
                ? printmail(trust, port, user, token, file, count)
                : angus(side, trust, port, user, token, file, count);
        System.out.printf(Locale.ROOT, "RESULT %s %.4f %d%n", side, seconds, peakRssKb());
    }

    private static double printmail(TlsTrust trust, int port, String user, String token, Path file,
                                    int count) {
        MailServerSettings s = new MailServerSettings("localhost", port, SecureConnection.STARTTLS, true,
                Duration.ofSeconds(5), Duration.ofSeconds(120));
        TokenSource tokens = new TokenSource() {
            @Override
            public String accessToken() { return token; }

            @Override
            public String refreshedAccessToken() { return token; }
        };
        SmtpAccount account = new SmtpAccount("bench", user, user, s, tokens);
        SenderOptions options = SenderOptions.defaults().withAttachMaxBytes(0, false).withMessagesPerMinute(0);
        try (SmtpMailSender sender = SmtpMailSender.create(trust, options)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                sender.send(account, new OutgoingMessage("<p" + i + "@bench>", List.of(TO), "Scan " + i,
                        "Your scan is attached.", List.of(new Attachment(file, "scan.pdf", "application/pdf"))));
            }
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    private static double angus(String side, TlsTrust trust, int port, String user, String token,
                                Path file, int count) throws Exception {
        java.util.Properties props = SmtpThroughputBench.plainAngusProperties(trust, 120_000);
        java.util.concurrent.ScheduledThreadPoolExecutor timer = null;
        if ("angus-wt".equals(side)) { // plain Angus with printmail's write timeout, to split the cost
            timer = new java.util.concurrent.ScheduledThreadPoolExecutor(1,
                    org.printmail.threads.DaemonThreads.factory("bench-write-timeout"));
            timer.setRemoveOnCancelPolicy(true);
            timer.scheduleAtFixedRate(() -> { }, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
            props.put("mail.smtp.writetimeout", "120000");
            props.put("mail.smtp.executor.writetimeout", timer);
        }
        Session session = Session.getInstance(props);
        long t0 = System.nanoTime();
        try (SMTPTransport t = (SMTPTransport) session.getTransport("smtp")) {
            t.connect("localhost", port, user, token);
            for (int i = 0; i < count; i++) {
                MimeMessage m = new MimeMessage(session);
                m.setFrom(new InternetAddress(user));
                m.setRecipient(Message.RecipientType.TO, new InternetAddress(TO));
                m.setSubject("Scan " + i, "UTF-8");
                MimeMultipart mixed = new MimeMultipart();
                MimeBodyPart text = new MimeBodyPart();
                text.setText("Your scan is attached.", "UTF-8");
                mixed.addBodyPart(text);
                MimeBodyPart a = new MimeBodyPart();
                a.setDataHandler(new DataHandler(new FileDataSource(file.toFile())));
                a.setFileName("scan.pdf");
                a.setHeader("Content-Type", "application/pdf; name=scan.pdf");
                a.setHeader("Content-Transfer-Encoding", "base64");
                mixed.addBodyPart(a);
                m.setContent(mixed);
                m.saveChanges();
                t.sendMessage(m, m.getAllRecipients());
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static long peakRssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }
}
