package org.printmail.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.printmail.lab.LabIdentityOptions;
import org.printmail.lab.LabIdentityPlatform;
import org.printmail.lab.LabUsers;
import org.printmail.smtp.PostfixDovecotRig;
import org.printmail.trust.TlsTrust;

/**
 * printmail's sender vs plain Angus Mail against a real Postfix + Dovecot (STARTTLS, XOAUTH2
 * checked by introspection on the lab identity platform): each run a fresh JVM at
 * {@code -Xmx32m} ({@link RealServerBenchChild}), the two sides alternating and taking turns to
 * go first, 5 rounds. {@code small}: 500 messages with a 1 KB attachment each, time ratio.
 * {@code large}: one 100 MB attachment, throughput ratio and peak RSS of each side.
 *
 * <p>Run: {@code tests/src/test/bench/smtp-real-small.sh} or {@code tests/src/test/bench/smtp-real-large.sh}.
 */
public final class RealServerBench {
    private static final int ROUNDS = 5;
    private static final Path CA = Path.of("test-fixtures", "tls", "test-ca.pem").toAbsolutePath();

    private RealServerBench() { }

    public static void main(String[] args) throws Exception {
        boolean large = args.length > 0 && "large".equals(args[0]);
        // Optional: the baseline side, "angus" (default) or "angus-wt" (with a write timeout).
        String baseline = args.length > 1 ? args[1] : "angus";
        long size = large ? 100L * 1024 * 1024 : 1024;
        int count = large ? 1 : 500;
        Path file = Files.createTempFile("printmail-bench-", ".pdf");
        try (LabIdentityPlatform lab = LabIdentityPlatform.start(
                LabIdentityOptions.defaults(Path.of("").toAbsolutePath(), Clock.systemUTC()).withPort(0));
             PostfixDovecotRig server = PostfixDovecotRig.start(lab)) {
            writeRandom(file, size);
            String token = signIn(lab, LabUsers.ADMIN);
            List<Double> printmail = new ArrayList<>();
            List<Double> angus = new ArrayList<>();
            List<Long> printmailRss = new ArrayList<>();
            List<Long> angusRss = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                double[] p = null;
                double[] a = null;
                for (String side : round % 2 == 0 ? List.of("printmail", baseline) : List.of(baseline, "printmail")) {
                    double[] r = child(side, server, token, file, count);
                    if (side.equals("printmail")) {
                        p = r;
                    } else {
                        a = r;
                    }
                }
                printmail.add(p[0]);
                angus.add(a[0]);
                printmailRss.add((long) p[1]);
                angusRss.add((long) a[1]);
                ratios.add(p[0] / a[0]);
                System.out.printf(Locale.ROOT, "round %d: printmail %.3f s, %d MB RSS | plain Angus %.3f s, %d MB RSS"
                        + " | time ratio %.3f%n", round + 1, p[0], (long) p[1] >> 10, a[0], (long) a[1] >> 10, p[0] / a[0]);
            }
            double mb = size * count / 1048576.0;
            System.out.printf(Locale.ROOT, "%s, %d rounds, fresh JVM -Xmx32m each, alternating%n",
                    large ? "one 100 MB attachment" : count + " messages with a 1 KB attachment", ROUNDS);
            System.out.printf(Locale.ROOT, "printmail   %.3f-%.3f s (median %.3f)%s, peak RSS %d-%d MB (median %d)%n",
                    min(printmail), max(printmail), median(printmail),
                    large ? String.format(Locale.ROOT, " = %.1f MB/s", mb / median(printmail)) : "",
                    (long) min(printmailRss) >> 10, (long) max(printmailRss) >> 10, medianLong(printmailRss) >> 10);
            System.out.printf(Locale.ROOT, "plain Angus %.3f-%.3f s (median %.3f)%s, peak RSS %d-%d MB (median %d)%n",
                    min(angus), max(angus), median(angus),
                    large ? String.format(Locale.ROOT, " = %.1f MB/s", mb / median(angus)) : "",
                    (long) min(angusRss) >> 10, (long) max(angusRss) >> 10, medianLong(angusRss) >> 10);
            System.out.printf(Locale.ROOT, "time ratio printmail/Angus: median %.3f (%.3f-%.3f); throughput ratio %.3f;"
                    + " RSS difference of medians %+d MB%n", median(ratios), min(ratios), max(ratios),
                    1 / median(ratios), (medianLong(printmailRss) - medianLong(angusRss)) >> 10);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** One fresh JVM; returns {seconds, peak RSS in KB}. Delivered mail is removed afterwards. */
    private static double[] child(String side, PostfixDovecotRig server, String token, Path file, int count)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                RealServerBenchChild.class.getName(), side, String.valueOf(server.port()), LabUsers.ADMIN, token,
                file.toString(), String.valueOf(count), CA.toString()).redirectErrorStream(true).start();
        String result = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("RESULT ")) {
                    result = line;
                } else {
                    System.out.println("  [" + side + "] " + line);
                }
            }
        }
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || result == null) {
            p.destroyForcibly();
            throw new IllegalStateException(side + " run failed\n" + server.logTail());
        }
        server.awaitDelivered("bench@contoso.example", count, Duration.ofMinutes(3));
        for (Path m : server.delivered("bench@contoso.example")) {
            Files.delete(m);
        }
        String[] f = result.split(" ");
        return new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3])};
    }

    /** A device-code sign-in on the lab, approved at once; returns the access token. */
    static String signIn(LabIdentityPlatform lab, String upn) throws Exception {
        lab.setOrganizationConsent(true);
        HttpClient http = HttpClient.newBuilder()
                .sslContext(TlsTrust.withCaFiles(List.of(CA)).sslContext()).build();
        URI base = lab.authorityBase();
        JsonNode code = post(http, base.resolve("/organizations/oauth2/v2.0/devicecode"), "client_id="
                + LabIdentityOptions.LAB_CLIENT_ID + "&scope=" + enc("https://outlook.office.com/SMTP.Send offline_access"));
        lab.approve(code.get("user_code").asText(), upn);
        JsonNode tokens = post(http, base.resolve("/organizations/oauth2/v2.0/token"), "grant_type="
                + enc(LabIdentityPlatform.DEVICE_CODE_GRANT) + "&client_id=" + LabIdentityOptions.LAB_CLIENT_ID
                + "&device_code=" + enc(code.get("device_code").asText()));
        return tokens.get("access_token").asText();
    }

    private static JsonNode post(HttpClient http, URI uri, String form) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(uri.getPath() + " answered " + r.statusCode());
        }
        return new ObjectMapper().readTree(r.body());
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    private static void writeRandom(Path file, long size) throws Exception {
        byte[] buf = new byte[(int) Math.min(size, 1 << 20)];
        Random random = new Random(42);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long done = 0; done < size; done += buf.length) {
                random.nextBytes(buf);
                out.write(buf, 0, (int) Math.min(buf.length, size - done));
            }
        }
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static long medianLong(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static double min(List<? extends Number> xs) {
        return xs.stream().mapToDouble(Number::doubleValue).min().orElse(0);
    }

    private static double max(List<? extends Number> xs) {
        return xs.stream().mapToDouble(Number::doubleValue).max().orElse(0);
    }
}
