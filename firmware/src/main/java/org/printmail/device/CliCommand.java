package org.printmail.device;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * One command of the printmail command line ({@code device}, and the tools' {@code demo},
 * {@code lab}, {@code panel}): its options and what it does with them. {@link Cli} parses, answers
 * {@code --help} and {@code --version}, and reports a bad command line or a failure.
 */
public interface CliCommand {
    /** The word that selects the command: {@code device}. */
    String name();

    /** One sentence for the usage text. */
    String summary();

    /** Its options, without {@code --help} and {@code --version} (added by {@link Cli}). */
    Options options();

    /**
     * Runs the command on a parsed command line.
     *
     * @return the process exit code
     */
    int run(CommandLine line) throws Exception;
}
