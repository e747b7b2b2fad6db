package org.printmail.smtp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.printmail.threads.DaemonThreads;
import org.printmail.trust.TlsTrust;

/**
 * A real SMTP server on a loopback socket whose every reply is scripted: Exchange's exact reply
 * strings at the step Exchange sends them, plus misbehaviour (tarpit, garbage, dropped
 * connection). Speaks EHLO, STARTTLS (server certificate from a PKCS#12 fixture), AUTH XOAUTH2,
 * MAIL, RCPT, DATA, RSET, NOOP, QUIT. Records every command line it received.
 */
public final class ScriptedSmtpServer implements AutoCloseable {
    enum Step { GREETING, EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA, END_OF_DATA }

    /** What the server does at a step instead of its normal reply. */
    sealed interface Action permits Reply, Tarpit, Garbage, Drop { }

    record Reply(String text) implements Action { }

    /** Answers after the delay (longer than the client's read timeout). */
    record Tarpit(Duration delay) implements Action { }

    record Garbage(String line) implements Action { }

    /** Closes the connection; at DATA after reading the first kilobyte of the message. */
    record Drop() implements Action { }

    private final ServerSocket listener;
    private final SSLContext tls;
    private final boolean offerStartTls;
    private final boolean implicitTls;
    private final Map<Step, Action> actions;
    private final Function<String, String> authReply;
    private final Map<String, String> rcptReplies;
    private final Duration endOfDataDelay;
    private final boolean dropAfterChallenge;
    private final boolean closeAfterMessage;
    private final java.util.function.IntFunction<String> mailReplies;
    private final AtomicInteger mails = new AtomicInteger();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.ThreadFactory sessionThreads =
            DaemonThreads.factory("scripted-smtp-session");
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger maxActive = new AtomicInteger();
    private volatile boolean closed;

    private ScriptedSmtpServer(Builder b) throws IOException {
        this.tls = serverContext(b.keystore);
        this.offerStartTls = b.offerStartTls;
        this.implicitTls = b.implicitTls;
        this.actions = new EnumMap<>(b.actions);
        this.authReply = b.authReply;
        this.rcptReplies = new HashMap<>(b.rcptReplies);
        this.endOfDataDelay = b.endOfDataDelay;
        this.dropAfterChallenge = b.dropAfterChallenge;
        this.closeAfterMessage = b.closeAfterMessage;
        this.mailReplies = b.mailReplies;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = DaemonThreads.factory("scripted-smtp-accept").newThread(this::acceptLoop);
        threads.add(acceptor);
        acceptor.start();
    }

    public static Builder script() { return new Builder(); }

    public int port() { return listener.getLocalPort(); }

    /** Every command line received, in order (AUTH lines hold the client's payload). */
    List<String> commands() { return Collections.unmodifiableList(commands); }

    boolean received(String verb) {
        return commands.stream().anyMatch(c -> c.toUpperCase(Locale.ROOT).startsWith(verb));
    }

    public List<String> messages() { return Collections.unmodifiableList(messages); }

    int connections() { return connections.get(); }

    public int maxConcurrentConnections() { return maxActive.get(); }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // best effort
            }
        }
        for (Thread t : threads) {
            t.interrupt();
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = listener.accept();
                open.add(s);
                connections.incrementAndGet();
                Thread t = sessionThreads.newThread(() -> serve(s));
                threads.add(t);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket plain) {
        maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
        try (Session s = new Session(plain)) {
            s.run();
        } catch (IOException | InterruptedException e) {
            // client left, handshake failed or the server is closing
        } finally {
            active.decrementAndGet();
            open.remove(plain);
        }
    }

    private final class Session implements AutoCloseable {
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private boolean secure;

        Session(Socket plain) throws IOException {
            use(plain);
        }

        void run() throws IOException, InterruptedException {
            socket.setSoTimeout(10_000);
            if (implicitTls) {
                startTls();
            }
            if (!act(Step.GREETING, "220 scripted.outlook.office365.com Microsoft ESMTP MAIL Service ready")) {
                return;
            }
            for (String line = readLine(); line != null; line = readLine()) {
                commands.add(line);
                String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                boolean goOn = switch (verb) {
                    case "EHLO" -> act(Step.EHLO, ehloReply());
                    case "STARTTLS" -> {
                        boolean ok = act(Step.STARTTLS, "220 2.0.0 SMTP server ready");
                        if (ok) {
                            startTls();
                        }
                        yield ok;
                    }
                    case "AUTH" -> auth(line);
                    case "MAIL" -> {
                        String scripted = mailReplies.apply(mails.incrementAndGet());
                        yield scripted != null ? reply(scripted) : act(Step.MAIL, "250 2.1.0 Sender OK");
                    }
                    case "RCPT" -> act(Step.RCPT, rcptReplies.getOrDefault(addressOf(line),
                            "250 2.1.5 Recipient OK"));
                    case "DATA" -> data();
                    case "QUIT" -> {
                        reply("221 2.0.0 Service closing transmission channel");
                        yield false;
                    }
                    case "RSET" -> reply("250 2.0.0 Resetting");
                    case "NOOP" -> reply("250 2.0.0 OK");
                    default -> reply("500 5.3.3 Unrecognized command");
                };
                if (!goOn) {
                    return;
                }
            }
        }

        private String ehloReply() {
            String auth = secure || !offerStartTls ? "250-AUTH LOGIN XOAUTH2\r\n" : "";
            String starttls = offerStartTls && !secure ? "250-STARTTLS\r\n" : "";
            return "250-scripted.outlook.office365.com Hello [127.0.0.1]\r\n250-SIZE 157286400\r\n"
                    + "250-PIPELINING\r\n250-ENHANCEDSTATUSCODES\r\n" + starttls + auth + "250 8BITMIME";
        }

        /**
         * A scripted {@code 334} is an error challenge (RFC 7628 3.2.2): the client's answer is
         * read and recorded; an empty line gets the final refusal, anything else a syntax error.
         */
        private boolean auth(String line) throws IOException, InterruptedException {
            String scripted = authReply.apply(tokenOf(line));
            if (!scripted.startsWith("334 ") || actions.containsKey(Step.AUTH)) {
                return act(Step.AUTH, scripted);
            }
            reply(scripted);
            String answer = readLine();
            if (answer == null) {
                return false;
            }
            commands.add(answer);
            if (dropAfterChallenge) {
                return false;
            }
            return reply(answer.isEmpty() ? "535 5.7.8 Username and Password not accepted."
                    : "501 5.5.2 Cannot Decode response");
        }

        private boolean data() throws IOException, InterruptedException {
            Action a = actions.get(Step.DATA);
            if (a instanceof Drop) {
                reply("354 Start mail input; end with <CRLF>.<CRLF>");
                in.readNBytes(1024);
                return false;
            }
            if (!act(Step.DATA, "354 Start mail input; end with <CRLF>.<CRLF>")) {
                return false;
            }
            ByteArrayOutputStream msg = new ByteArrayOutputStream();
            for (String line = readLine(); line != null && !line.equals("."); line = readLine()) {
                if (msg.size() < 1_000_000) {
                    msg.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            messages.add(msg.toString(StandardCharsets.UTF_8));
            if (!endOfDataDelay.isZero()) {
                Thread.sleep(endOfDataDelay.toMillis());
            }
            boolean goOn = act(Step.END_OF_DATA, "250 2.0.0 OK <scripted@outlook.office365.com> [Hostname=SCRIPTED]");
            return goOn && !closeAfterMessage;
        }

        /** Performs the scripted action for the step (or the normal reply); false ends the session. */
        private boolean act(Step step, String normal) throws IOException, InterruptedException {
            Action a = actions.getOrDefault(step, new Reply(normal));
            if (a instanceof Reply r) {
                return reply(r.text());
            }
            if (a instanceof Tarpit t) {
                Thread.sleep(t.delay().toMillis());
                return reply(normal);
            }
            if (a instanceof Garbage g) {
                return reply(g.line());
            }
            return false;
        }

        private boolean reply(String text) throws IOException {
            out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        }

        private void startTls() throws IOException {
            SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(socket, "localhost",
                    socket.getLocalPort(), true);
            ssl.setUseClientMode(false);
            open.add(ssl);
            ssl.startHandshake();
            use(ssl);
            secure = true;
        }

        private void use(Socket s) throws IOException {
            socket = s;
            in = new BufferedInputStream(s.getInputStream());
            out = s.getOutputStream();
        }

        private String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b == '\n') {
                    String s = line.toString(StandardCharsets.UTF_8);
                    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                }
                line.write(b);
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            open.remove(socket);
            socket.close();
        }
    }

    /** The bearer token inside an {@code AUTH XOAUTH2 <base64>} line, or "" when absent. */
    static String tokenOf(String authLine) {
        String[] parts = authLine.trim().split("\\s+");
        if (parts.length < 3) {
            return "";
        }
        String decoded = new String(Base64.getDecoder().decode(parts[2]), StandardCharsets.UTF_8);
        for (String f : decoded.split("\u0001")) {
            if (f.startsWith("auth=Bearer ")) {
                return f.substring(12);
            }
        }
        return "";
    }

    private static String addressOf(String rcptLine) {
        int lt = rcptLine.indexOf('<');
        int gt = rcptLine.indexOf('>');
        return lt >= 0 && gt > lt ? rcptLine.substring(lt + 1, gt) : rcptLine;
    }

    /** The TEST-ONLY keystores in {@code test-fixtures/tls/} share this password. */
    private static final String TEST_KEYSTORE_PASSWORD = "test-only";

    private static Path testKeystore(String name) {
        return Path.of("test-fixtures", "tls", name);
    }

    private static SSLContext serverContext(Path keystore) throws IOException {
        return TlsTrust.serverContext(keystore, TEST_KEYSTORE_PASSWORD.toCharArray());
    }


    public static final class Builder {
        private Path keystore = testKeystore("localhost.p12");
        private boolean offerStartTls = true;
        private boolean implicitTls;
        private final Map<Step, Action> actions = new EnumMap<>(Step.class);
        private Function<String, String> authReply = token -> "235 2.7.0 Authentication successful";
        private final Map<String, String> rcptReplies = new HashMap<>();
        private Duration endOfDataDelay = Duration.ZERO;
        private boolean closeAfterMessage;
        private boolean dropAfterChallenge;
        private java.util.function.IntFunction<String> mailReplies = n -> null;

        public Builder keystore(String fixture) {
            keystore = testKeystore(fixture);
            return this;
        }

        Builder withoutStartTls() {
            offerStartTls = false;
            return this;
        }

        Builder implicitTls() {
            implicitTls = true;
            return this;
        }

        Builder at(Step step, Action action) {
            actions.put(step, action);
            return this;
        }

        Builder reply(Step step, String text) { return at(step, new Reply(text)); }

        /** The AUTH reply as a function of the bearer token the client sent. */
        Builder auth(Function<String, String> replyForToken) {
            authReply = replyForToken;
            return this;
        }

        public Builder rcpt(String address, String reply) {
            rcptReplies.put(address, reply);
            return this;
        }

        Builder endOfDataDelay(Duration delay) {
            endOfDataDelay = delay;
            return this;
        }

        /** Closes the connection after the client's answer to an error challenge, without 535. */
        Builder dropAfterChallenge() {
            dropAfterChallenge = true;
            return this;
        }

        /** Closes each connection after one message, as a server dropping idle clients would. */
        Builder closeAfterMessage() {
            closeAfterMessage = true;
            return this;
        }

        /** The reply to the n-th MAIL FROM (1-based, counted over all connections); null = normal. */
        public Builder mailReplies(java.util.function.IntFunction<String> replyForMailNumber) {
            mailReplies = replyForMailNumber;
            return this;
        }

        public ScriptedSmtpServer start() throws IOException { return new ScriptedSmtpServer(this); }
    }

}
