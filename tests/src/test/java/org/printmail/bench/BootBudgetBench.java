package org.printmail.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.printmail.trust.TlsTrust;

/**
 * Boot and idle-memory budget of the firmware image against the bare HTTPS floor, side by side:
 * each round starts the floor ({@link BareHttpsFloor}) and the device (the firmware distribution's
 * jar on an existing data folder) in fresh JVMs with the same flags, alternating which goes first,
 * and measures the time from process start to the first HTTPS answer and the RSS after 5 s idle.
 * First boot (key generation, password hashing) is measured once, separately.
 *
 * <p>Run: {@code tests/src/test/bench/boot-budget.sh [rounds] [JVM flags...]}
 */
public final class BootBudgetBench {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path DIST = ROOT.resolve("firmware/target/dist");
    private static final Path KEYSTORE = ROOT.resolve("test-fixtures/tls/localhost.p12");
    private static final String KEYSTORE_PASSWORD = "test-only"; // TEST-ONLY keystore

    record Sample(double seconds, long rssKb) { }

    private BootBudgetBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> flags = args.length > 1 ? Arrays.asList(args).subList(1, args.length)
                : List.of("-Xmx32m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1");
        Path data = Files.createTempDirectory("boot-budget");
        // As the printmail-device launcher does: the first run records a CDS archive when it exits,
        // later boots map it. The floor keeps the JDK's own CDS archive (it has no classes of ours).
        Path archive = Files.createTempDirectory("boot-budget-cds").resolve("printmail-device.jsa");
        List<String> training = new ArrayList<>(flags);
        training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        Sample first = run(device(training, data));
        System.out.printf("first boot (new data folder, no CDS archive yet): %.3f s, RSS %d MB%n",
                first.seconds(), first.rssKb() / 1024);
        List<String> deviceFlags = new ArrayList<>(flags);
        if (Files.isRegularFile(archive)) {
            deviceFlags.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        } else {
            System.out.println("no CDS archive was written; the device runs without one");
        }
        List<Sample> floor = new ArrayList<>();
        List<Sample> dev = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            if (i % 2 == 0) {
                floor.add(run(floor(flags)));
                dev.add(run(device(deviceFlags, data)));
            } else {
                dev.add(run(device(deviceFlags, data)));
                floor.add(run(floor(flags)));
            }
            System.out.printf("round %d: floor %.3f s %d MB | device %.3f s %d MB%n", i + 1,
                    floor.get(i).seconds(), floor.get(i).rssKb() / 1024, dev.get(i).seconds(), dev.get(i).rssKb() / 1024);
        }
        double f = median(floor.stream().mapToDouble(Sample::seconds).toArray());
        double d = median(dev.stream().mapToDouble(Sample::seconds).toArray());
        double fr = median(floor.stream().mapToDouble(s -> s.rssKb() / 1024.0).toArray());
        double dr = median(dev.stream().mapToDouble(s -> s.rssKb() / 1024.0).toArray());
        System.out.printf("flags: %s (device also: its CDS archive)%n", String.join(" ", flags));
        System.out.printf("median time to first HTTPS answer: floor %.3f s, device %.3f s, ratio %.3f (goal <= 1.05)%n",
                f, d, d / f);
        System.out.printf("median idle RSS: floor %.1f MB, device %.1f MB, difference %+.1f MB (goal <= +16)%n",
                fr, dr, dr - fr);
    }

    private static ProcessBuilder floor(List<String> flags) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(flags);
        cmd.addAll(List.of("-cp", ROOT.resolve("tests/target/test-classes").toString(),
                BareHttpsFloor.class.getName(), "PORT", KEYSTORE.toString(), KEYSTORE_PASSWORD));
        return new ProcessBuilder(cmd);
    }

    private static ProcessBuilder device(List<String> flags, Path data) {
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(flags);
        cmd.addAll(List.of("-Dprintmail.home=" + DIST,
                "-Djava.util.logging.config.file=" + DIST.resolve("firmware-config/logging.properties"),
                "-jar", DIST.resolve("printmail-firmware.jar").toString(), "--profile", "exchange-online",
                "--data-dir", data.toString(), "--web-port", "PORT", "--web-keystore", KEYSTORE.toString(), "--no-panel"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("PRINTMAIL_WEB_KEYSTORE_PASSWORD", KEYSTORE_PASSWORD);
        pb.environment().put("PRINTMAIL_ADMIN_PASSWORD", "boot-budget-TEST-ONLY");
        return pb;
    }

    private static Sample run(ProcessBuilder pb) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(pb.command());
        cmd.replaceAll(a -> a.equals("PORT") ? Integer.toString(port) : a);
        pb.command(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        // Redirects followed: the device's "/" sends a visitor to its log-in page, the page that
        // counts; the floor answers "/" itself.
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .sslContext(TlsTrust.withCaFiles(List.of(ROOT.resolve("test-fixtures/tls/test-ca.pem"))).sslContext())
                .build();
        HttpRequest get = HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long t0 = System.nanoTime();
        Process p = pb.start();
        try {
            long deadline = t0 + Duration.ofSeconds(60).toNanos();
            while (true) {
                try {
                    int status = http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status != 200) {
                        throw new IllegalStateException("answer " + status + " from " + pb.command());
                    }
                    break;
                } catch (IOException notYet) {
                    if (System.nanoTime() > deadline || !p.isAlive()) {
                        throw new IllegalStateException("no answer from " + pb.command(), notYet);
                    }
                    Thread.sleep(5);
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Thread.sleep(5000);
            return new Sample(seconds, rssKb(p.pid()));
        } finally {
            p.destroy(); // SIGTERM: a clean exit, so a training run writes its CDS archive
            p.waitFor();
        }
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
