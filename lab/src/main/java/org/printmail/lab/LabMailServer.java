package org.printmail.lab;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/**
 * The lab's stand-in for Exchange Online's submission endpoint: SMTP with STARTTLS (TLS 1.2+),
 * {@code AUTH XOAUTH2} checked against an {@link AccessTokenValidator} at AUTH time, and
 * Microsoft's reply forms ({@code 535 5.7.3 Authentication unsuccessful [...]}, {@code 530 5.7.57
 * Client not authenticated to send mail.}). Accepted messages land in GreenMail.
 *
 * <p>Why a front end: GreenMail 2.1.13's SMTP has no STARTTLS command (upstream issue #135 is
 * open; only implicit TLS via a JVM-wide keystore property), answers every failed AUTH with its
 * own {@code 535 5.7.8} and checks XOAUTH2 bearer tokens as user passwords. So this class speaks
 * the greeting, EHLO, STARTTLS, TLS and AUTH itself, and once a client is authenticated relays
 * the rest of the session (MAIL, RCPT, DATA, QUIT) byte for byte to a GreenMail SMTP service on
 * an ephemeral loopback port. That inner port has no authentication of its own: it is reachable
 * from this machine only, which is acceptable for a loopback lab and nothing else.
 */
public final class LabMailServer implements AutoCloseable {
    /** The host name the lab's certificate is issued for. */
    public static final String HOST = "localhost";

    private final GreenMail greenMail;
    private final ServerSocket listener;
    private final SSLContext tls;
    private final AccessTokenValidator validator;
    private final Clock clock;
    private final ExecutorService sessions;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean closed;
    private volatile boolean smtpAuthDisabled;

    private LabMailServer(GreenMail greenMail, ServerSocket listener, SSLContext tls,
                          AccessTokenValidator validator, Clock clock) {
        this.greenMail = greenMail;
        this.listener = listener;
        this.tls = tls;
        this.validator = validator;
        this.clock = clock;
        this.sessions = Executors.newCachedThreadPool(daemonThreads("lab-smtp-session"));
        this.acceptor = daemonThreads("lab-smtp-accept").newThread(this::acceptLoop);
    }

    /**
     * Starts the server on loopback.
     *
     * @param keystore PKCS#12 keystore with the server certificate and key
     * @param port     the port to listen on, 0 for an ephemeral one (see {@link #port()})
     */
    public static LabMailServer start(Path keystore, String password, int port,
                                      AccessTokenValidator validator) {
        return start(keystore, password, port, validator, Clock.systemUTC());
    }

    /** As {@link #start(Path, String, int, AccessTokenValidator)}, with the clock the reply stamps use. */
    public static LabMailServer start(Path keystore, String password, int port,
                                      AccessTokenValidator validator, Clock clock) {
        SSLContext tls = serverContext(keystore, password.toCharArray());
        String loopback = InetAddress.getLoopbackAddress().getHostAddress();
        GreenMail greenMail = new GreenMail(new ServerSetup(0, loopback, ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        ServerSocket listener;
        try {
            listener = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            greenMail.stop();
            throw new IllegalStateException("lab mail server: cannot listen on port " + port, e);
        }
        LabMailServer server = new LabMailServer(greenMail, listener, tls, validator, clock);
        server.acceptor.start();
        return server;
    }

    /**
     * The tenant switch: while on, every AUTH gets Exchange Online's {@code 535 5.7.139 ...
     * SmtpClientAuthentication is disabled for the Tenant} (the Graph transport still works).
     */
    public void setSmtpAuthDisabled(boolean disabled) { smtpAuthDisabled = disabled; }

    /** The port clients connect to (STARTTLS on it, like port 587). */
    public int port() { return listener.getLocalPort(); }

    /** How many TCP connections clients have opened so far (connection reuse is visible here). */
    public int connectionsAccepted() { return connections.get(); }

    /** Every message accepted so far, in arrival order. */
    public MimeMessage[] receivedMessages() { return greenMail.getReceivedMessages(); }

    /** Waits until at least {@code count} messages have arrived, or the timeout passes. */
    public boolean waitForIncoming(int count, Duration timeout) {
        return greenMail.waitForIncomingEmail(timeout.toMillis(), count);
    }

    /**
     * Puts a message into the lab mail store as if submitted (the Graph stand-in's deliveries):
     * relayed to the inner GreenMail SMTP service, streamed, so large attachments stay on disk.
     */
    public void deliver(MimeMessage message) throws jakarta.mail.MessagingException {
        java.util.Properties p = new java.util.Properties();
        p.put("mail.smtp.host", InetAddress.getLoopbackAddress().getHostAddress());
        p.put("mail.smtp.port", Integer.toString(greenMail.getSmtp().getPort()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "60000");
        jakarta.mail.Session s = jakarta.mail.Session.getInstance(p);
        try (jakarta.mail.Transport t = s.getTransport("smtp")) {
            t.connect();
            t.sendMessage(message, message.getAllRecipients());
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        open.forEach(LabMailServer::closeQuietly);
        sessions.shutdownNow();
        try {
            acceptor.join(2_000);
            sessions.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        greenMail.stop();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                connections.incrementAndGet();
                open.add(client);
                sessions.execute(() -> {
                    try (LabMailServerSession session = new LabMailServerSession(client, tls,
                            validator, clock, HOST, greenMail.getSmtp().getPort(), open,
                            () -> smtpAuthDisabled)) {
                        session.run();
                    } finally {
                        open.remove(client);
                    }
                });
            } catch (SocketException e) {
                return; // listener closed
            } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    static SSLContext serverContext(Path keystore, char[] password) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("lab mail server: cannot load keystore "
                    + keystore.getFileName() + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception ignored) {
            // closing is best effort
        }
    }
}
