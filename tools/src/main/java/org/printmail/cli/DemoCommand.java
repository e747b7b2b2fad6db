package org.printmail.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code printmail demo}: the end-to-end story on the embedded lab; exit 0 only if it all worked. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Sign the device in with a device code on the embedded lab and email a scan over XOAUTH2.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--data-dir", description = "Device data folder (default: a fresh temporary folder)")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory("printmail-demo-");
        boolean ok = new Demo(Main.home(), dir, System.out).run();
        if (dataDir == null) {
            Main.deleteTree(dir);
        }
        return ok ? 0 : 1;
    }
}
