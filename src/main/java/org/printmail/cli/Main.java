package org.printmail.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.printmail.codes.PrintmailException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code printmail} launcher. */
@Command(name = "printmail", mixinStandardHelpOptions = true, version = "printmail 0.1.0",
        description = "Mail subsystem of a printer: OAuth 2.0 sign-in and XOAUTH2 email.",
        subcommands = {DemoCommand.class, LabCommand.class, PanelCommand.class, DeviceCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        // Before anything touches java.net.http: an office proxy's Basic challenge can be answered.
        org.printmail.auth.AccountManagers.allowProxyBasicAuth();
        CommandLine cli = new CommandLine(new Main());
        // Users see one line with the code and remedy, never a stack trace.
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof org.printmail.config.ConfigException c) {
                cmd.getErr().println("printmail: " + c.detail());
                cmd.getErr().println("Remedy: set or correct " + c.field() + ", then start again.");
            } else if (e instanceof PrintmailException p) {
                cmd.getErr().println("printmail: " + p.getMessage());
                cmd.getErr().println("Remedy: " + p.remedy());
            } else {
                cmd.getErr().println("printmail: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
            return 1;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** The install/project root: where {@code firmware-config/} and {@code test-fixtures/} live. */
    static Path home() {
        String h = System.getProperty("printmail.home");
        return (h == null ? Path.of("") : Path.of(h)).toAbsolutePath();
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
