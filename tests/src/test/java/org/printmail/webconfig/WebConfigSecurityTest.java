package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.printmail.testing.LogCapture;
import org.printmail.auth.AccountState;
import org.printmail.lab.LabUsers;
import org.printmail.auth.AccountId;
import org.printmail.store.AccountRecord;

/**
 * Log-in, sessions, CSRF, lockout, headers and secrets, over real HTTPS in front of the real
 * device and lab; the secrets checked for are the real tokens read from the device's vault.
 */
class WebConfigSecurityTest {
    static final List<String> ADMIN_PAGES = List.of("/", "/status", "/network/email-server",
            "/network/email-server/sign-in", "/network/email-server/connection-test",
                    "/network-security/ca-certificate",
            "/fax/email-server", "/fax/email-server/sign-in", "/fax/email-server/connection-test",
                    "/notifications", "/admin-password",
            "/job-log");

    private WebConfigRig device;
    private HttpsAdmin browser;
    private LogCapture capture;

    @BeforeEach
    void start() throws Exception {
        capture = LogCapture.start(Level.INFO);
        device = new WebConfigRig();
        browser = new HttpsAdmin(device.server.baseUri());
    }

    @AfterEach
    void stop() {
        capture.close();
        device.close();
    }

    @Test
    void everyAdminPageWithoutASessionRedirectsToLogin() throws Exception {
        for (String page : ADMIN_PAGES) {
            HttpResponse<String> r = browser.get(page);
            assertEquals(303, r.statusCode(), page);
            assertEquals("/login", r.headers().firstValue("Location").orElse(""), page);
        }
        assertEquals(401, browser.get("/api/signin-status?account=DEVICE_MAIL").statusCode());
    }

    @Test
    void changingTheAdministratorPasswordNeedsTheCurrentOneAndLogsOtherSessionsOut() throws Exception {
        HttpsAdmin other = new HttpsAdmin(device.server.baseUri());
        assertEquals(303, other.logIn(WebConfigRig.ADMIN_PASSWORD).statusCode());
        browser.logIn(WebConfigRig.ADMIN_PASSWORD);
        String next = "changed-TEST-ONLY-2";
        HttpResponse<String> wrong = browser.post("/admin-password", Map.of("csrf", browser.csrf("/admin-password"),
                "current", "not-the-password", "new", next, "confirm", next));
        assertEquals(400, wrong.statusCode());
        assertTrue(wrong.body().contains("Current password: not correct."), wrong.body());
        HttpResponse<String> mismatch = browser.post("/admin-password", Map.of("csrf",
                browser.csrf("/admin-password"), "current", WebConfigRig.ADMIN_PASSWORD, "new", next,
                "confirm", next + "x"));
        assertTrue(mismatch.body().contains("Confirm new password: does not match"), mismatch.body());
        HttpResponse<String> noCsrf = browser.post("/admin-password", Map.of("current", WebConfigRig.ADMIN_PASSWORD,
                "new", next, "confirm", next));
        assertEquals(403, noCsrf.statusCode());
        String before = browser.cookie;
        HttpResponse<String> ok = browser.post("/admin-password", Map.of("csrf", browser.csrf("/admin-password"),
                "current", WebConfigRig.ADMIN_PASSWORD, "new", next, "confirm", next));
        assertEquals(303, ok.statusCode(), ok.body());
        assertNotEquals(before, browser.cookie, "the session continues under a new id");
        assertEquals(200, browser.get("/admin-password").statusCode());
        assertEquals(303, other.get("/status").statusCode(), "the other session was logged out");
        HttpsAdmin fresh = new HttpsAdmin(device.server.baseUri());
        assertEquals(401, fresh.logIn(WebConfigRig.ADMIN_PASSWORD).statusCode(), "the old password no longer works");
        assertEquals(303, fresh.logIn(next).statusCode());
        String stored = java.nio.file.Files.readString(device.rig.dataDir.resolve("webconfig/admin-password"));
        assertTrue(stored.startsWith("pbkdf2-sha256:") && !stored.contains(next));
        for (String line : capture.lines()) {
            assertTrue(!line.contains(next) && !line.contains(WebConfigRig.ADMIN_PASSWORD), line);
        }
    }

    @Test
    void guessingTheCurrentPasswordOnThePasswordFormLocksOutLikeLogIn() throws Exception {
        browser.logIn(WebConfigRig.ADMIN_PASSWORD);
        int status = 0;
        for (int i = 0; i < 6; i++) {
            status = browser.post("/admin-password", Map.of("csrf", browser.csrf("/admin-password"),
                    "current", "guess-" + i, "new", "whatever-TEST-1", "confirm", "whatever-TEST-1")).statusCode();
        }
        assertEquals(429, status, "the sixth guess is refused without checking");
        HttpResponse<String> right = browser.post("/admin-password", Map.of("csrf", browser.csrf("/admin-password"),
                "current", WebConfigRig.ADMIN_PASSWORD, "new", "whatever-TEST-1", "confirm", "whatever-TEST-1"));
        assertEquals(429, right.statusCode(), "even the right password waits out the lockout");
        assertTrue(capture.lines().stream().anyMatch(l -> l.contains("wrong current password")));
    }

    @Test
    void afterLoginTheAdminLandsOnThePageFirstAsked() throws Exception {
        browser.get("/job-log");
        HttpResponse<String> r = browser.logIn(WebConfigRig.ADMIN_PASSWORD);
        assertEquals(303, r.statusCode());
        assertEquals("/job-log", r.headers().firstValue("Location").orElse(""));
    }

    @Test
    void sessionCookieIsHttpOnlySecureSameSiteStrictAndLoginIssuesANewId() throws Exception {
        HttpResponse<String> loginPage = browser.get("/login");
        String setCookie = loginPage.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("Secure")
                && setCookie.contains("SameSite=Strict") && setCookie.contains("Path=/"),
                        setCookie);
        String anonymousId = browser.cookie;
        HttpResponse<String> r = browser.logIn(WebConfigRig.ADMIN_PASSWORD);
        String adminCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(adminCookie.contains("HttpOnly") && adminCookie.contains("SameSite=Strict"),
                adminCookie);
        assertNotEquals(anonymousId, browser.cookie, "log-in must not keep a planted session id");
        assertEquals(200, browser.get("/status").statusCode());
        HttpsAdmin planted = new HttpsAdmin(device.server.baseUri());
        planted.cookie = anonymousId;
        assertEquals(303, planted.get("/status").statusCode());
    }

    @Test
    void postWithoutAValidCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        browser.logIn(WebConfigRig.ADMIN_PASSWORD);
        String before = device.device().settings().current().deviceMail().senderAddress();
        Map<String, String> change = Map.of("action", "ok", "authMethod", "OAUTH2", "service",
                "EXCHANGE_ONLINE",
                "sender", "evil@attacker.example", "smtpHost", "smtp.office365.com", "smtpPort",
                        "587",
                "security", "STARTTLS", "certValidation", "enable");
        assertEquals(403, browser.post("/network/email-server", change).statusCode());
        Map<String, String> wrong = new java.util.HashMap<>(change);
        wrong.put("csrf", "x".repeat(43));
        assertEquals(403, browser.post("/network/email-server", wrong).statusCode());
        assertEquals(403, browser.post("/network/email-server/sign-in/sign-out",
                Map.of()).statusCode());
        assertEquals(before, device.device().settings().current().deviceMail().senderAddress());

        Map<String, String> good = new java.util.HashMap<>(change);
        good.put("csrf", browser.csrf("/network/email-server"));
        assertEquals(303, browser.post("/network/email-server", good).statusCode());
        assertEquals("evil@attacker.example",
                device.device().settings().current().deviceMail().senderAddress());
    }

    @Test
    void postFromAnotherOriginIsRefusedEvenWithTheToken() throws Exception {
        browser.logIn(WebConfigRig.ADMIN_PASSWORD);
        String token = browser.csrf("/status");
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(device.server.baseUri().resolve("/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin",
                        "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + token)));
        assertEquals(403, r.statusCode());
        assertEquals(200, browser.get("/status").statusCode(), "still logged in");
    }

    @Test
    void postWithoutASessionPerformsNothing() throws Exception {
        device.rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        HttpResponse<String> r = browser.post("/network/email-server/sign-in/sign-out",
                Map.of("csrf", "guess"));
        assertEquals(303, r.statusCode());
        assertEquals("/login", r.headers().firstValue("Location").orElse(""));
        assertEquals(AccountState.SIGNED_IN,
                device.device().accounts().status(AccountId.deviceMail()).state());
        assertTrue(device.device().vault().find(AccountId.deviceMail().vaultKey()).isPresent(),
                "the tokens are still in the vault");
    }

    @Test
    void lockoutEngagesAfterFiveFailuresAndBacksOffExponentially() throws Exception {
        for (int i = 1; i <= 4; i++) {
            assertEquals(401, browser.logIn("wrong-" + i).statusCode());
        }
        HttpResponse<String> fifth = browser.logIn("wrong-5");
        assertTrue(fifth.body().contains("Too many failed log-ins"),
                "5th failure starts the lockout");
        HttpResponse<String> locked = browser.logIn(WebConfigRig.ADMIN_PASSWORD);
        assertEquals(429, locked.statusCode(), "even the right password is refused while locked");
        assertTrue(locked.body().contains("Try again in 30 seconds"), locked.body());

        device.clock.advance(Duration.ofSeconds(31));
        assertTrue(browser.logIn("wrong-6").body().contains("Try again in 60 seconds"),
                "the wait doubles");
        assertEquals(429, browser.logIn(WebConfigRig.ADMIN_PASSWORD).statusCode());
        device.clock.advance(Duration.ofSeconds(61));
        HttpResponse<String> ok = browser.logIn(WebConfigRig.ADMIN_PASSWORD);
        assertEquals(303, ok.statusCode());
        assertEquals(200, browser.get("/status").statusCode());
    }

    @Test
    void idleSessionEndsAndLogOutEndsTheSession() throws Exception {
        device.close();
        device = new WebConfigRig(o -> o.withSessionIdleTimeout(Duration.ofMinutes(15)));
        browser = new HttpsAdmin(device.server.baseUri());
        browser.logIn(WebConfigRig.ADMIN_PASSWORD);
        assertEquals(200, browser.get("/status").statusCode());
        device.clock.advance(Duration.ofMinutes(14));
        assertEquals(200, browser.get("/status").statusCode(), "a request keeps the session alive");
        device.clock.advance(Duration.ofMinutes(16));
        assertEquals(303, browser.get("/status").statusCode());

        browser.cookie = "";
        browser.logIn(WebConfigRig.ADMIN_PASSWORD);
        String session = browser.cookie;
        assertEquals(303, browser.post("/logout", Map.of("csrf",
                browser.csrf("/status"))).statusCode());
        HttpsAdmin replay = new HttpsAdmin(device.server.baseUri());
        replay.cookie = session;
        assertEquals(303, replay.get("/status").statusCode());
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.add(browser.get("/login"));
        answers.add(browser.get("/no-such-page"));
        answers.add(browser.get("/static/webconfig.js"));
        browser.logIn(WebConfigRig.ADMIN_PASSWORD);
        answers.add(browser.get("/network/email-server"));
        for (HttpResponse<String> r : answers) {
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"),
                    r.uri() + csp);
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""),
                    r.uri().toString());
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertEquals("no-store",
                    r.headers().firstValue("Cache-Control").orElse("").replace("no-cache",
                    "no-store"));
        }
    }

    @Test
    void noPageHasInlineScriptOrInlineEventHandlers() throws Exception {
        browser.logIn(WebConfigRig.ADMIN_PASSWORD);
        device.device().accounts().startSignIn(AccountId.deviceMail(),
                device.device().accountProfiles().apply(AccountId.deviceMail()));
        assertTrue(browser.get("/network/email-server/sign-in").body().contains("id=\"user-code\""),
                "the sign-in page with its code is among the pages checked");
        for (String page : ADMIN_PAGES) {
            String body = browser.get(page).body();
            assertFalse(body.matches("(?s).*<script(?![^>]*\\ssrc=)[^>]*>.*"), page
                    + " has an inline script");
            assertFalse(body.matches("(?s).*\\son[a-z]+=.*"), page + " has an inline handler");
        }
    }

    @Test
    void noSecretAppearsInAnyPageOrLogLine() throws Exception {
        browser.logIn("wrong-password-attempt");
        browser.logIn(WebConfigRig.ADMIN_PASSWORD);
        device.rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        device.rig.signIn(AccountId.faxServer(), LabUsers.ADMIN);
        // Use the tokens: a connection test and a test message through the lab mail server.
        browser.post("/network/email-server/connection-test",
                Map.of("csrf", browser.csrf("/status")));
        browser.post("/network/email-server/connection-test/send",
                Map.of("csrf", browser.csrf("/status"), "recipient", "someone@contoso.example"));
        browser.post("/fax/email-server/connection-test/send",
                Map.of("csrf", browser.csrf("/status"), "recipient", "someone@contoso.example"));
        assertTrue(device.lab().mail().waitForIncoming(2, Duration.ofSeconds(10)),
                "both test messages were sent with the real tokens");
        List<String> secrets = new ArrayList<>(List.of(WebConfigRig.ADMIN_PASSWORD,
                WebConfigRig.KEYSTORE_PASSWORD, "wrong-password-attempt"));
        for (AccountId id : List.of(AccountId.deviceMail(), AccountId.faxServer())) {
            AccountRecord r = device.device().vault().find(id.vaultKey()).orElseThrow();
            secrets.add(r.accessToken());
            secrets.add(r.refreshToken());
        }
        List<String> pages = new ArrayList<>(ADMIN_PAGES);
        pages.add("/api/signin-status?account=DEVICE_MAIL");
        pages.add("/api/signin-status?account=FAX_SERVER");
        for (String page : pages) {
            String body = browser.get(page).body();
            for (String secret : secrets) {
                assertFalse(body.contains(secret), page + " shows a secret");
            }
        }
        assertTrue(browser.get("/network/email-server/connection-test").body()
                .contains("All steps passed."), "the connection test ran with the token");
        for (String line : capture.lines()) {
            for (String secret : secrets) {
                assertFalse(line.contains(secret), "log line shows a secret: " + line);
            }
        }
        assertFalse(device.server.toString().contains(WebConfigRig.KEYSTORE_PASSWORD));
        assertFalse(WebConfigRig.options(device.rig.dataDir).toString()
                .contains(WebConfigRig.ADMIN_PASSWORD));
    }

    @Test
    void adminPasswordIsStoredAsASaltedSlowHashReadableByTheOwnerOnly() throws Exception {
        Path file = device.rig.dataDir.resolve("webconfig/admin-password");
        String stored = Files.readString(file);
        assertTrue(stored.startsWith("pbkdf2-sha256:1000:"), stored);
        assertFalse(stored.contains(WebConfigRig.ADMIN_PASSWORD));
        assertEquals("rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        // Same password, second device: a different salt gives a different hash.
        try (WebConfigRig other = new WebConfigRig()) {
            assertNotEquals(stored,
                    Files.readString(other.rig.dataDir.resolve("webconfig/admin-password")));
        }
    }

    @Test
    void oversizedFormIsRefused() throws Exception {
        browser.logIn(WebConfigRig.ADMIN_PASSWORD);
        String token = browser.csrf("/status");
        HttpResponse<String> r = browser.post("/notifications", Map.of("csrf", token, "PAPER_OUT",
                "a".repeat(FormParser.MAX_BODY + 10)));
        assertEquals(413, r.statusCode());
    }
}
