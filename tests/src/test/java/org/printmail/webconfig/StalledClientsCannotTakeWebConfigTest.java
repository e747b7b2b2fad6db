package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.printmail.testing.LoopbackHttps;
import org.printmail.testing.StalledClients;
import org.printmail.trust.TlsTrust;

/**
 * Issue 11 §1 in small: stalled TLS handshakes and trickled request heads from one address
 * while the administrator, from another address, logs in and opens every page, each answered
 * within 2 s; afterwards the stalled connections are gone and the file descriptors with them.
 * The whole-process version with 200 + 50 connections for 2 minutes is
 * {@code src/test/bench/webconfig-attack.sh}.
 */
class StalledClientsCannotTakeWebConfigTest {
    static final List<String> PAGES = List.of("/status", "/network/email-server",
            "/network/email-server/sign-in", "/network/email-server/connection-test",
            "/network-security/ca-certificate", "/fax/email-server", "/fax/email-server/sign-in",
            "/fax/email-server/connection-test", "/notifications", "/admin-password", "/job-log");
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);

    @Test
    void stalledHandshakesAndTrickledHeadsFromOneAddressDoNotDelayTheAdminOnAnother()
            throws Exception {
        ServerLimits limits = new ServerLimits(Duration.ofSeconds(8), Duration.ofSeconds(5),
                Duration.ofSeconds(20), 8, 64, 8);
        try (WebConfigRig web = new WebConfigRig(o -> o.withLimits(limits))) {
            var tls = TlsTrust.withCaFiles(List.of(WebConfigRig.TEST_CA)).sslContext();
            LoopbackHttps attackerAddress = new LoopbackHttps(tls, web.server.baseUri(),
                    InetAddress.getByName("127.0.0.1"), Duration.ofSeconds(5));
            LoopbackHttps admin = new LoopbackHttps(tls, web.server.baseUri(),
                    InetAddress.getByName("127.0.0.2"), ANSWER_WITHIN);
            long fdsBefore = openFileDescriptors();

            try (StalledClients attack = new StalledClients(attackerAddress, 12, 4, 300)) {
                assertEquals(limits.maxConnectionsPerAddress(), attack.stillOpen(),
                        "the attacker holds as many connections as one address may");
                LoopbackHttps.Reply login = admin.logIn(WebConfigRig.ADMIN_PASSWORD);
                assertEquals(303, login.status(), "the admin logs in during the attack");
                for (String page : PAGES) {
                    long t0 = System.nanoTime();
                    LoopbackHttps.Reply r = admin.get(page);
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    assertEquals(200, r.status(), page);
                    assertTrue(ms < ANSWER_WITHIN.toMillis(), page + " took " + ms + " ms");
                }
                assertTrue(attack.stillOpen() > 0,
                        "the pages were loaded while stalled connections were still held");
                assertTrue(web.server.connections().refusedOverCap() > 0,
                        "connections beyond the per-address cap were closed");

                waitUntil(() -> attack.stillOpen() == 0, Duration.ofSeconds(10));
                assertEquals(0, attack.stillOpen(), "the deadline closed every stalled connection");
                assertTrue(web.server.connections().closedAtDeadline() >= 8);
            }
            waitUntil(() -> web.server.connections().open() == 0, Duration.ofSeconds(5));
            assertEquals(0, web.server.connections().open());
            waitUntil(() -> openFileDescriptors() <= fdsBefore + 2, Duration.ofSeconds(5));
            assertTrue(openFileDescriptors() <= fdsBefore + 2, "file descriptors back to baseline: "
                    + fdsBefore + " before, " + openFileDescriptors() + " after");
        }
    }

    static long openFileDescriptors() {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        } catch (IOException e) {
            return 0;
        }
    }

    interface Check {
        boolean ok();
    }

    /** Polls a network outcome (sockets closing) for at most {@code max}. */
    static void waitUntil(Check check, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!check.ok() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
    }
}
