package org.printmail.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.printmail.device.DeviceCommand;
import org.printmail.device.FirmwareMain;
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
        cli.setExecutionExceptionHandler(FirmwareMain::report);
        System.exit(cli.execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
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
