package org.printmail.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.junit.jupiter.api.Test;
import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;

/** What a person typing a command line meets: help, version, one line for a mistake, never a trace. */
class CommandLineTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicReference<CommandLine> ran = new AtomicReference<>();

    /** A command with one required path, one port and one flag, like {@code device}. */
    private final CliCommand command = new CliCommand() {
        @Override public String name() { return "try"; }
        @Override public String summary() { return "A command for this test."; }
        @Override public Options options() {
            return new Options().addOption(Cli.required("data-dir", "DIR", "Data folder"))
                    .addOption(Cli.valued("web-port", "PORT", "Port"))
                    .addOption(Cli.flag("no-panel", "No panel"));
        }
        @Override public int run(CommandLine line) throws Exception {
            Cli.port(line, "web-port", 443); // read as the real commands read their values
            ran.set(line);
            if (line.hasOption("no-panel")) {
                throw new PrintmailException(JobCode.SETTINGS_INVALID, "the panel is broken",
                        new IllegalStateException("secret-token-in-a-message"));
            }
            return 0;
        }
    };

    private int execute(String... args) {
        return Cli.execute("printmail try", command, args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void helpIsAnsweredEvenWithARequiredOptionMissing() {
        assertEquals(0, execute("--help"));
        assertTrue(out.toString().contains("--data-dir <DIR>"), out.toString());
        assertTrue(out.toString().contains("A command for this test."), out.toString());
        assertEquals("", err.toString());
        assertEquals(null, ran.get());
    }

    @Test
    void versionIsPrintedEvenWithARequiredOptionMissing() {
        assertEquals(0, execute("--version"));
        assertEquals(Cli.VERSION, out.toString().strip());
    }

    @Test
    void aMissingRequiredOptionGetsOneLineAndExitTwo() {
        assertEquals(Cli.USAGE_ERROR, execute("--web-port", "8443"));
        assertTrue(err.toString().startsWith("printmail try: Missing required option: data-dir"), err.toString());
        assertTrue(err.toString().contains("Try 'printmail try --help'."), err.toString());
        assertEquals(null, ran.get());
    }

    @Test
    void aPortThatIsNotAPortIsNamedAndNothingRuns() {
        assertEquals(Cli.USAGE_ERROR, execute("--data-dir", "d", "--web-port", "70000"));
        assertTrue(err.toString().contains("--web-port: not a port number (0-65535): 70000"), err.toString());
        assertEquals(Cli.USAGE_ERROR, execute("--data-dir", "d", "--web-port", "https"));
        assertEquals(null, ran.get());
    }

    @Test
    void unknownOptionsAndStrayWordsAreRefused() {
        assertEquals(Cli.USAGE_ERROR, execute("--data-dir", "d", "--dataa"));
        assertTrue(err.toString().contains("--dataa"), err.toString());
        assertEquals(Cli.USAGE_ERROR, execute("--data-dir", "d", "extra"));
        assertTrue(err.toString().contains("Unexpected argument: extra"), err.toString());
        // An abbreviation is not taken for the option it starts: a typo must not pick one.
        assertEquals(Cli.USAGE_ERROR, execute("--data", "d"));
        assertEquals(null, ran.get());
    }

    @Test
    void valuesReachTheCommand() throws Exception {
        assertEquals(0, execute("--data-dir", "some/where", "--web-port", "0"));
        assertEquals(Path.of("some/where"), Cli.path(ran.get(), "data-dir", null));
        assertEquals(0, Cli.port(ran.get(), "web-port", 443));
        assertEquals(Path.of("x"), Cli.path(ran.get(), "scan-source", Path.of("x")));
    }

    @Test
    void aFailureGetsItsRemedyAndNoStackTrace() {
        assertEquals(1, execute("--data-dir", "d", "--no-panel"));
        String said = err.toString();
        assertTrue(said.startsWith("printmail: "), said);
        assertTrue(said.contains("Remedy: "), said);
        assertFalse(said.contains("\tat "), said);
        assertFalse(said.contains("secret-token-in-a-message"), said);
    }
}
