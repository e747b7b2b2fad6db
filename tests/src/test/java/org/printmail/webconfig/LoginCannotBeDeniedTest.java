package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;
import org.printmail.testing.LoopbackHttps;
import org.printmail.trust.TlsTrust;

/** Issue 11 §2: the log-in cannot be denied to the administrator, and guessing stays slow. */
class LoginCannotBeDeniedTest {
    private static final SSLContext TLS =
            TlsTrust.withCaFiles(List.of(WebConfigRig.TEST_CA)).sslContext();

    private static LoopbackHttps from(WebConfigRig web, String address) throws Exception {
        return new LoopbackHttps(TLS, web.server.baseUri(), InetAddress.getByName(address),
                Duration.ofSeconds(10));
    }

    @Test
    void aFloodOfCookieLessLoginPageVisitsDoesNotRefuseTheAdminsPassword() throws Exception {
        try (WebConfigRig web = new WebConfigRig()) {
            HttpsAdmin admin = new HttpsAdmin(web.server.baseUri());
            String token = admin.csrf(Dispatcher.LOGIN);
            HttpsAdmin flood = new HttpsAdmin(web.server.baseUri());
            for (int i = 0; i < 300; i++) {
                flood.cookie = "";
                assertEquals(200, flood.get(Dispatcher.LOGIN).statusCode());
            }
            HttpResponse<String> r = admin.post(Dispatcher.LOGIN,
                    Map.of("csrf", token, "password", WebConfigRig.ADMIN_PASSWORD));
            assertEquals(303, r.statusCode(), "the form fetched before the flood still logs in");
            assertEquals(200, admin.get("/status").statusCode());
        }
    }

    @Test
    void aStrangerSharingTheAdminsAddressCannotLockTheBrowserTheAdminLoggedInWith()
            throws Exception {
        try (WebConfigRig web = new WebConfigRig()) {
            LoopbackHttps admin = from(web, "127.0.0.2");
            assertEquals(303, admin.logIn(WebConfigRig.ADMIN_PASSWORD).status());
            assertFalse(admin.knownBrowser.isEmpty(), "log-in leaves a known-browser cookie");
            admin.cookie = ""; // the session ended; the browser is still the admin's

            LoopbackHttps stranger = from(web, "127.0.0.2"); // same NAT address, no cookies
            int last = 0;
            for (int i = 0; i < 12; i++) {
                stranger.cookie = "";
                last = stranger.logIn("guess-" + i).status();
            }
            assertEquals(429, last, "the stranger's guesses lock the shared address");
            assertEquals(303, admin.logIn(WebConfigRig.ADMIN_PASSWORD).status(),
                    "the admin's known browser is not locked by the stranger's failures");
        }
    }

    @Test
    void failedLogInsAreForgottenAsTimePasses() throws Exception {
        try (WebConfigRig web = new WebConfigRig()) {
            HttpsAdmin browser = new HttpsAdmin(web.server.baseUri());
            for (int i = 0; i < 4; i++) {
                assertEquals(401, browser.logIn("typo-" + i).statusCode());
            }
            web.clock.advance(Duration.ofHours(2));
            for (int i = 0; i < 4; i++) {
                HttpResponse<String> r = browser.logIn("typo-again-" + i);
                assertEquals(401, r.statusCode());
                assertFalse(r.body().contains("Too many failed log-ins"),
                        "old failures decayed: no lockout after 4 new ones");
            }
            assertEquals(303, browser.logIn(WebConfigRig.ADMIN_PASSWORD).statusCode());
        }
    }

    @Test
    void rotatingSourceAddressesDoesNotMultiplyTheGuessingRate() throws Exception {
        try (WebConfigRig web = new WebConfigRig(o -> o.withPasswordChecksPerSecond(2))) {
            int checked = 0;
            int refusedUnchecked = 0;
            for (int i = 10; i < 40; i++) {
                LoopbackHttps.Reply r = from(web, "127.0.0." + i).logIn("guess-" + i);
                if (r.status() == 401) {
                    checked++;
                } else if (r.status() == 429
                        && r.body().contains("limiting log-in attempts")) {
                    refusedUnchecked++;
                }
            }
            assertTrue(checked <= 6, "30 addresses in no time got " + checked
                    + " password checks; the device-wide burst is 6 (2 a second)");
            assertEquals(30, checked + refusedUnchecked);
            web.clock.advance(Duration.ofSeconds(5));
            assertEquals(303, from(web, "127.0.0.50").logIn(WebConfigRig.ADMIN_PASSWORD).status(),
                    "the budget refills with time");
        }
    }

    @Test
    void passwordGuessingDoesNotDelayTheLoggedInAdminsPages() throws Exception {
        try (WebConfigRig web = new WebConfigRig(o -> o.withPasswordIterations(300_000))) {
            HttpsAdmin admin = new HttpsAdmin(web.server.baseUri());
            assertEquals(303, admin.logIn(WebConfigRig.ADMIN_PASSWORD).statusCode());
            long oneCheck = timed(() -> new HttpsAdmin(web.server.baseUri()).logIn("alone"));
            List<Long> quiet = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                quiet.add(timed(() -> admin.get("/job-log")));
            }

            AtomicBoolean spraying = new AtomicBoolean(true);
            ExecutorService guessers = Executors.newFixedThreadPool(6);
            for (int g = 0; g < 6; g++) {
                int n = g;
                guessers.submit(() -> {
                    LoopbackHttps c = from(web, "127.0.1." + (n + 1));
                    while (spraying.get()) {
                        c.cookie = "";
                        c.logIn("spray");
                    }
                    return null;
                });
            }
            Thread.sleep(300); // the spray is under way (network timing, not the device clock)
            List<Long> underSpray = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                underSpray.add(timed(() -> admin.get("/job-log")));
            }
            spraying.set(false);
            guessers.shutdown();
            assertTrue(guessers.awaitTermination(30, TimeUnit.SECONDS));
            long quietMedian = median(quiet);
            long sprayMedian = median(underSpray);
            assertTrue(sprayMedian <= quietMedian + oneCheck,
                    "page median " + sprayMedian + " ms under a spray vs " + quietMedian
                            + " ms quiet; one password check takes " + oneCheck + " ms");
        }
    }

    interface Call {
        Object run() throws Exception;
    }

    private static long timed(Call c) throws Exception {
        long t0 = System.nanoTime();
        c.run();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
