package org.printmail.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.printmail.device.Cli;
import org.printmail.device.CliCommand;

/**
 * {@code printmail panel}: the control panel of the lab device on this terminal, without Web
 * Config. The panel runs in the device's own process (it is the device's console), on the same
 * data folder as {@code printmail lab}; run one of the two at a time.
 */
final class PanelCommand implements CliCommand {
    @Override
    public String name() { return "panel"; }

    @Override
    public String summary() { return "The device's control panel on this terminal (lab device, no Web Config)."; }

    @Override
    public Options options() {
        return new Options().addOption(Cli.valued("data-dir", "DIR", "Device data folder (default: .printmail-data/lab)"));
    }

    @Override
    public int run(CommandLine line) throws Exception {
        return LabCommand.run(new LabCommand.Arguments(Cli.path(line, "data-dir", null), 0, 0, 0, true, false));
    }
}
