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
 * First boot (key generation, password hashing) is measured once, separately. A third process
 * in each round, {@link BareJettyFloor}, serves the floor's page with Jetty core and its own CDS
 * archive: what the server Web Config is built on costs by itself.
 *
 * <p>Run: {@code tests/src/test/bench/boot-budget.sh [rounds] [JVM flags...]}; two builds of the
 * image against each other: {@code boot-budget.sh --ab ROUNDS DIST_A DIST_B} (boot-ab.sh).
 */
public final class BootBudgetBench {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path DIST = ROOT.resolve("firmware/target/dist");
    private static final Path KEYSTORE = ROOT.resolve("test-fixtures/tls/localhost.p12");
    private static final String KEYSTORE_PASSWORD = "test-only"; // TEST-ONLY keystore

    /** The printmail-device launcher's flags (firmware/src/dist/printmail-device). */
    static final List<String> LAUNCHER_FLAGS = List.of("-Xmx32m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1");

    /** Time to the first answer, CPU (user + system, all threads) spent by then, idle RSS. */
    record Sample(double seconds, double cpuSeconds, long rssKb) { }

    private BootBudgetBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--flags")) {
            flagSweep(args.length > 1 ? Integer.parseInt(args[1]) : 3);
            return;
        }
        if (args.length == 4 && args[0].equals("--ab")) {
            twoImages(Integer.parseInt(args[1]), Path.of(args[2]), Path.of(args[3]));
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> flags = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : LAUNCHER_FLAGS;
        Path data = Files.createTempDirectory("boot-budget");
        Sample first = run(device(training(flags), data));
        System.out.printf("first boot (new data folder, no CDS archive yet): %.3f s, RSS %d MB%n",
                first.seconds(), first.rssKb() / 1024);
        if (CONFIGURED) {
            configure(data);
            run(device(training(flags), data)); // the archive again, now with the settings' classes
        }
        System.out.println(CONFIGURED ? "data folder: configured (settings.json saved)"
                : "data folder: as first boot left it (no settings.json, empty vault and job log)");
        List<String> deviceFlags = withArchive(flags);
        run(jetty(jettyTraining(flags))); // Jetty's own CDS archive, as the device has one
        List<String> jettyFlags = jettyArchive(flags);
        List<Sample> floor = new ArrayList<>();
        List<Sample> dev = new ArrayList<>();
        List<Sample> jetty = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            // Each round starts with a different one of the three, in turn.
            for (int k = 0; k < 3; k++) {
                switch ((i + k) % 3) {
                    case 0 -> floor.add(run(floor(flags)));
                    case 1 -> dev.add(run(device(deviceFlags, data)));
                    default -> jetty.add(run(jetty(jettyFlags)));
                }
            }
            System.out.printf("round %d: floor %.3f s %d MB | device %.3f s %d MB | ratio %.2f, %+.1f MB"
                            + " | bare Jetty %.3f s %d MB, ratio %.2f%n",
                    i + 1, floor.get(i).seconds(), floor.get(i).rssKb() / 1024, dev.get(i).seconds(),
                    dev.get(i).rssKb() / 1024, dev.get(i).seconds() / floor.get(i).seconds(),
                    (dev.get(i).rssKb() - floor.get(i).rssKb()) / 1024.0, jetty.get(i).seconds(),
                    jetty.get(i).rssKb() / 1024, jetty.get(i).seconds() / floor.get(i).seconds());
        }
        double[] ratios = new double[rounds];
        double[] jettyRatios = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            ratios[i] = dev.get(i).seconds() / floor.get(i).seconds();
            jettyRatios[i] = jetty.get(i).seconds() / floor.get(i).seconds();
        }
        Arrays.sort(ratios);
        Arrays.sort(jettyRatios);
        System.out.printf("per-round time ratio: median %.2f, range %.2f-%.2f%n", median(ratios), ratios[0],
                ratios[rounds - 1]);
        double f = median(floor.stream().mapToDouble(Sample::seconds).toArray());
        double d = median(dev.stream().mapToDouble(Sample::seconds).toArray());
        double j = median(jetty.stream().mapToDouble(Sample::seconds).toArray());
        double fr = median(floor.stream().mapToDouble(s -> s.rssKb() / 1024.0).toArray());
        double dr = median(dev.stream().mapToDouble(s -> s.rssKb() / 1024.0).toArray());
        double jr = median(jetty.stream().mapToDouble(s -> s.rssKb() / 1024.0).toArray());
        System.out.printf("flags: %s (device and bare Jetty also: their CDS archives)%n", String.join(" ", flags));
        System.out.printf("median time to first HTTPS answer: floor %.3f s, device %.3f s, ratio %.3f (goal <= 1.05)%n",
                f, d, d / f);
        System.out.printf("median idle RSS: floor %.1f MB, device %.1f MB, difference %+.1f MB (goal <= +16)%n",
                fr, dr, dr - fr);
        System.out.printf("median CPU to the first answer: floor %.2f s, device %.2f s (x%.2f), bare Jetty %.2f s"
                        + " (x%.2f)%n", medianCpu(floor), medianCpu(dev), medianCpu(dev) / medianCpu(floor),
                medianCpu(jetty), medianCpu(jetty) / medianCpu(floor));
        System.out.printf("reference, the same page served by bare Jetty core: %.3f s, ratio %.3f to the floor"
                        + " (per-round median %.2f, range %.2f-%.2f), RSS %+.1f MB; device to bare Jetty %.3f%n",
                j, j / f, median(jettyRatios), jettyRatios[0], jettyRatios[rounds - 1], jr - fr, d / j);
        double[] devCi = ratioInterval(dev, floor);
        double[] jettyCi = ratioInterval(jetty, floor);
        double[] devJettyCi = ratioInterval(dev, jetty);
        System.out.printf("95%% bootstrap intervals of the time ratios (rounds resampled): device/floor %.2f-%.2f,"
                        + " bare Jetty/floor %.2f-%.2f, device/bare Jetty %.2f-%.2f%n", devCi[0], devCi[1],
                jettyCi[0], jettyCi[1], devJettyCi[0], devJettyCi[1]);
    }

    /**
     * How far the ratio of median times could move on this noisy machine: the rounds resampled
     * with replacement 2 000 times (fixed seed), the 2.5th and 97.5th percentiles of the ratio of
     * medians. Each round's pair stays together, since its processes ran side by side.
     */
    static double[] ratioInterval(List<Sample> over, List<Sample> under) {
        java.util.Random random = new java.util.Random(12);
        int n = over.size();
        double[] ratios = new double[2_000];
        double[] o = new double[n];
        double[] u = new double[n];
        for (int k = 0; k < ratios.length; k++) {
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(n);
                o[i] = over.get(pick).seconds();
                u[i] = under.get(pick).seconds();
            }
            ratios[k] = median(o) / median(u);
        }
        Arrays.sort(ratios);
        return new double[] {ratios[(int) (ratios.length * 0.025)], ratios[(int) (ratios.length * 0.975) - 1]};
    }

    /** BOOT_BUDGET_CONFIGURED=1: the data folder holds saved settings, as on a configured device. */
    private static final boolean CONFIGURED = "1".equals(System.getenv("BOOT_BUDGET_CONFIGURED"));

    /** Saves the settings once, as an administrator's first save in Web Config does. */
    private static void configure(Path data) {
        org.printmail.config.DeviceProfile p = org.printmail.config.ProfileLoader.load(
                ROOT.resolve("firmware/target/dist"), "exchange-online");
        org.printmail.config.SettingsStore.open(data.resolve("settings.json"),
                org.printmail.config.DeviceSettings.defaults(p)).update(s -> s);
    }

    /** Flags of a run that records the device's CDS archive when it exits (the launcher's first run). */
    private static List<String> training(List<String> flags) {
        List<String> t = new ArrayList<>(flags);
        t.addAll(List.of("-XX:ArchiveClassesAtExit=" + archiveFor(flags), "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        return t;
    }

    /** Flags of a later boot: the archive the training run recorded (the floor keeps the JDK's own). */
    private static List<String> withArchive(List<String> flags) {
        List<String> d = new ArrayList<>(flags);
        Path archive = archiveFor(flags);
        if (Files.isRegularFile(archive)) {
            d.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        } else {
            System.out.println("no CDS archive was written for " + flags + "; the device runs without one");
        }
        return d;
    }

    private static final Path ARCHIVES = uncheckedTempDir();

    private static Path archiveFor(List<String> flags) {
        return ARCHIVES.resolve("printmail-device-" + Integer.toHexString(flags.hashCode()) + ".jsa");
    }

    private static Path uncheckedTempDir() {
        try {
            return Files.createTempDirectory("boot-budget-cds");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * What each flag costs or saves: the device with the launcher's flags against the device with
     * one flag left out (or one added), alternating, each with its own CDS archive, on one data folder.
     */
    private static void flagSweep(int rounds) throws Exception {
        Path data = Files.createTempDirectory("boot-budget-flags");
        if (CONFIGURED) {
            configure(data);
        }
        run(device(training(LAUNCHER_FLAGS), data)); // records the launcher's archive
        List<List<String>> variants = new ArrayList<>();
        for (String f : LAUNCHER_FLAGS) {
            List<String> without = new ArrayList<>(LAUNCHER_FLAGS);
            without.remove(f);
            if (f.startsWith("-XX:TieredStopAtLevel")) {
                without.remove("-XX:CICompilerCount=1"); // C1 and C2 need two compiler threads
            }
            variants.add(without);
        }
        for (String extra : List.of("-XX:ReservedCodeCacheSize=16m", "-XX:MaxMetaspaceSize=48m", "-Xss256k",
                "-Xmn4m", "-XX:-UsePerfData", "-XX:TieredStopAtLevel=0", "-Xshare:off")) {
            List<String> with = new ArrayList<>(LAUNCHER_FLAGS);
            with.add(extra);
            variants.add(with);
        }
        List<String> base = withArchive(LAUNCHER_FLAGS);
        for (List<String> v : variants) {
            boolean noCds = v.contains("-Xshare:off"); // no class sharing at all, not even the JDK's
            if (!noCds) {
                run(device(training(v), data));
            }
            List<String> vf = noCds ? v : withArchive(v);
            List<Sample> a = new ArrayList<>();
            List<Sample> b = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                if (i % 2 == 0) {
                    a.add(run(device(base, data)));
                    b.add(run(device(vf, data)));
                } else {
                    b.add(run(device(vf, data)));
                    a.add(run(device(base, data)));
                }
            }
            List<String> diff = new ArrayList<>(v);
            diff.removeAll(LAUNCHER_FLAGS);
            List<String> gone = new ArrayList<>(LAUNCHER_FLAGS);
            gone.removeAll(v);
            System.out.printf("%-32s launcher %.3f s %.1f MB | variant %.3f s %.1f MB | time x%.2f, RSS %+.1f MB%n",
                    diff.isEmpty() ? "without " + gone : "with " + diff,
                    medianSeconds(a), medianMb(a), medianSeconds(b), medianMb(b),
                    medianSeconds(b) / medianSeconds(a), medianMb(b) - medianMb(a));
        }
    }

    /**
     * Two builds of the firmware image against each other (boot-ab.sh): each with its own data
     * folder and its own CDS archive, recorded by a first run; booted alternately, the launcher's
     * flags; prints the medians of time and CPU to the first answer and of the per-round ratios.
     */
    private static void twoImages(int rounds, Path distA, Path distB) throws Exception {
        List<Path> dists = List.of(distA.toAbsolutePath(), distB.toAbsolutePath());
        List<List<String>> flags = new ArrayList<>();
        List<Path> data = new ArrayList<>();
        for (int k = 0; k < dists.size(); k++) {
            Path dist = dists.get(k);
            // One archive per side, even when both name the same folder.
            Path archive = ARCHIVES.resolve(dist.getFileName() + "-" + k + ".jsa");
            Path folder = Files.createTempDirectory("boot-ab");
            List<String> training = new ArrayList<>(LAUNCHER_FLAGS);
            training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
            run(device(dist, training, folder)); // the first boot records the archive
            List<String> f = new ArrayList<>(LAUNCHER_FLAGS);
            f.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
            flags.add(f);
            data.add(folder);
        }
        List<Sample> a = new ArrayList<>();
        List<Sample> b = new ArrayList<>();
        double[] ratios = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            if (i % 2 == 0) {
                a.add(run(device(dists.get(0), flags.get(0), data.get(0))));
                b.add(run(device(dists.get(1), flags.get(1), data.get(1))));
            } else {
                b.add(run(device(dists.get(1), flags.get(1), data.get(1))));
                a.add(run(device(dists.get(0), flags.get(0), data.get(0))));
            }
            ratios[i] = b.get(i).seconds() / a.get(i).seconds();
            System.out.printf("round %d: A %.3f s, CPU %.2f s | B %.3f s, CPU %.2f s | B/A %.2f%n", i + 1,
                    a.get(i).seconds(), a.get(i).cpuSeconds(), b.get(i).seconds(), b.get(i).cpuSeconds(), ratios[i]);
        }
        Arrays.sort(ratios);
        System.out.printf("A %s: %.3f s, CPU %.2f s, RSS %.1f MB%n", dists.get(0), medianSeconds(a), medianCpu(a),
                medianMb(a));
        System.out.printf("B %s: %.3f s, CPU %.2f s, RSS %.1f MB%n", dists.get(1), medianSeconds(b), medianCpu(b),
                medianMb(b));
        System.out.printf("B/A: time %.3f (per-round median %.2f, range %.2f-%.2f), CPU %.3f%n",
                medianSeconds(b) / medianSeconds(a), median(ratios), ratios[0], ratios[rounds - 1],
                medianCpu(b) / medianCpu(a));
    }

    private static double medianCpu(List<Sample> s) {
        return median(s.stream().mapToDouble(Sample::cpuSeconds).toArray());
    }

    private static double medianSeconds(List<Sample> s) {
        return median(s.stream().mapToDouble(Sample::seconds).toArray());
    }

    private static double medianMb(List<Sample> s) {
        return median(s.stream().mapToDouble(x -> x.rssKb() / 1024.0).toArray());
    }

    private static ProcessBuilder floor(List<String> flags) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(flags);
        cmd.addAll(List.of("-cp", ROOT.resolve("tests/target/test-classes").toString(),
                BareHttpsFloor.class.getName(), "PORT", KEYSTORE.toString(), KEYSTORE_PASSWORD));
        return new ProcessBuilder(cmd);
    }

    /** The same page from bare Jetty core ({@link BareJettyFloor}): Jetty's jars, the image's versions. */
    private static ProcessBuilder jetty(List<String> flags) throws IOException {
        StringBuilder cp = new StringBuilder(jettyFloorJar().toString());
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (Path.of(entry).getFileName().toString().matches("(jetty-(server|http|io|util)|slf4j-(api|jdk14))-.*\\.jar")) {
                cp.append(java.io.File.pathSeparator).append(entry);
            }
        }
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(flags);
        cmd.addAll(List.of("-cp", cp.toString(), BareJettyFloor.class.getName(), "PORT", KEYSTORE.toString(),
                KEYSTORE_PASSWORD));
        return new ProcessBuilder(cmd);
    }

    /** CDS archives only classes from jars, so the floors' classes go into one, as the device's do. */
    private static Path jettyFloorJar() throws IOException {
        Path jar = ARCHIVES.resolve("bare-jetty-floor.jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Path classes = ROOT.resolve("tests/target/test-classes");
        String dir = BareJettyFloor.class.getPackageName().replace('.', '/');
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
             var files = Files.list(classes.resolve(dir))) {
            for (Path f : (Iterable<Path>) files.filter(x -> x.getFileName().toString()
                    .matches("(BareJettyFloor|BareHttpsFloor)\\b.*"))::iterator) {
                out.putNextEntry(new java.util.jar.JarEntry(dir + "/" + f.getFileName()));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static List<String> jettyTraining(List<String> flags) {
        List<String> t = new ArrayList<>(flags);
        t.addAll(List.of("-XX:ArchiveClassesAtExit=" + jettyArchiveFile(flags), "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off"));
        return t;
    }

    private static List<String> jettyArchive(List<String> flags) {
        List<String> j = new ArrayList<>(flags);
        if (Files.isRegularFile(jettyArchiveFile(flags))) {
            j.addAll(List.of("-XX:SharedArchiveFile=" + jettyArchiveFile(flags), "-Xlog:cds=off",
                    "-Xlog:cds+dynamic=off"));
        }
        return j;
    }

    private static Path jettyArchiveFile(List<String> flags) {
        return ARCHIVES.resolve("bare-jetty-" + Integer.toHexString(flags.hashCode()) + ".jsa");
    }

    private static ProcessBuilder device(List<String> flags, Path data) {
        return device(DIST, flags, data);
    }

    /** The image in {@code dist} (the build's, or one of two compared) booted on {@code data}. */
    private static ProcessBuilder device(Path dist, List<String> flags, Path data) {
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(flags);
        cmd.addAll(List.of("-Dprintmail.home=" + dist,
                "-Djava.util.logging.config.file=" + dist.resolve("firmware-config/logging.properties"),
                "-jar", dist.resolve("printmail-firmware.jar").toString(), "--profile", "exchange-online",
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
            double cpu = cpuSeconds(p.pid());
            Thread.sleep(5000);
            return new Sample(seconds, cpu, rssKb(p.pid()));
        } finally {
            p.destroy(); // SIGTERM: a clean exit, so a training run writes its CDS archive
            p.waitFor();
        }
    }

    /**
     * CPU time of the whole process so far, from {@code /proc/<pid>/stat} (utime + stime, in clock
     * ticks of 10 ms): less disturbed than wall time by other work on a shared machine.
     */
    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // fields 14 and 15
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
