package org.printmail.smtp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.printmail.config.MailServerSettings;
import org.printmail.config.SecureConnection;
import org.printmail.lab.AdjustableClock;
import org.printmail.trust.TlsTrust;

/** Shared test material: the TEST-ONLY TLS files, short timeouts, accounts. */
final class SmtpFixtures {
    static final Path TLS = Path.of("test-fixtures", "tls");
    static final Path SAMPLE_PDF = Path.of("test-fixtures", "scans", "smtp-sample.pdf");
    static final String PASSWORD = "test-only";
    static final String USER = "scanner@contoso.example";
    static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJub25jZSI6InRlc3Qtb25seS1hY2Nlc3MtdG9rZW4ifQ.first";
    static final String FRESH_TOKEN = "eyJ0eXAiOiJKV1QiLCJub25jZSI6InRlc3Qtb25seS1hY2Nlc3MtdG9rZW4ifQ.fresh";

    private SmtpFixtures() { }

    static Path keystore(String name) { return TLS.resolve(name); }

    static TlsTrust testCaTrust() { return TlsTrust.withCaFiles(List.of(TLS.resolve("test-ca.pem"))); }

    static MailServerSettings settings(int port, Duration readTimeout) {
        return new MailServerSettings("localhost", port, SecureConnection.STARTTLS, true,
                Duration.ofSeconds(2), readTimeout);
    }

    static MailServerSettings settings(int port) { return settings(port, Duration.ofSeconds(3)); }

    static SmtpAccount account(MailServerSettings server, TokenSource tokens) {
        return new SmtpAccount("mailbox-1", USER, USER, server, tokens);
    }

    static SenderOptions options(AdjustableClock clock) {
        return SenderOptions.defaults().withTime(clock, clock::advance);
    }

    static OutgoingMessage message(String id, String... to) {
        return new OutgoingMessage(id, List.of(to), "Scan from MFP", "Your scan is attached.", List.of());
    }

    /** Our own threads still alive (sender, lab, scripted server); none may outlive a test. */
    static Set<String> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("smtp-") || n.startsWith("scripted-smtp") || n.startsWith("lab-smtp"))
                .collect(Collectors.toSet());
    }

    /** Closes the sender and the server (if any) and checks that none of our threads lives on. */
    static void closeLeavingNoThreads(SmtpMailSender sender, ScriptedSmtpServer server)
            throws InterruptedException {
        sender.close();
        if (server != null) {
            server.close();
        }
        awaitNoLiveThreads();
        if (!liveThreads().isEmpty()) {
            throw new AssertionError("threads outlived the test: " + liveThreads());
        }
    }

    static void awaitNoLiveThreads() throws InterruptedException {
        for (int i = 0; i < 100 && !liveThreads().isEmpty(); i++) {
            Thread.sleep(20);
        }
    }
}
