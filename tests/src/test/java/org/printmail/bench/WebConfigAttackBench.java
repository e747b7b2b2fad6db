package org.printmail.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.printmail.testing.LoopbackHttps;
import org.printmail.testing.StalledClients;
import org.printmail.trust.TlsTrust;

/**
 * Issue 11 §1's bar against a running Web Config (started by {@code webconfig-attack.sh}):
 * for {@code seconds}, attackers on 127.0.0.1 hold (and re-open, once a second, whatever the
 * server closed) {@code halfOpen} connections that sent 11 bytes of a TLS ClientHello and
 * {@code trickle} connections that send one header line every 5 s; meanwhile an administrator
 * on 127.0.0.2 logs in and loads every page, again and again. Prints each page's answer times
 * and how many answers took 2 s or more (the bar: none). Loopback only; stops by itself.
 *
 * <p>Arguments: {@code baseUri adminPassword [seconds=120] [halfOpen=200] [trickle=50]};
 * {@code seconds} 0 only warms up (log-in and every page once, as a running device has).
 */
public final class WebConfigAttackBench {
    static final List<String> PAGES = List.of("/status", "/network/email-server",
            "/network/email-server/sign-in", "/network/email-server/connection-test",
            "/network-security/ca-certificate", "/fax/email-server", "/fax/email-server/sign-in",
            "/fax/email-server/connection-test", "/notifications", "/admin-password", "/job-log");
    private static final Duration BAR = Duration.ofSeconds(2);

    private WebConfigAttackBench() { }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String password = args[1];
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 120;
        int halfOpen = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int trickle = args.length > 4 ? Integer.parseInt(args[4]) : 50;
        var tls = TlsTrust.withCaFiles(List.of(Path.of("test-fixtures/tls/test-ca.pem")))
                .sslContext();
        LoopbackHttps attacker = new LoopbackHttps(tls, base, InetAddress.getByName("127.0.0.1"),
                Duration.ofSeconds(5));
        LoopbackHttps admin = new LoopbackHttps(tls, base, InetAddress.getByName("127.0.0.2"),
                Duration.ofSeconds(10));

        // Warm-up before the attack, not counted: a running device has loaded its classes.
        admin.logIn(password);
        for (String page : PAGES) {
            admin.get(page);
        }
        if (seconds == 0) {
            keptAliveLatency(tls, base, admin.cookie);
            System.out.println("warm-up done (log-in and every page once)");
            return;
        }
        List<Long> answers = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean attacking = new AtomicBoolean(true);
        Thread adminLoop = new Thread(() -> {
            while (attacking.get()) {
                try {
                    admin.cookie = "";
                    long t0 = System.nanoTime();
                    LoopbackHttps.Reply login = admin.logIn(password);
                    long loginMs = (System.nanoTime() - t0) / 1_000_000;
                    answers.add(loginMs / 2); // two requests: the form, then the POST
                    if (loginMs / 2 >= BAR.toMillis()) {
                        failures.add("log-in took " + loginMs + " ms for two requests");
                    }
                    if (login.status() != 303) {
                        failures.add("log-in answered " + login.status());
                    }
                    for (String page : PAGES) {
                        long p0 = System.nanoTime();
                        LoopbackHttps.Reply r = admin.get(page);
                        answers.add((System.nanoTime() - p0) / 1_000_000);
                        long ms = (System.nanoTime() - p0) / 1_000_000;
                        if (r.status() != 200 || ms >= BAR.toMillis()) {
                            failures.add(page + " answered " + r.status() + " in " + ms + " ms");
                        }
                    }
                    Thread.sleep(2_000);
                } catch (IOException e) {
                    failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "admin");

        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Integer> held = new ArrayList<>();
        long opened = 0;
        List<StalledClients> waves = new ArrayList<>();
        adminLoop.start();
        try {
            while (System.nanoTime() < end) {
                int open = waves.stream().mapToInt(StalledClients::stillOpen).sum();
                held.add(open);
                int missingHalf = Math.max(0, halfOpen + trickle - open);
                if (missingHalf > 0) {
                    // Re-open what the server closed, in the same proportion.
                    int h = (int) Math.round(missingHalf * (halfOpen / (double) (halfOpen + trickle)));
                    waves.add(new StalledClients(attacker, h, missingHalf - h, 5_000));
                    opened += missingHalf;
                }
                Thread.sleep(1_000);
            }
        } finally {
            attacking.set(false);
            adminLoop.join(30_000);
            waves.forEach(StalledClients::close);
        }
        Collections.sort(held);
        List<Long> sorted = new ArrayList<>(answers);
        Collections.sort(sorted);
        long over = sorted.stream().filter(ms -> ms >= BAR.toMillis()).count();
        System.out.printf("attack: %d s, target %d half-open + %d trickling from 127.0.0.1;"
                        + " connections opened %d; held at once (client view) min %d median %d max %d%n",
                seconds, halfOpen, trickle, opened, held.get(0), held.get(held.size() / 2),
                held.get(held.size() - 1));
        System.out.printf("admin on 127.0.0.2: %d answers, median %d ms, p99 %d ms, max %d ms,"
                        + " %d at or over %d ms, %d failures%n",
                sorted.size(), pct(sorted, 50), pct(sorted, 99), sorted.get(sorted.size() - 1),
                over, BAR.toMillis(), failures.size());
        failures.stream().limit(10).forEach(f -> System.out.println("  failure: " + f));
        System.exit(over == 0 && failures.isEmpty() ? 0 : 1);
    }

    /**
     * Page latency on one kept-alive connection (no handshake per request), where Nagle's
     * algorithm with the browser's delayed ACK would add about 40 ms per answer.
     */
    private static void keptAliveLatency(javax.net.ssl.SSLContext tls, URI base, String cookie)
            throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().sslContext(tls)
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            java.net.http.HttpRequest get = java.net.http.HttpRequest.newBuilder(
                            base.resolve("/status")).timeout(Duration.ofSeconds(10))
                    .header("Cookie", "__Host-webconfig=" + cookie).build();
            long t0 = System.nanoTime();
            http.send(get, java.net.http.HttpResponse.BodyHandlers.ofString());
            if (i >= 10) { // the first ten warm the connection and the JIT
                ms.add((System.nanoTime() - t0) / 100_000);
            }
        }
        Collections.sort(ms);
        System.out.printf("kept-alive GET /status, 50 answers: median %.1f ms, p90 %.1f ms,"
                + " max %.1f ms%n", pct(ms, 50) / 10.0, pct(ms, 90) / 10.0,
                ms.get(ms.size() - 1) / 10.0);
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }
}
