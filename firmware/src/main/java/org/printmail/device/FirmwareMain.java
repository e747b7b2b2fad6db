package org.printmail.device;

import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.printmail.config.ConfigException;
import org.printmail.codes.PrintmailException;

/**
 * Entry point of the firmware image: {@code java -jar printmail-firmware.jar --data-dir ...} runs
 * the device (the {@code device} command). The image holds only this module and its libraries.
 */
public final class FirmwareMain {
    static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    static final String SLF4J_PROVIDER = "slf4j.provider";
    static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";

    private FirmwareMain() {
    }

    public static void main(String[] args) {
        avoidPlatformMBeans();
        nameTheLoggingProvider();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(Cli.execute("printmail-device", new DeviceCommand(), args, out, err));
    }

    /**
     * Jetty sizes a padded array by the references per cache line, and without this property asks
     * the platform MBean server whether oops are compressed: that starts JMX (about 300 classes,
     * 0.1-0.15 s of boot and 2-3 MB). The device's heap (-Xmx32m) always has compressed oops: 64-byte
     * lines, 4-byte references.
     */
    static void avoidPlatformMBeans() {
        if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, "16");
        }
    }

    /**
     * SLF4J finds its provider by scanning every jar on the class path for a service file (about
     * 30 ms of boot with the image's 26 jars); the image ships one provider, named here.
     */
    static void nameTheLoggingProvider() {
        if (System.getProperty(SLF4J_PROVIDER) == null) {
            System.setProperty(SLF4J_PROVIDER, "org.slf4j.jul.JULServiceProvider");
        }
        if (System.getProperty(SLF4J_VERBOSITY) == null) {
            System.setProperty(SLF4J_VERBOSITY, "WARN"); // not a line at every boot saying so
        }
    }

    /** Users see one line with the code and remedy, never a stack trace. */
    static int report(Exception e, PrintWriter err) {
        if (e instanceof ConfigException c) {
            err.println("printmail: " + c.detail());
            err.println("Remedy: set or correct " + c.field() + ", then start again.");
        } else if (e instanceof PrintmailException p) {
            err.println("printmail: " + p.getMessage());
            err.println("Remedy: " + p.remedy());
        } else {
            err.println("printmail: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        err.flush();
        return 1;
    }

    /**
     * The install root, where {@code firmware-config/} lives: {@code -Dprintmail.home}, else the
     * folder of the firmware jar when it has {@code firmware-config/} beside it (the distribution's
     * layout: jar, {@code lib/}, {@code firmware-config/}), else the working folder.
     */
    public static Path home() {
        String h = System.getProperty("printmail.home");
        if (h != null) {
            return Path.of(h).toAbsolutePath();
        }
        try {
            Path jar = Path.of(FirmwareMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(jar) && Files.isDirectory(jar.resolveSibling("firmware-config"))) {
                return jar.getParent().toAbsolutePath();
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through: the working folder
        }
        return Path.of("").toAbsolutePath();
    }
}
