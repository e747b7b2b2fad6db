package org.printmail.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The boot's own parse of plain arguments reads them as picocli does, and leaves the rest to it. */
class DeviceCommandPlainArgumentsTest {
    private static List<Object> fields(DeviceCommand c) {
        return java.util.Arrays.asList(c.profile, c.dataDir, c.webPort, c.webKeystore, c.noPanel, c.scanSource);
    }

    private static DeviceCommand byPicocli(String... args) {
        DeviceCommand c = new DeviceCommand();
        new CommandLine(c).parseArgs(args);
        return c;
    }

    @Test
    void plainArgumentsAreReadAsPicocliReadsThem() {
        for (String[] args : List.of(
                new String[] {"--data-dir", "/data", "--web-keystore", "/k.p12"},
                new String[] {"--profile", "outlook-com", "--data-dir=/data", "--web-port", "8443",
                    "--web-keystore=/k.p12", "--no-panel", "--scan-source", "/scan/s.pdf"},
                new String[] {"--no-panel", "--web-keystore", "/k.p12", "--web-port=443", "--data-dir", "d"})) {
            assertEquals(fields(byPicocli(args)), fields(DeviceCommand.plain(args).orElseThrow()),
                    String.join(" ", args));
        }
    }

    @Test
    void helpTyposAndIncompleteArgumentsAreLeftToPicocli() {
        for (String[] args : List.of(
                new String[] {"--help"},
                new String[] {"-V"},
                new String[] {"--data-dir", "/data"},
                new String[] {"--data-dir", "/data", "--web-keystore", "/k.p12", "--web-prot", "1"},
                new String[] {"--data-dir", "/data", "--web-keystore", "/k.p12", "--web-port", "x"},
                new String[] {"--data-dir", "/data", "--web-keystore"})) {
            assertTrue(DeviceCommand.plain(args).isEmpty(), String.join(" ", args));
        }
    }
}
