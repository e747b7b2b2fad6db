package org.printmail.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A Debian daemon (tinyproxy, dante) run by a test on 127.0.0.1 with its own configuration under
 * {@code target/}: found or skipped (failed under {@code CI=true}), started, awaited, its log
 * read, stopped. Nothing under /etc, no system service.
 */
public final class LoopbackDaemon implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final int port;

    private LoopbackDaemon(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** The first executable of {@code candidates}; skips the test (fails it under CI) when none. */
    static Path binary(List<Path> candidates, String debianPackage) {
        Path binary = candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
        if (binary == null) {
            String why = debianPackage + " is not installed (Debian package " + debianPackage
                    + "; .ci/run installs it)";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why + ": test skipped");
        }
        return binary;
    }

    static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the command, its output going to {@code log}, and waits until {@code port} accepts. */
    static LoopbackDaemon start(List<String> command, Path log, int port) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            LoopbackDaemon d = new LoopbackDaemon(p, log, port);
            d.awaitListening();
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() { return port; }

    /** The lines of a log file (the daemon's own, or its output). */
    static List<String> lines(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening() throws IOException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                close();
                throw new IOException("the daemon exited: " + String.join("\n", lines(log)));
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
        close();
        throw new IOException("the daemon did not listen on " + port + " within 10 s");
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
