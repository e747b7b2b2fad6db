package org.printmail.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.printmail.trust.TlsTrust;

/**
 * The lab mail server with plain Angus Mail as the client: STARTTLS with the test CA, XOAUTH2
 * checked against the validator at AUTH time, Microsoft's reply forms for refusals.
 */
@Timeout(20)
class LabMailServerTest {
    private static final Path TLS = Path.of("test-fixtures", "tls");
    private static final String USER = "scanner@contoso.example";

    private final AdjustableClock clock = AdjustableClock.startingAt("2025-03-01T09:00:00Z");
    /** token -> expiry: the simplest stand-in for the identity platform. */
    private final Map<String, Instant> issued = new ConcurrentHashMap<>();
    private LabMailServer lab;

    @BeforeEach
    void start() {
        issued.put("good-token", clock.instant().plus(Duration.ofMinutes(60)));
        lab = LabMailServer.start(TLS.resolve("localhost.p12"), "test-only", 0,
                (user, token) -> USER.equals(user) && issued.containsKey(token)
                        && clock.instant().isBefore(issued.get(token)), clock);
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    @Test
    void aValidTokenOverStartTlsDeliversTheMessage() throws Exception {
        send("good-token");
        assertTrue(lab.waitForIncoming(1, Duration.ofSeconds(5)));
        MimeMessage got = lab.receivedMessages()[0];
        assertEquals("lab check", got.getSubject());
        assertEquals(USER, got.getFrom()[0].toString());
    }

    @Test
    void anUnknownTokenIsRejectedInMicrosoftsForm() {
        AuthenticationFailedException e = assertThrows(AuthenticationFailedException.class,
                () -> send("made-up-token"));
        assertTrue(e.getMessage().matches("(?s)535 5\\.7\\.3 Authentication unsuccessful \\[\\S+ "
                + "2025-03-01T09:00:00Z [0-9A-F]{16}\\].*"), e.getMessage());
        assertEquals(0, lab.receivedMessages().length);
    }

    @Test
    void anExpiredTokenIsRejectedAtAuthTime() throws Exception {
        send("good-token");
        clock.advance(Duration.ofMinutes(61));
        AuthenticationFailedException e = assertThrows(AuthenticationFailedException.class,
                () -> send("good-token"));
        assertTrue(e.getMessage().startsWith("535 5.7.3 Authentication unsuccessful ["), e.getMessage());
        assertEquals(1, lab.receivedMessages().length);
    }

    @Test
    void nothingButStartTlsIsOfferedBeforeTlsAndMailBeforeAuthIsRefused() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), lab.port())) {
            s.setSoTimeout(5_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            assertTrue(in.readLine().startsWith("220 localhost Microsoft ESMTP MAIL Service ready"));
            out.write("EHLO printer\r\n".getBytes(StandardCharsets.US_ASCII));
            List<String> ehlo = readReply(in);
            assertTrue(ehlo.contains("250-STARTTLS"), ehlo.toString());
            assertTrue(ehlo.stream().noneMatch(l -> l.contains("AUTH")), ehlo.toString());
            out.write("MAIL FROM:<scanner@contoso.example>\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals("530 5.7.57 Client not authenticated to send mail.", in.readLine());
            out.write("AUTH XOAUTH2 dXNlcj0=\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals("504 5.7.4 Unrecognized authentication type", in.readLine());
        }
    }

    @Test
    void theXoauth2PayloadParserReadsUserAndBearerToken() {
        String b64 = java.util.Base64.getEncoder().encodeToString(
                "user=a@b\u0001auth=Bearer t0k\u0001\u0001".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("a@b", "t0k"), List.of(LabMailServerSession.parseXoauth2(b64)));
        assertEquals(null, LabMailServerSession.parseXoauth2("%%%not-base64"));
    }

    private static List<String> readReply(BufferedReader in) throws Exception {
        List<String> lines = new java.util.ArrayList<>();
        String l;
        do {
            l = in.readLine();
            lines.add(l);
        } while (l.charAt(3) == '-');
        return lines;
    }

    private void send(String token) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.auth", "true");
        p.put("mail.smtp.auth.mechanisms", "XOAUTH2");
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        p.put("mail.smtp.ssl.socketFactory",
                TlsTrust.withCaFiles(List.of(TLS.resolve("test-ca.pem"))).socketFactory());
        p.put("mail.smtp.connectiontimeout", "3000");
        p.put("mail.smtp.timeout", "3000");
        Session session = Session.getInstance(p);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(USER));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("bob@contoso.example"));
        m.setSubject("lab check");
        m.setText("hello");
        m.saveChanges();
        try (Transport t = session.getTransport("smtp")) {
            t.connect("localhost", lab.port(), USER, token);
            t.sendMessage(m, m.getAllRecipients());
        }
    }
}
