package org.printmail.device;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.printmail.testing.DeviceRig;

/**
 * The firmware image ({@code firmware/target/dist/}) running as its own process the way the
 * {@code printmail-device} launcher starts it, on a data folder, with the control panel on its
 * stdin/stdout and its log in {@code device.log} there. Stopped by {@link #close()}.
 */
final class FirmwareImageProcess implements AutoCloseable {
    static final Path DIST = DeviceRig.ROOT.resolve("firmware/target/dist");
    static final Path KEYSTORE = DeviceRig.ROOT.resolve("test-fixtures/tls/localhost.p12");
    static final Path TEST_CA = DeviceRig.ROOT.resolve("test-fixtures/tls/test-ca.pem");
    private static final String KEYSTORE_PASSWORD = "test-only"; // TEST-ONLY keystore
    private static final String ADMIN_PASSWORD = "image-TEST-ONLY-1";

    private final Path data;
    private final Process device;
    private final BlockingQueue<String> panel = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    /**
     * The launcher's JVM flags plus {@code extraFlags}, java -jar on the image; the CDS archive is
     * left out (not a test's).
     */
    FirmwareImageProcess(Path data, int webPort, List<String> extraFlags) throws IOException {
        this.data = data;
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(launcherFlags());
        cmd.addAll(extraFlags);
        cmd.addAll(List.of("-Dprintmail.home=" + DIST,
                "-Djava.util.logging.config.file=" + DIST.resolve("firmware-config/logging.properties"),
                "-jar", DIST.resolve("printmail-firmware.jar").toString(),
                "--profile", "exchange-online", "--data-dir", data.toString(),
                "--web-port", String.valueOf(webPort), "--web-keystore", KEYSTORE.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(data.toFile())
                .redirectError(data.resolve("device.log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("PRINTMAIL_"));
        pb.environment().put(DeviceCommand.KEYSTORE_PASSWORD_ENV, KEYSTORE_PASSWORD);
        pb.environment().put(DeviceCommand.ADMIN_PASSWORD_ENV, ADMIN_PASSWORD);
        device = pb.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(device.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    panel.add(l);
                }
            } catch (IOException e) {
                panel.add("(stdout closed: " + e + ")");
            }
        }, "firmware-image-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Fails the test unless the image has been built in this run. */
    static void requireBuilt() {
        if (!Files.isRegularFile(DIST.resolve("printmail-firmware.jar"))) {
            fail("no firmware image in " + DIST + ": build the firmware module in the same run, e.g. "
                    + "mvn verify -pl tests -am (with -am), not -pl tests alone");
        }
    }

    /** PRINTMAIL_JAVA_OPTS's default in the image's printmail-device launcher. */
    private static List<String> launcherFlags() throws IOException {
        Matcher m = Pattern.compile(": \"\\$\\{PRINTMAIL_JAVA_OPTS:=([^}]*)}\"")
                .matcher(Files.readString(DIST.resolve("printmail-device")));
        assertTrue(m.find(), "no PRINTMAIL_JAVA_OPTS default in " + DIST.resolve("printmail-device"));
        return Arrays.asList(m.group(1).trim().split("\\s+"));
    }

    Process process() { return device; }

    /** Types lines on the panel. */
    void type(String... lines) throws IOException {
        OutputStream in = device.getOutputStream();
        for (String l : lines) {
            in.write((l + "\n").getBytes(StandardCharsets.UTF_8));
        }
        in.flush();
    }

    /** The next panel line that matches; fails at the timeout or as soon as the device has exited. */
    String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean alive = device.isAlive();
            String l = panel.poll(Math.min(500_000_000L, Math.max(1, deadline - System.nanoTime())),
                    TimeUnit.NANOSECONDS);
            if (l != null) {
                seen.add(l);
                if (wanted.test(l)) {
                    return l;
                }
            } else if (!alive || System.nanoTime() > deadline) {
                fail("no such line within " + timeout + (alive ? "" : " (the device exited "
                        + device.exitValue() + ")") + ":\n" + transcript());
            }
        }
    }

    /** What the panel showed so far and the device's log. */
    String transcript() {
        String log;
        try {
            log = new String(Files.readAllBytes(data.resolve("device.log")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "stdout:\n" + String.join("\n", seen) + "\nstderr:\n" + log;
    }

    @Override
    public void close() throws InterruptedException {
        if (device.isAlive()) {
            device.destroy();
            if (!device.waitFor(10, TimeUnit.SECONDS)) {
                device.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
