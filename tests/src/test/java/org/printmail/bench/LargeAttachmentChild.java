package org.printmail.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.printmail.config.MailServerSettings;
import org.printmail.config.SecureConnection;
import org.printmail.smtp.Attachment;
import org.printmail.smtp.OutgoingMessage;
import org.printmail.smtp.SenderOptions;
import org.printmail.smtp.SendReport;
import org.printmail.smtp.SmtpAccount;
import org.printmail.smtp.SmtpMailSender;
import org.printmail.smtp.TokenSource;
import org.printmail.trust.TlsTrust;

/** The sending side of {@link LargeAttachmentBench}, run with -Xmx32m. Args: port, file, CA file. */
public final class LargeAttachmentChild {
    private LargeAttachmentChild() { }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        TlsTrust trust = TlsTrust.withCaFiles(List.of(Path.of(args[2])));
        MailServerSettings s = new MailServerSettings("localhost", port, SecureConnection.STARTTLS, true,
                Duration.ofSeconds(5), Duration.ofSeconds(120));
        TokenSource tokens = new TokenSource() {
            @Override
            public String accessToken() { return LargeAttachmentBench.TOKEN; }

            @Override
            public String refreshedAccessToken() { return LargeAttachmentBench.TOKEN; }
        };
        SmtpAccount account = new SmtpAccount("bench", LargeAttachmentBench.USER, LargeAttachmentBench.USER, s, tokens);
        long size = Files.size(file);
        try (SmtpMailSender sender = SmtpMailSender.create(trust, SenderOptions.defaults().withAttachMaxBytes(0, false))) {
            long start = System.nanoTime();
            SendReport r = sender.send(account, new OutgoingMessage("<large@bench>", LargeAttachmentBench.recipients(),
                    "Large scan", "200 MB attached.", List.of(new Attachment(file, "large-scan.pdf", "application/pdf"))));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "sent %d MB in %.1f s = %.1f MB/s (attachment bytes; %d parts, accepted %s)%n",
                    size >> 20, seconds, (size / 1048576.0) / seconds, r.parts(), r.accepted());
        }
        System.out.printf(Locale.ROOT, "child -Xmx32m max heap %d MB; peak RSS %s%n",
                Runtime.getRuntime().maxMemory() >> 20, peakRss());
    }

    private static String peakRss() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return line.substring(6).trim();
            }
        }
        return "unknown";
    }
}
