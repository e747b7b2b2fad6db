package org.printmail.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.printmail.device.Cli;
import org.printmail.device.CliCommand;
import org.printmail.device.DeviceCommand;
import org.printmail.device.FirmwareMain;

/** Entry point of the {@code printmail} launcher: {@code printmail COMMAND [options]}. */
public final class Main {
    static final List<CliCommand> COMMANDS = List.of(new DemoCommand(), new LabCommand(), new PanelCommand(),
            new DeviceCommand());

    private Main() {
    }

    public static void main(String[] args) {
        // Before anything touches java.net.http: an office proxy's Basic challenge can be answered.
        org.printmail.auth.AccountManagers.allowProxyBasicAuth();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Picks the command named by the first word and runs it on the rest. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        String first = args.length == 0 ? "--help" : args[0];
        if (first.equals("--help") || first.equals("-h")) {
            usage(out);
            return 0;
        }
        if (first.equals("--version") || first.equals("-V")) {
            out.println(Cli.VERSION);
            return 0;
        }
        for (CliCommand c : COMMANDS) {
            if (c.name().equals(first)) {
                return Cli.execute("printmail " + c.name(), c, Arrays.copyOfRange(args, 1, args.length), out, err);
            }
        }
        err.println("printmail: unknown command '" + first + "'");
        err.println("Try 'printmail --help'.");
        return Cli.USAGE_ERROR;
    }

    private static void usage(PrintWriter out) {
        out.println("Usage: printmail [-hV] COMMAND [options]");
        out.println("Mail subsystem of a printer: OAuth 2.0 sign-in and XOAUTH2 email.");
        out.println("  -h, --help      Show this help and exit");
        out.println("  -V, --version   Print the version and exit");
        out.println("Commands (printmail COMMAND --help for each one's options):");
        for (CliCommand c : COMMANDS) {
            out.printf("  %-8s %s%n", c.name(), c.summary());
        }
    }

    /** The install/project root: where {@code firmware-config/} and {@code test-fixtures/} live. */
    static Path home() {
        return FirmwareMain.home();
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
