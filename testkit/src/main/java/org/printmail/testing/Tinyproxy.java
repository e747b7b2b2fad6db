package org.printmail.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Debian's tinyproxy as a real HTTP CONNECT proxy on loopback, started by the test with its own
 * configuration under {@code target/} and stopped by {@link #close()}. Its log shows which tunnels
 * were asked for and opened. {@code .ci/run} installs it; when it is missing the test is skipped
 * with a message, or fails under {@code CI=true}.
 */
public final class Tinyproxy implements AutoCloseable {
    private final LoopbackDaemon daemon;
    private final Path log;

    private Tinyproxy(LoopbackDaemon daemon, Path log) {
        this.daemon = daemon;
        this.log = log;
    }

    /**
     * Starts tinyproxy on 127.0.0.1; with a user and password it demands Basic proxy auth.
     *
     * @param dir a folder under target/ for its configuration and log
     */
    public static Tinyproxy start(Path dir, Optional<String> user, Optional<String> password) {
        Path binary = LoopbackDaemon.binary(List.of(Path.of("/usr/bin/tinyproxy"),
                Path.of("/usr/sbin/tinyproxy")), "tinyproxy");
        int port = LoopbackDaemon.freePort();
        StringBuilder conf = new StringBuilder()
                .append("Port ").append(port).append('\n')
                .append("Listen 127.0.0.1\nTimeout 30\nLogLevel Info\nMaxClients 20\n")
                .append("Allow 127.0.0.1\nDisableViaHeader Yes\n");
        user.ifPresent(u -> conf.append("BasicAuth ").append(u).append(' ')
                .append(password.orElse("")).append('\n'));
        try {
            Files.createDirectories(dir);
            Path confFile = dir.resolve("tinyproxy.conf");
            Files.writeString(confFile, conf, StandardCharsets.UTF_8);
            Path log = dir.resolve("tinyproxy.log");
            return new Tinyproxy(LoopbackDaemon.start(List.of(binary.toString(), "-d", "-c",
                    confFile.toString()), log, port), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() { return daemon.port(); }

    /** The CONNECT requests it received, as {@code host:port}, in order. */
    public List<String> connectRequests() {
        return LoopbackDaemon.lines(log).stream().filter(l -> l.contains("): CONNECT "))
                .map(l -> l.substring(l.indexOf("): CONNECT ") + 11).split(" ")[0]).toList();
    }

    /** The tunnels it opened to a target (after any proxy authentication passed). */
    public long tunnelsOpenedTo(String hostPort) {
        return LoopbackDaemon.lines(log).stream()
                .filter(l -> l.contains("opensock: opening connection to " + hostPort)).count();
    }

    @Override
    public void close() { daemon.close(); }
}
