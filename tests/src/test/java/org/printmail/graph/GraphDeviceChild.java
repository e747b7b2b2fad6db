package org.printmail.graph;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.printmail.auth.AuthOptions;
import org.printmail.device.Device;
import org.printmail.config.DeviceProfile;
import org.printmail.config.ProfileLoader;
import org.printmail.jobs.JobsOptions;
import org.printmail.smtp.SenderOptions;

/**
 * A device process for {@link GraphChildProcessTest}: opens the device on the given data folder
 * (its vault, settings and encrypted spool), sends through the lab until the outbox is empty,
 * prints its peak RSS (VmHWM) and exits 0. Args: dataDir authorityBase smtpPort graphEndpoint.
 */
public final class GraphDeviceChild {
    private GraphDeviceChild() { }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        DeviceProfile lab = ProfileLoader.load(Path.of("").toAbsolutePath(), "lab");
        DeviceProfile profile = lab.withIdentity(lab.identity().withAuthorityBase(URI.create(args[1])))
                .withMail(lab.mail().withPort(Integer.parseInt(args[2])))
                .withGraph(lab.graph().withEndpoint(URI.create(args[3])));
        Device.Options o = new Device.Options(dataDir, Clock.systemUTC(), AuthOptions.defaults(),
                SenderOptions.defaults().withMessagesPerMinute(0),
                new JobsOptions(dataDir, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMillis(20), true));
        long start = System.nanoTime();
        try (Device device = Device.start(o, name -> profile, profile)) {
            while (!device.jobs().outbox().isEmpty()) {
                Thread.sleep(20);
            }
        }
        System.out.printf("outbox empty after %.1f s; max heap %d MB; peak RSS %s%n",
                (System.nanoTime() - start) / 1e9, Runtime.getRuntime().maxMemory() >> 20, peakRss());
        System.exit(0);
    }

    static String peakRss() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return line.substring(6).trim();
            }
        }
        return "unknown";
    }
}
