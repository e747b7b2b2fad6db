package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.printmail.codes.JobCode;
import org.printmail.jobs.JobLogEntry;
import org.printmail.jobs.JobResult;
import org.printmail.jobs.JobType;
import org.printmail.smtp.ConnectionTestStep;
import org.printmail.store.AccountId;

/**
 * Web Config in a real headless Chromium: injected markup stays text, and the Sign In page moves
 * on by itself (code, link, QR, countdown; signed in; declined; blocked; expired code).
 */
class WebConfigBrowserTest {
    static final String PAYLOAD = "\"><script>window.__xss=1</script><img src=x onerror=window.__xss=1>";

    private static PageFixture device;
    private static HeadlessChromium chromium;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        device = new PageFixture();
        base = device.server.baseUri().toString();
        chromium = HeadlessChromium.start();
        chromium.logIn(base, PageFixture.ADMIN_PASSWORD);
        try {
            chromium.waitFor(By.id("account-status"));
        } catch (RuntimeException e) {
            System.err.println("DEBUG " + chromium.driver.getCurrentUrl() + "\n"
                    + chromium.driver.getPageSource());
            throw e;
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        device.close();
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
        assertTrue(chromium.waitFor(By.cssSelector(".error-summary")).getText().contains("<script>window.__xss=1</script>"));
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
        Files.writeString(evil, PAYLOAD);
        chromium.driver.get(base + "network-security/ca-certificate");
        chromium.driver.findElement(By.id("certificate")).sendKeys(evil.toString());
        chromium.click(By.id("import-button"));
        assertTrue(chromium.waitFor(By.cssSelector(".flash.error")).getText().contains("not a PEM or DER"));
        assertFalse(chromium.scriptRan(), "script ran on CA Certificate page");
        Files.delete(evil);

        // Data from elsewhere: a job log entry, a connection test step, an account name.
        device.jobs.log.add(new JobLogEntry("job-1", JobType.SCAN_TO_EMAIL,
                Instant.parse("2025-03-01T08:00:00Z"),
                PAYLOAD, 1, JobResult.FAILED, 387, PAYLOAD, PAYLOAD));
        chromium.driver.get(base + "job-log");
        assertTrue(chromium.waitFor(By.id("job-log")).getText().contains(PAYLOAD));
        assertFalse(chromium.scriptRan(), "script ran on Job Log page");

        device.mail.steps = List.of(new ConnectionTestStep(PAYLOAD, false,
                JobCode.SERVER_UNREACHABLE, PAYLOAD));
        chromium.driver.get(base + "network/email-server/connection-test");
        chromium.click(By.id("run-test-button"));
        assertTrue(chromium.waitFor(By.id("connection-test-results")).getText().contains(PAYLOAD));
        assertFalse(chromium.scriptRan(), "script ran on Connection Test results");

        device.accounts.completeSignIn(AccountId.faxServer(), PAYLOAD);
        chromium.driver.get(base + "status");
        assertTrue(chromium.waitFor(By.id("account-status")).getText().contains(PAYLOAD));
        chromium.driver.get(base + "fax/email-server");
        assertEquals(PAYLOAD, chromium.waitFor(By.id("authenticated-account")).getText());
        assertFalse(chromium.scriptRan(), "script ran on Fax Server page");
        device.accounts.signOut(AccountId.faxServer());
    }

    @Test
    void signInPageShowsCodeLinkQrAndCountdownThenTurnsSignedInByItself() throws Exception {
        chromium.driver.get(base + "network/email-server");
        chromium.click(By.id("sign-in-button"));
        chromium.click(By.id("sign-in-with-microsoft"));
        assertEquals("HX7Q-K2PL", chromium.waitFor(By.id("user-code")).getText());
        assertEquals("https://localhost:1/devicelogin",
                chromium.driver.findElement(By.id("verification-link")).getAttribute("href"));
        assertTrue(chromium.driver.findElement(By.cssSelector("svg#verification-qr path")).isDisplayed());
        assertTrue(chromium.driver.findElement(By.id("countdown")).getText().matches("1[45]:\\d\\d"));

        device.accounts.completeSignIn(AccountId.deviceMail(), "printer@contoso.example");
        chromium.waitUpTo(10).until(ExpectedConditions.textToBe(By.id("sign-in-state"),
                "Signed in"));
        assertEquals("printer@contoso.example",
                chromium.driver.findElement(By.id("signed-in-account")).getText());
        chromium.click(By.id("close-button"));
        assertEquals("Signed in", chromium.waitFor(By.id("current-status")).getText());
        device.accounts.signOut(AccountId.deviceMail());
    }

    @Test
    void declinedAndPolicyBlockedSignInsShowTheirRemedy() {
        for (JobCode outcome : List.of(JobCode.SIGN_IN_DECLINED,
                JobCode.SIGN_IN_BLOCKED_BY_POLICY)) {
            chromium.driver.get(base + "network/email-server/sign-in");
            chromium.click(By.id("sign-in-with-microsoft"));
            chromium.waitFor(By.id("user-code"));
            device.accounts.endSignIn(AccountId.deviceMail(), outcome);
            WebElement remedy = chromium.waitUpTo(10).until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash.error .remedy")));
            assertEquals(outcome.remedy(), remedy.getText());
        }
        assertTrue(chromium.driver.findElement(By.cssSelector(".flash.error")).getText().contains("Conditional Access"));
    }

    @Test
    void caCertificateIsImportedListedWithSubjectAndExpiryAndDeleted() throws Exception {
        chromium.driver.get(base + "network/email-server");
        chromium.click(By.id("ca-certificate-link"));
        chromium.waitFor(By.id("certificate")).sendKeys(CaCertificateFolderTest.TEST_CA.toString());
        chromium.click(By.id("import-button"));
        assertTrue(chromium.waitFor(By.cssSelector(".flash.info")).getText().contains("TEST-ONLY Lab CA"));
        String list = chromium.driver.findElement(By.id("ca-list")).getText();
        assertTrue(list.contains("CN=printmail TEST-ONLY Lab CA")
                && list.matches("(?s).*20\\d\\d-\\d\\d-\\d\\d.*"), list);
        assertEquals(1, device.cas.list().size());
        chromium.screenshot("ca-certificate");
        chromium.click(By.cssSelector(".delete-button"));
        assertTrue(chromium.waitFor(By.cssSelector(".flash.info")).getText().contains("deleted"));
        assertEquals(0, device.cas.list().size());
    }

    @Test
    void expiredCodeOffersANewOne() {
        device.accounts.codeLifetime = Duration.ofMinutes(5); // shorter than the session's idle timeout
        chromium.driver.get(base + "network/email-server/sign-in");
        chromium.click(By.id("sign-in-with-microsoft"));
        chromium.waitFor(By.id("user-code"));
        device.clock.advance(Duration.ofMinutes(6));
        chromium.driver.navigate().refresh();
        WebElement again = chromium.waitFor(By.id("sign-in-with-microsoft"));
        assertEquals("Get a new code", again.getText());
        again.click();
        assertEquals("HX7Q-K2PL", chromium.waitFor(By.id("user-code")).getText());
        device.accounts.cancelSignIn(AccountId.deviceMail());
        device.accounts.codeLifetime = Duration.ofMinutes(15);
    }
}
