package org.printmail.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's dante-server as a real SOCKS5 proxy on loopback (no authentication), started by the
 * test with its own configuration under {@code target/}. Its log shows the connections it relayed.
 * {@code .ci/run} installs it; when missing the test is skipped, or fails under {@code CI=true}.
 */
public final class DanteSocks implements AutoCloseable {
    private final LoopbackDaemon daemon;
    private final Path log;

    private DanteSocks(LoopbackDaemon daemon, Path log) {
        this.daemon = daemon;
        this.log = log;
    }

    public static DanteSocks start(Path dir) {
        Path binary = LoopbackDaemon.binary(List.of(Path.of("/usr/sbin/danted")), "dante-server");
        int port = LoopbackDaemon.freePort();
        try {
            Files.createDirectories(dir);
            Path log = dir.toAbsolutePath().resolve("danted.log");
            Files.deleteIfExists(log);
            String conf = "logoutput: " + log + "\n"
                    + "internal: 127.0.0.1 port = " + port + "\n"
                    + "external: 127.0.0.1\n"
                    + "socksmethod: none\nclientmethod: none\n"
                    + "user.privileged: root\nuser.unprivileged: nobody\n"
                    + "client pass {\n  from: 127.0.0.0/8 to: 0.0.0.0/0\n  log: connect error\n}\n"
                    + "socks pass {\n  from: 127.0.0.0/8 to: 0.0.0.0/0\n  command: connect\n"
                    + "  log: connect error\n}\n";
            Path confFile = dir.resolve("danted.conf");
            Files.writeString(confFile, conf, StandardCharsets.UTF_8);
            return new DanteSocks(LoopbackDaemon.start(List.of(binary.toString(), "-f",
                    confFile.toString(), "-p", dir.toAbsolutePath().resolve("danted.pid").toString()),
                    dir.resolve("danted.out"), port), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() { return daemon.port(); }

    /** Connections it relayed to 127.0.0.1:{@code port}. */
    public long relayedTo(int targetPort) {
        return LoopbackDaemon.lines(log).stream()
                .filter(l -> l.contains("tcp/connect [:") && !l.contains("error"))
                .filter(l -> l.matches(".* 127\\.0\\.0\\.1\\." + targetPort + "(\\s.*)?"))
                .count();
    }

    @Override
    public void close() { daemon.close(); }
}
