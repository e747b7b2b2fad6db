package org.printmail.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.printmail.device.Cli;
import org.printmail.device.CliCommand;

/** {@code printmail demo}: the end-to-end story on the embedded lab; exit 0 only if it all worked. */
final class DemoCommand implements CliCommand {
    @Override
    public String name() { return "demo"; }

    @Override
    public String summary() {
        return "Sign the device in with a device code on the embedded lab and email a scan over XOAUTH2.";
    }

    @Override
    public Options options() {
        return new Options().addOption(Cli.valued("data-dir", "DIR",
                "Device data folder (default: a fresh temporary folder)"));
    }

    @Override
    public int run(CommandLine line) throws Exception {
        Path dataDir = Cli.path(line, "data-dir", null);
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory("printmail-demo-");
        boolean ok = new Demo(Main.home(), dir, System.out).run();
        if (dataDir == null) {
            Main.deleteTree(dir);
        }
        return ok ? 0 : 1;
    }
}
