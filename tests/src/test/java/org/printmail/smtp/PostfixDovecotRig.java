package org.printmail.smtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.printmail.lab.LabIdentityPlatform;
import org.printmail.lab.LabUsers;

/**
 * A real submission server for the tests: Debian's Postfix (port 587 style: STARTTLS required,
 * AUTH through Dovecot SASL) and Dovecot (oauth2 passdb checking bearer tokens by RFC 7662
 * introspection against the lab identity platform; LMTP delivery into a Maildir per user).
 *
 * <p>Everything lives under {@code target/pfdv/<run>}: both configurations, Postfix's queue,
 * Dovecot's sockets, the logs and the delivered mail. Nothing under /etc is read or changed
 * beyond what the packages installed; no system service is started. Postfix runs with its own
 * {@code config_directory} ({@code postfix -c DIR start}/{@code stop}), Dovecot in the foreground
 * as a child process ({@code dovecot -F -c FILE}). The submission port is a free loopback port;
 * everything else talks over Unix sockets in the run folder. Both stop in {@link #close()}, and a
 * shutdown hook stops them should the JVM end first.
 */
public final class PostfixDovecotRig implements AutoCloseable {
    static final Path POSTFIX = Path.of("/usr/sbin/postfix");
    static final Path DOVECOT = Path.of("/usr/sbin/dovecot");
    static final Path DOVECOT_LMTP = Path.of("/usr/lib/dovecot/lmtp");
    /** Accepts the lab's TEST-ONLY certificate files from the project root. */
    private static final Path TLS = Path.of("test-fixtures", "tls").toAbsolutePath();
    private static final Duration START_LIMIT = Duration.ofSeconds(30);
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path dir;
    private final int port;
    private final Process dovecot;
    private final Thread hook;
    private boolean postfixStarted;

    private PostfixDovecotRig(Path dir, URI introspection) throws IOException {
        this.dir = dir;
        this.port = freePort();
        PostfixDovecotFiles files = new PostfixDovecotFiles(dir, port, ROOT, TLS);
        files.writeTls();
        files.writeDovecot(introspection);
        files.writePostfix();
        this.hook = new Thread(this::stopQuietly, "pfdv-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        this.dovecot = new ProcessBuilder(DOVECOT.toString(), "-F", "-c", path("dovecot/dovecot.conf"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("dovecot/stdout.log").toFile())
                .start();
        try {
            awaitFile(dir.resolve("dovecot/run/auth-postfix"), "Dovecot's auth socket");
            awaitFile(dir.resolve("dovecot/run/lmtp-postfix"), "Dovecot's LMTP socket");
            run(POSTFIX.toString(), "-c", path("postfix"), "start");
            postfixStarted = true;
            awaitPort();
        } catch (IOException | RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /**
     * Starts Postfix and Dovecot whose token checks go to this introspection URL (credentials
     * inside, as Dovecot takes them). Skips the test when the packages are missing, unless CI is
     * set: under {@code CI=true} a missing package fails it.
     */
    public static PostfixDovecotRig start(LabIdentityPlatform lab) { return start(lab.port()); }

    /**
     * As {@link #start(LabIdentityPlatform)} for a lab identity platform that is (or will be)
     * listening on this loopback port: a rig shared by a test class outlives each test's lab.
     */
    public static PostfixDovecotRig start(int labPort) {
        return start(URI.create("https://" + LabIdentityPlatform.INTROSPECTION_CLIENT_ID + ":"
                + LabIdentityPlatform.INTROSPECTION_CLIENT_SECRET + "@localhost:" + labPort + "/"
                + LabUsers.TENANT_DOMAIN + "/oauth2/v2.0/introspect"));
    }

    /** As {@link #start(LabIdentityPlatform)}, with the introspection URL given. */
    public static PostfixDovecotRig start(URI introspectionWithCredentials) {
        assumeInstalled();
        Path base = Path.of("target", "pfdv").toAbsolutePath();
        try {
            Files.createDirectories(base);
            // Postfix and Dovecot drop to their own users, which must reach their files here.
            Path run = Files.createTempDirectory(base, "run", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwxr-xr-x")));
            return new PostfixDovecotRig(run, introspectionWithCredentials);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Postfix + Dovecot (logs under " + base + ")", e);
        }
    }

    /** Aborts (skips) the test when Postfix or Dovecot is not installed and CI is unset. */
    public static void assumeInstalled() {
        assumeInstalled(List.of(POSTFIX, DOVECOT, DOVECOT_LMTP), System.getenv("CI"));
    }

    /** As {@link #assumeInstalled()} for these binaries and this value of {@code CI}. */
    static void assumeInstalled(List<Path> binaries, String ci) {
        List<Path> missing = binaries.stream().filter(p -> !Files.isExecutable(p)).toList();
        if (missing.isEmpty()) {
            return;
        }
        String message = "Postfix + Dovecot tests need Debian's postfix, dovecot-core and dovecot-lmtpd"
                + " (missing " + missing + "); .ci/run installs them";
        if ("true".equalsIgnoreCase(ci)) {
            Assertions.fail(message + ". CI=true: a missing server fails instead of skipping.");
        }
        Assumptions.abort(message);
    }

    /** The submission port on 127.0.0.1 / localhost (STARTTLS, AUTH XOAUTH2 and OAUTHBEARER). */
    public int port() { return port; }

    /** The run folder: configurations, logs, queue and mail. */
    public Path dir() { return dir; }

    /** Messages delivered to the mailbox so far (raw RFC 5322 files from the Maildir). */
    public List<Path> delivered(String address) {
        Path inbox = dir.resolve("mail").resolve(localPart(address)).resolve("Maildir/new");
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(inbox)) {
            return files.sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits (real time, bounded) until the mailbox holds this many messages: Postfix delivers
     * through its queue, after its 250 to the client.
     */
    public List<Path> awaitDelivered(String address, int count, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        List<Path> now = delivered(address);
        while (now.size() < count && System.nanoTime() < end) {
            Thread.sleep(20);
            now = delivered(address);
        }
        if (now.size() < count) {
            throw new AssertionError(address + " got " + now.size() + " of " + count
                    + " messages within " + limit + "; see " + dir.resolve("postfix.log"));
        }
        return now;
    }

    /** The last lines of both logs, for a failing test's message. */
    public String logTail() {
        StringBuilder out = new StringBuilder();
        for (String log : List.of("postfix.log", "dovecot/dovecot.log")) {
            try {
                List<String> lines = Files.readAllLines(dir.resolve(log), StandardCharsets.UTF_8);
                out.append("--- ").append(log).append('\n');
                lines.subList(Math.max(0, lines.size() - 15), lines.size())
                        .forEach(l -> out.append(l).append('\n'));
            } catch (IOException e) {
                out.append("--- ").append(log).append(": ").append(e.getMessage()).append('\n');
            }
        }
        return out.toString();
    }

    /** Stops both servers and deletes the delivered mail (large); configurations and logs stay. */
    @Override
    public void close() {
        stopQuietly();
        deleteMail();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    private void deleteMail() {
        try (Stream<Path> files = Files.walk(dir.resolve("mail"))) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("pfdv: could not delete " + dir.resolve("mail") + ": " + e.getMessage());
        }
    }

    private synchronized void stopQuietly() {
        if (postfixStarted) {
            try {
                run(POSTFIX.toString(), "-c", path("postfix"), "stop");
            } catch (IOException | RuntimeException e) {
                System.err.println("pfdv: postfix stop failed: " + e.getMessage());
            }
            postfixStarted = false;
        }
        if (dovecot != null && dovecot.isAlive()) {
            dovecot.destroy(); // SIGTERM: the master stops its children
            try {
                if (!dovecot.waitFor(10, TimeUnit.SECONDS)) {
                    dovecot.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                dovecot.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    // --- helpers ---------------------------------------------------------------------------

    private String path(String relative) { return dir.resolve(relative).toString(); }

    private void run(String... command) throws IOException {
        Path log = dir.resolve("postfix-command.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!p.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in " + START_LIMIT);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ": "
                    + Files.readString(log) + logTail());
        }
    }

    private void awaitFile(Path file, String what) throws IOException {
        long end = System.nanoTime() + START_LIMIT.toNanos();
        while (!Files.exists(file)) {
            if (!dovecot.isAlive()) {
                throw new IOException("Dovecot exited with " + dovecot.exitValue() + ": "
                        + Files.readString(dir.resolve("dovecot/stdout.log")) + logTail());
            }
            if (System.nanoTime() > end) {
                throw new IOException(what + " did not appear within " + START_LIMIT + "\n" + logTail());
            }
            pause();
        }
    }

    private void awaitPort() throws IOException {
        long end = System.nanoTime() + START_LIMIT.toNanos();
        while (true) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > end) {
                    throw new IOException("Postfix is not listening on " + port + "\n" + logTail());
                }
                pause();
            }
        }
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting Postfix + Dovecot", e);
        }
    }

    /** A loopback port free now (for a lab identity platform started later). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String localPart(String address) {
        int at = address.indexOf('@');
        return (at < 0 ? address : address.substring(0, at)).toLowerCase(java.util.Locale.ROOT);
    }

    /** For messages: where the rig keeps its files. */
    @Override
    public String toString() { return "PostfixDovecotRig[" + dir + ", port " + port + "]"; }
}
