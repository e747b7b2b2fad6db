package org.printmail.device;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.help.HelpFormatter;
import org.apache.commons.cli.help.TextHelpAppendable;

/**
 * Runs a {@link CliCommand}: parses its command line with Apache Commons CLI, answers
 * {@code --help} and {@code --version}, and turns what goes wrong into one line for a person:
 * a bad command line exits 2 with a hint, a failure exits 1 with its code and remedy
 * ({@link FirmwareMain#report}), never a stack trace.
 *
 * <p>Why Commons CLI and not picocli: picocli's class files are Java 5 (major version 49), which
 * the JDK 17 class-data-sharing archive cannot hold, so the device parsed and verified its 168
 * classes on every boot (0.18 s of a 1.0 s start, docs/benchmarks.md); Commons CLI is Java 8
 * bytecode and maps from the archive.
 */
public final class Cli {
    public static final String VERSION = "printmail 0.1.0";
    /** Exit code of a command line that could not be understood. */
    public static final int USAGE_ERROR = 2;

    private static final Option HELP = Option.builder("h").longOpt("help").desc("Show this help and exit").get();
    private static final Option SHOW_VERSION = Option.builder("V").longOpt("version")
            .desc("Print the version and exit").get();

    private Cli() {
    }

    /**
     * @param invokedAs what the person typed before the options ({@code printmail device}), for the
     *                  usage text and error lines
     * @return the exit code
     */
    public static int execute(String invokedAs, CliCommand command, String[] args, PrintWriter out,
                              PrintWriter err) {
        Options options = command.options().addOption(HELP).addOption(SHOW_VERSION);
        try {
            // Asked for help or the version, the person gets it even with a required option missing.
            List<String> words = List.of(args);
            if (words.contains("--help") || words.contains("-h")) {
                usage(invokedAs, command.summary(), options, out);
                return 0;
            }
            if (words.contains("--version") || words.contains("-V")) {
                out.println(VERSION);
                return 0;
            }
            CommandLine line = DefaultParser.builder().setAllowPartialMatching(false).get().parse(options, args);
            if (!line.getArgList().isEmpty()) {
                throw new ParseException("Unexpected argument: " + line.getArgList().get(0));
            }
            return command.run(line);
        } catch (ParseException e) {
            err.println(invokedAs + ": " + e.getMessage());
            err.println("Try '" + invokedAs + " --help'.");
            err.flush();
            return USAGE_ERROR;
        } catch (Exception e) {
            return FirmwareMain.report(e, err);
        } finally {
            out.flush();
        }
    }

    /** An option that takes a value. */
    public static Option valued(String longName, String argName, String description) {
        return Option.builder().longOpt(longName).hasArg().argName(argName).desc(description).get();
    }

    /** An option that takes a value and must be given. */
    public static Option required(String longName, String argName, String description) {
        return Option.builder().longOpt(longName).hasArg().argName(argName).desc(description).required().get();
    }

    /** A flag: present or not. */
    public static Option flag(String longName, String description) {
        return Option.builder().longOpt(longName).desc(description).get();
    }

    /** The option's value as a path, or the default when it is absent. */
    public static Path path(CommandLine line, String longName, Path absent) throws ParseException {
        String v = line.getOptionValue(longName);
        if (v == null) {
            return absent;
        }
        try {
            // Path.of, not Commons CLI's Converter.PATH: that class's set-up links a dozen method
            // references (about 15 ms of boot) for the one the device would use.
            return Path.of(v);
        } catch (java.nio.file.InvalidPathException e) {
            throw new ParseException("--" + longName + ": not a path: " + v);
        }
    }

    /** A TCP port (0 for a free one), or the default when the option is absent. */
    public static int port(CommandLine line, String longName, int absent) throws ParseException {
        String v = line.getOptionValue(longName);
        if (v == null) {
            return absent;
        }
        try {
            int port = Integer.parseInt(v.trim());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // the same answer as out of range
        }
        throw new ParseException("--" + longName + ": not a port number (0-65535): " + v);
    }

    /** The usage text of one command: syntax, summary, options. */
    public static void usage(String invokedAs, String summary, Options options, PrintWriter out) {
        try {
            HelpFormatter.builder().setShowSince(false).setHelpAppendable(new TextHelpAppendable(out)).get()
                    .printHelp(invokedAs, summary, options, "", true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }
}
