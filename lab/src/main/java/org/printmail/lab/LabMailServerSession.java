package org.printmail.lab;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One client connection of the {@link LabMailServer}: greeting, EHLO, STARTTLS, TLS, AUTH
 * XOAUTH2 (validated, Microsoft's reply forms), then a byte relay to GreenMail.
 */
final class LabMailServerSession implements AutoCloseable {
    private static final int MAX_LINE = 16 * 1024;
    private static final int IDLE_TIMEOUT_MILLIS = 60_000;
    private static final String NOT_AUTHENTICATED = "530 5.7.57 Client not authenticated to send mail.";
    private static final String UNKNOWN_MECHANISM = "504 5.7.4 Unrecognized authentication type";

    private final Socket client;
    private final SSLContext tls;
    private final AccessTokenValidator validator;
    private final Clock clock;
    private final String host;
    private final int innerPort;
    private final Set<Socket> open;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private Socket inner;
    private String heloName = "client";
    private final java.util.function.BooleanSupplier smtpAuthOff;

    LabMailServerSession(Socket client, SSLContext tls, AccessTokenValidator validator, Clock clock,
                         String host, int innerPort, Set<Socket> open,
                         java.util.function.BooleanSupplier smtpAuthOff) {
        this.smtpAuthOff = smtpAuthOff;
        this.client = client;
        this.tls = tls;
        this.validator = validator;
        this.clock = clock;
        this.host = host;
        this.innerPort = innerPort;
        this.open = open;
    }

    void run() {
        try {
            client.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            use(client);
            reply("220 " + host + " Microsoft ESMTP MAIL Service ready at " + clock.instant()
                    + " (printmail lab)");
            if (plainPhase() && securePhase()) {
                relay();
            }
        } catch (IOException e) {
            // client went away, timed out or failed the handshake: nothing to report to anyone
        }
    }

    /** Before STARTTLS: only EHLO, STARTTLS and housekeeping. True when TLS is up. */
    private boolean plainPhase() throws IOException {
        for (String line = readLine(); line != null; line = readLine()) {
            switch (verb(line)) {
                case "EHLO" -> ehlo(line, "250-STARTTLS");
                case "HELO" -> reply("250 " + host + " Hello");
                case "STARTTLS" -> {
                    reply("220 2.0.0 SMTP server ready");
                    SSLSocket ssl = (SSLSocket) tls.getSocketFactory()
                            .createSocket(client, host, client.getLocalPort(), true);
                    ssl.setUseClientMode(false);
                    ssl.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                    open.add(ssl);
                    ssl.startHandshake();
                    use(ssl);
                    return true;
                }
                case "AUTH" -> reply(UNKNOWN_MECHANISM);
                case "MAIL", "RCPT", "DATA" -> reply(NOT_AUTHENTICATED);
                default -> {
                    if (housekeeping(line)) {
                        return false;
                    }
                }
            }
        }
        return false;
    }

    /** After STARTTLS: EHLO and AUTH. True once the client authenticated. */
    private boolean securePhase() throws IOException {
        for (String line = readLine(); line != null; line = readLine()) {
            switch (verb(line)) {
                case "EHLO" -> ehlo(line, "250-AUTH LOGIN XOAUTH2");
                case "HELO" -> reply("250 " + host + " Hello");
                case "STARTTLS" -> reply("503 5.5.2 Only one STARTTLS command can be issued per session");
                case "AUTH" -> {
                    if (authenticate(line)) {
                        return true;
                    }
                }
                case "MAIL", "RCPT", "DATA" -> reply(NOT_AUTHENTICATED);
                default -> {
                    if (housekeeping(line)) {
                        return false;
                    }
                }
            }
        }
        return false;
    }

    private boolean authenticate(String line) throws IOException {
        String[] parts = line.trim().split("\\s+");
        if (parts.length < 2 || !parts[1].equalsIgnoreCase("XOAUTH2")) {
            reply(UNKNOWN_MECHANISM);
            return false;
        }
        String payload = parts.length > 2 ? parts[2] : null;
        if (payload == null) {
            reply("334 ");
            payload = readLine();
            if (payload == null) {
                return false;
            }
        }
        String[] userAndToken = parseXoauth2(payload.trim());
        if (smtpAuthOff.getAsBoolean()) {
            // Exchange Online's answer when the tenant keeps SMTP AUTH switched off (fact sheet 6).
            reply("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the"
                    + " Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [LAB01.printmail.lab "
                    + clock.instant() + "]");
            return false;
        }
        if (userAndToken != null && validator.isValid(userAndToken[0], userAndToken[1])) {
            reply("235 2.7.0 Authentication successful");
            return true;
        }
        reply("535 5.7.3 Authentication unsuccessful [LAB01.printmail.lab " + clock.instant() + " "
                + HexFormat.of().withUpperCase().toHexDigits(ThreadLocalRandom.current().nextLong()) + "]");
        return false;
    }

    /** {@code user=U^Aauth=Bearer T^A^A}, base64; null when malformed. */
    static String[] parseXoauth2(String base64) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String user = null;
        String token = null;
        for (String field : decoded.split("\u0001")) {
            if (field.startsWith("user=")) {
                user = field.substring(5);
            } else if (field.regionMatches(true, 0, "auth=Bearer ", 0, 12)) {
                token = field.substring(12);
            }
        }
        return user == null || token == null || token.isEmpty() ? null : new String[] {user, token};
    }

    private void ehlo(String line, String securityLine) throws IOException {
        String[] parts = line.trim().split("\\s+", 2);
        heloName = parts.length > 1 ? parts[1] : "client";
        reply("250-" + host + " Hello [" + client.getInetAddress().getHostAddress() + "]\r\n"
                + "250-SIZE 157286400\r\n"
                + "250-ENHANCEDSTATUSCODES\r\n"
                + securityLine + "\r\n"
                + "250 8BITMIME");
    }

    /** NOOP, RSET, QUIT and unknown commands; true when the session ends. */
    private boolean housekeeping(String line) throws IOException {
        switch (verb(line)) {
            case "QUIT" -> {
                reply("221 2.0.0 Service closing transmission channel");
                return true;
            }
            case "NOOP" -> reply("250 2.0.0 OK");
            case "RSET" -> reply("250 2.0.0 Resetting");
            default -> reply("500 5.3.3 Unrecognized command");
        }
        return false;
    }

    /** Hands the authenticated session to GreenMail: its greeting and EHLO reply are consumed here. */
    private void relay() throws IOException {
        inner = new Socket();
        open.add(inner);
        inner.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), innerPort), 5_000);
        inner.setSoTimeout(IDLE_TIMEOUT_MILLIS);
        InputStream innerIn = new BufferedInputStream(inner.getInputStream());
        OutputStream innerOut = inner.getOutputStream();
        readReply(innerIn);
        innerOut.write(("EHLO " + heloName + "\r\n").getBytes(StandardCharsets.US_ASCII));
        innerOut.flush();
        readReply(innerIn);
        Thread back = LabMailServer.daemonThreads("lab-smtp-relay").newThread(() -> pipe(innerIn, out));
        back.start();
        pipe(in, innerOut);
        LabMailServer.closeQuietly(inner);
        try {
            back.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pipe(InputStream from, OutputStream to) {
        byte[] buf = new byte[16 * 1024];
        try {
            for (int n = from.read(buf); n >= 0; n = from.read(buf)) {
                to.write(buf, 0, n);
                if (from.available() == 0) {
                    to.flush();
                }
            }
            to.flush();
        } catch (IOException e) {
            // one side closed; close() ends the other
        } finally {
            LabMailServer.closeQuietly(inner);
            LabMailServer.closeQuietly(socket);
        }
    }

    private static void readReply(InputStream from) throws IOException {
        for (String line = readLine(from); ; line = readLine(from)) {
            if (line == null) {
                throw new IOException("lab relay: GreenMail closed the connection");
            }
            if (line.length() < 4 || line.charAt(3) != '-') {
                return;
            }
        }
    }

    private void use(Socket s) throws IOException {
        socket = s;
        in = new BufferedInputStream(s.getInputStream());
        out = s.getOutputStream();
    }

    private String readLine() throws IOException { return readLine(in); }

    private static String readLine(InputStream from) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int b = from.read(); b >= 0; b = from.read()) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.UTF_8);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("line too long");
            }
            line.write(b);
        }
        return null;
    }

    private static String verb(String line) {
        String t = line.trim();
        int space = t.indexOf(' ');
        return (space < 0 ? t : t.substring(0, space)).toUpperCase(Locale.ROOT);
    }

    private void reply(String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        if (socket != null) {
            open.remove(socket);
        }
        if (inner != null) {
            open.remove(inner);
        }
        LabMailServer.closeQuietly(inner);
        LabMailServer.closeQuietly(socket);
        LabMailServer.closeQuietly(client);
    }
}
