package org.printmail.jobs;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.printmail.auth.AuthOptions;
import org.printmail.device.Device;
import org.printmail.config.DeviceProfile;
import org.printmail.config.ProfileLoader;
import org.printmail.smtp.SenderOptions;

/**
 * The device process that {@link OutboxCrashTest} kills with SIGKILL at random points: it opens
 * the device on the given data folder and sends until the outbox is empty, then exits 0.
 * Args: dataDir authorityBase smtpPort.
 */
public final class OutboxCrashChild {
    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Path root = Path.of("").toAbsolutePath();
        DeviceProfile lab = ProfileLoader.load(root, "lab");
        DeviceProfile profile = lab.withIdentity(lab.identity().withAuthorityBase(URI.create(args[1])))
                .withMail(lab.mail().withPort(Integer.parseInt(args[2])));
        Clock clock = Clock.systemUTC();
        Device.Options o = new Device.Options(dataDir, clock, AuthOptions.defaults(),
                SenderOptions.defaults().withMessagesPerMinute(0),
                new JobsOptions(dataDir, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMillis(20), true));
        try (Device device = Device.start(o, name -> profile, profile)) {
            while (!device.jobs().outbox().isEmpty()) {
                Thread.sleep(20);
            }
        }
        System.exit(0);
    }
}
