package org.printmail.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code printmail panel}: the control panel of the lab device on this terminal, without Web
 * Config. The panel runs in the device's own process (it is the device's console), on the same
 * data folder as {@code printmail lab}; run one of the two at a time.
 */
@Command(name = "panel", mixinStandardHelpOptions = true,
        description = "The device's control panel on this terminal (lab device, no Web Config).")
final class PanelCommand implements Callable<Integer> {
    @Option(names = "--data-dir", description = "Device data folder (default: .printmail-data/lab)")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        LabCommand lab = new LabCommand();
        lab.dataDir = dataDir;
        lab.noWeb = true;
        return lab.call();
    }
}
