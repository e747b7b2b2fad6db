package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.printmail.auth.AccountState;
import org.printmail.codes.JobCode;
import org.printmail.config.EmailServerSettings;
import org.printmail.i18n.Language;
import org.printmail.i18n.Messages;
import org.printmail.jobs.JobLogEntry;
import org.printmail.jobs.JobRequest;
import org.printmail.jobs.JobTicket;
import org.printmail.lab.LabUsers;
import org.printmail.lab.RevocationReason;
import org.printmail.smtp.ScriptedSmtpServer;
import org.printmail.auth.AccountId;

/**
 * Web Config in a real headless Chromium in front of the real device and lab: injected markup
 * stays text, whether typed into a form or arriving from elsewhere (an account name from the
 * identity platform, an email server's reply, the job log), and the Sign In page moves on by
 * itself as the lab's identity platform answers (code, link, QR, countdown; signed in;
 * declined; blocked; expired code).
 */
class WebConfigBrowserTest {
    static final String PAYLOAD = "\"><script>window.__xss=1</script><img src=x onerror=window.__xss=1>";
    /**
     * A lab user whose name is markup, handed to the device as the account name by the identity
     * platform. No spaces ({@code <img/src=x/onerror=...>}): the device only takes names without.
     */
    static final String PAYLOAD_USER =
            "\"><script>window.__xss=1</script><img/src=x/onerror=window.__xss=1>@contoso.example";

    private static WebConfigRig device;
    private static HeadlessChromium chromium;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        device = new WebConfigRig();
        base = device.server.baseUri().toString();
        chromium = HeadlessChromium.start();
        chromium.logIn(base, WebConfigRig.ADMIN_PASSWORD);
        chromium.waitFor(By.id("account-status"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        device.close();
    }

    @AfterEach
    void signOut() {
        for (AccountId id : List.of(AccountId.deviceMail(), AccountId.faxServer())) {
            device.device().accounts().signOut(id);
        }
    }

    @Test
    void scriptInjectedIntoEveryInputIsShownAsTextAndNeverRuns() throws Exception {
        // Email Server > Basic: every text field at once; the port error re-renders them all.
        chromium.driver.get(base + "network/email-server");
        for (String field : List.of("sender", "tenant", "smtpHost", "smtpPort")) {
            chromium.type(By.id(field), PAYLOAD);
        }
        chromium.click(By.id("ok-button"));
        WebElement summary = chromium.waitFor(By.cssSelector(".error-summary"));
        assertTrue(summary.getText().contains("SMTP Server Port Number"), summary.getText());
        for (String field : List.of("sender", "tenant", "smtpHost", "smtpPort")) {
            assertEquals(PAYLOAD, chromium.driver.findElement(By.id(field)).getAttribute("value"),
                    field);
        }
        assertFalse(chromium.scriptRan(), "script ran on Email Server page");
        chromium.screenshot("xss-email-server");

        // Validation messages that quote the input: notifications and the test recipient.
        chromium.driver.get(base + "notifications");
        chromium.type(By.id("PAPER_OUT"), PAYLOAD);
        chromium.type(By.id("TONER_LOW"), PAYLOAD);
        chromium.click(By.id("ok-button"));
        assertTrue(chromium.waitFor(By.cssSelector(".error-summary")).getText()
                .contains("<script>window.__xss=1</script>"));
        assertEquals(PAYLOAD,
                chromium.driver.findElement(By.id("TONER_LOW")).getAttribute("value"));
        assertFalse(chromium.scriptRan(), "script ran on Email Notifications page");

        chromium.driver.get(base + "network/email-server/connection-test");
        chromium.type(By.id("test-recipient"), PAYLOAD);
        chromium.click(By.id("send-test-button"));
        assertTrue(chromium.waitFor(By.cssSelector(".flash.error")).getText().contains(PAYLOAD));
        assertEquals(PAYLOAD,
                chromium.driver.findElement(By.id("test-recipient")).getAttribute("value"));
        assertFalse(chromium.scriptRan(), "script ran on Connection Test page");

        // An uploaded file that is not a certificate.
        Path evil = Files.createTempFile("evil", ".pem");
        try {
            Files.writeString(evil, PAYLOAD);
            chromium.driver.get(base + "network-security/ca-certificate");
            chromium.driver.findElement(By.id("certificate")).sendKeys(evil.toString());
            chromium.click(By.id("import-button"));
            assertTrue(chromium.waitFor(By.cssSelector(".flash.error")).getText()
                    .contains("not a PEM or DER"));
            assertFalse(chromium.scriptRan(), "script ran on CA Certificate page");
        } finally {
            Files.delete(evil);
        }
    }

    @Test
    void markupArrivingFromAnEmailServersReplyIsShownAsTextAndNeverRuns() throws Exception {
        device.rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        EmailServerSettings saved = device.device().settings().current().deviceMail();
        try (ScriptedSmtpServer server = ScriptedSmtpServer.script()
                .mailReplies(n -> "550 5.7.60 " + PAYLOAD).start()) {
            device.device().settings().update(s -> s.withDeviceMail(
                    saved.withMail(saved.mail().withHost("localhost").withPort(server.port()))));
            chromium.driver.get(base + "network/email-server/connection-test");
            chromium.click(By.id("run-test-button"));
            String results = chromium.waitFor(By.id("connection-test-results")).getText();
            assertTrue(results.contains("Failed") && results.contains(PAYLOAD), results);
            assertFalse(chromium.scriptRan(), "script ran on Connection Test results");
        } finally {
            device.device().settings().update(s -> s.withDeviceMail(saved));
        }
    }

    @Test
    void markupArrivingAsTheAccountNameAndInTheJobLogIsShownAsTextAndNeverRuns() throws Exception {
        device.lab().identity().addUser(PAYLOAD_USER, "payload-TEST-ONLY-1", true);
        device.rig.signIn(AccountId.faxServer(), PAYLOAD_USER);
        device.rig.signIn(AccountId.deviceMail(), PAYLOAD_USER);
        assertEquals(PAYLOAD_USER,
                device.device().accounts().status(AccountId.deviceMail()).accountName());

        chromium.driver.get(base + "status");
        assertTrue(chromium.waitFor(By.id("account-status")).getText().contains(PAYLOAD_USER));
        chromium.driver.get(base + "fax/email-server");
        assertEquals(PAYLOAD_USER, chromium.waitFor(By.id("authenticated-account")).getText());
        assertFalse(chromium.scriptRan(), "script ran on Fax Server page");

        // A real job from that account: its log line carries the account name. The name is no
        // usable From address, so the send fails and is retried until the retry deadline.
        JobTicket t = device.device().jobs().submit(new JobRequest.ScanToEmail(
                List.of("reception@contoso.example"), "Scan", "", List.of()));
        assertTrue(t.accepted());
        device.clock.advance(Duration.ofHours(25));
        assertEquals(PAYLOAD_USER, awaitLogged(t.jobId()).account());
        chromium.driver.get(base + "job-log");
        assertTrue(chromium.waitFor(By.id("job-log")).getText().contains(PAYLOAD_USER));
        assertFalse(chromium.scriptRan(), "script ran on Job Log page");
    }

    private static JobLogEntry awaitLogged(String jobId) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            for (JobLogEntry e : device.device().jobs().jobLog()) {
                if (e.jobId().equals(jobId)) {
                    return e;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + jobId + " was not logged: " + device.device().jobs().outbox());
    }

    @Test
    void signInPageShowsCodeLinkQrAndCountdownThenTurnsSignedInByItself() throws Exception {
        openSignIn();
        String code = chromium.waitFor(By.id("user-code")).getText();
        assertEquals(List.of(code), device.lab().identity().pendingUserCodes());
        assertEquals(device.lab().identity().deviceLoginUri().toString(),
                chromium.driver.findElement(By.id("verification-link")).getAttribute("href"));
        assertTrue(chromium.driver.findElement(By.cssSelector("svg#verification-qr path"))
                .isDisplayed());
        assertTrue(chromium.driver.findElement(By.id("countdown")).getText().matches("1[0-5]:\\d\\d"));

        device.lab().identity().approve(code, LabUsers.ADMIN);
        chromium.waitUpTo(10).until(ExpectedConditions.textToBe(By.id("sign-in-state"),
                "Signed in"));
        assertEquals(LabUsers.ADMIN,
                chromium.driver.findElement(By.id("signed-in-account")).getText());
        chromium.click(By.id("close-button"));
        assertEquals("Signed in", chromium.waitFor(By.id("current-status")).getText());
    }

    @Test
    void declinedAndPolicyBlockedSignInsShowTheirRemedy() {
        openSignIn();
        device.lab().identity().decline(chromium.waitFor(By.id("user-code")).getText());
        assertEquals(JobCode.SIGN_IN_DECLINED.remedy(), awaitRemedy());

        device.lab().identity().failDeviceCodeFlow(RevocationReason.BLOCKED_BY_CONDITIONAL_ACCESS);
        try {
            openSignIn();
            assertEquals(JobCode.SIGN_IN_BLOCKED_BY_POLICY.remedy(), awaitRemedy());
            assertTrue(chromium.driver.findElement(By.cssSelector(".flash.error")).getText()
                    .contains("371"));
        } finally {
            device.lab().identity().failDeviceCodeFlow(null);
        }
    }

    /** Email Server > Basic > Sign In > Sign in with Microsoft, with the form's Email service. */
    private static void openSignIn() {
        chromium.driver.get(base + "network/email-server");
        chromium.click(By.id("sign-in-button"));
        chromium.click(By.id("sign-in-with-microsoft"));
    }

    private static String awaitRemedy() {
        return chromium.waitUpTo(15).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".flash.error .remedy"))).getText();
    }

    @Test
    void caCertificateIsImportedListedWithSubjectIssuerExpiryAndFingerprintAndDeleted()
            throws Exception {
        chromium.driver.get(base + "network/email-server");
        chromium.click(By.id("ca-certificate-link"));
        chromium.waitFor(By.id("certificate")).sendKeys(WebConfigRig.TEST_CA.toString());
        chromium.click(By.id("import-button"));
        assertTrue(chromium.waitFor(By.cssSelector(".flash.info")).getText()
                .contains("TEST-ONLY Lab CA"));
        var imported = device.device().caCertificates().list();
        assertEquals(1, imported.size());
        WebElement row = chromium.driver.findElement(By.cssSelector("#ca-list td.subject"))
                .findElement(By.xpath(".."));
        String subject = imported.get(0).subject();
        assertTrue(subject.contains("CN=printmail TEST-ONLY Lab CA"), subject);
        assertEquals(subject, row.findElement(By.cssSelector("td.subject")).getText());
        assertEquals(subject, row.findElement(By.cssSelector("td.issuer")).getText(),
                "self-signed: the issuer is the subject");
        assertEquals(Messages.of(Language.ENGLISH).dateTime(imported.get(0).notAfter(), ZoneOffset.UTC),
                row.findElement(By.cssSelector("td.expires")).getText(), "the expiry, as English writes dates");
        assertEquals(imported.get(0).sha256(),
                row.findElement(By.cssSelector("td.fingerprint")).getText());
        chromium.screenshot("ca-certificate");
        chromium.click(By.cssSelector(".delete-button"));
        // Nothing is deleted before the confirmation page's own button.
        assertTrue(chromium.waitFor(By.id("delete-losses")).getText().contains("389"));
        assertEquals(1, device.device().caCertificates().list().size());
        chromium.click(By.id("cancel-delete"));
        assertEquals(1, device.device().caCertificates().list().size());
        chromium.click(By.cssSelector(".delete-button"));
        chromium.click(By.id("confirm-delete"));
        assertTrue(chromium.waitFor(By.cssSelector(".flash.info")).getText().contains("deleted"));
        assertEquals(0, device.device().caCertificates().list().size());
    }

    @Test
    void expiredCodeOffersANewOne() {
        openSignIn();
        String first = chromium.waitFor(By.id("user-code")).getText();
        device.clock.advance(Duration.ofMinutes(16)); // nobody entered it: the code runs out
        // The page's script sees the state change and reloads by itself.
        chromium.waitUpTo(15).until(ExpectedConditions.textToBe(By.id("sign-in-with-microsoft"),
                "Get a new code"));
        WebElement again = chromium.driver.findElement(By.id("sign-in-with-microsoft"));
        assertEquals(AccountState.NOT_SIGNED_IN,
                device.device().accounts().status(AccountId.deviceMail()).state());
        again.click();
        String second = chromium.waitFor(By.id("user-code")).getText();
        assertNotEquals(first, second);
        device.device().accounts().cancelSignIn(AccountId.deviceMail());
    }
}
