package org.printmail.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code printmail} launcher. */
@Command(name = "printmail", mixinStandardHelpOptions = true, version = "printmail 0.1.0",
        description = "Mail subsystem of a printer: OAuth 2.0 sign-in and XOAUTH2 email.",
        subcommands = {})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
