package org.printmail.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's tinyproxy as a real HTTP CONNECT proxy on loopback, started by the test with its own
 * configuration under {@code target/} (nothing under /etc, no system service) and stopped by
 * {@link #close()}. Its log shows which tunnels were asked for. {@code .ci/run} installs it; when
 * it is missing the test is skipped with a message, or fails under {@code CI=true}.
 */
public final class Tinyproxy implements AutoCloseable {
    private static final List<Path> BINARIES = List.of(Path.of("/usr/bin/tinyproxy"),
            Path.of("/usr/sbin/tinyproxy"));
    private final Process process;
    private final Path log;
    private final int port;

    private Tinyproxy(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts tinyproxy on 127.0.0.1; with a user and password it demands Basic proxy auth.
     *
     * @param dir a fresh folder under target/ for its configuration and log
     */
    public static Tinyproxy start(Path dir, Optional<String> user, Optional<String> password) {
        Path binary = BINARIES.stream().filter(Files::isExecutable).findFirst().orElse(null);
        if (binary == null) {
            String why = "tinyproxy is not installed (Debian package tinyproxy; .ci/run installs it)";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why + ": proxy test skipped");
        }
        try {
            Files.createDirectories(dir);
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            StringBuilder conf = new StringBuilder()
                    .append("Port ").append(port).append('\n')
                    .append("Listen 127.0.0.1\n")
                    .append("Timeout 30\n")
                    .append("LogLevel Info\n")
                    .append("MaxClients 20\n")
                    .append("Allow 127.0.0.1\n")
                    .append("DisableViaHeader Yes\n");
            if (user.isPresent()) {
                conf.append("BasicAuth ").append(user.get()).append(' ').append(password.orElse(""))
                        .append('\n');
            }
            Path confFile = dir.resolve("tinyproxy.conf");
            Files.writeString(confFile, conf, StandardCharsets.UTF_8);
            Path log = dir.resolve("tinyproxy.log");
            Process p = new ProcessBuilder(binary.toString(), "-d", "-c", confFile.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Tinyproxy proxy = new Tinyproxy(p, log, port);
            proxy.awaitListening();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() { return port; }

    /** The CONNECT requests it received, as {@code host:port}, in order. */
    public List<String> connectRequests() {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains("): CONNECT "))
                    .map(l -> l.substring(l.indexOf("): CONNECT ") + 11).split(" ")[0]).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tunnels it opened to a target (after any proxy authentication passed). */
    public long tunnelsOpenedTo(String hostPort) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains("opensock: opening connection to " + hostPort)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening() throws IOException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IOException("tinyproxy exited: " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
            }
        }
        throw new IOException("tinyproxy did not listen on " + port + " within 10 s");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
