package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.printmail.auth.AccountState;
import org.printmail.device.Device;
import org.printmail.cli.LabServices;
import org.printmail.codes.JobCode;
import org.printmail.config.AuthMethod;
import org.printmail.config.EmailService;
import org.printmail.config.ProfileLoader;
import org.printmail.lab.LabIdentityOptions;
import org.printmail.lab.LabUsers;
import org.printmail.lab.RevocationReason;
import org.printmail.auth.AccountId;

/**
 * The seed's steps 1 to 12 in a real headless Chromium against the real device (auth, vault,
 * sender, jobs) and the lab's identity platform and mail server, then Connection Test and a test
 * message that must arrive. Screenshots of the key pages go to {@code target/screenshots/}.
 */
class SeedStepsBrowserTest {
    static final String RECIPIENT = "reception@contoso.example";
    static final String FAX_ADMIN = "fax-admin@contoso.example";
    /** TEST-ONLY lab password. */
    static final String FAX_ADMIN_PASSWORD = "fax-admin-TEST-ONLY-1";

    private static Path data;
    private static LabServices lab;
    private static Device device;
    private static WebConfigServer web;
    private static HeadlessChromium chromium;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("webconfig-e2e");
        Clock clock = Clock.systemUTC();
        LabIdentityOptions idp = LabIdentityOptions.defaults(WebConfigRig.ROOT, clock).withPort(0)
                .withPollInterval(Duration.ofSeconds(1));
        lab = LabServices.start(WebConfigRig.ROOT, idp, 0, clock);
        device = Device.start(Device.Options.defaults(data.resolve("device"), clock),
                name -> name.equals("lab") ? lab.profile() : ProfileLoader.load(WebConfigRig.ROOT,
                        name), lab.profile());
        web = WebConfigServer.start(WebConfigRig.options(data), WebConfigRig.backend(device, lab,
                clock));
        base = web.baseUri().toString();
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() throws Exception {
        // Browser first, then Web Config, the device and the lab it talks to.
        if (chromium != null) {
            chromium.close();
        }
        if (web != null) {
            web.close();
        }
        if (device != null) {
            device.close();
        }
        if (lab != null) {
            lab.close();
        }
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void administratorSignsTheDeviceInThroughWebConfigAndATestMessageArrives() throws Exception {
        // 1-2. Open Web Config and log in with the administrator password.
        chromium.driver.manage().deleteAllCookies();
        chromium.driver.get(base);
        chromium.waitFor(By.id("password"));
        chromium.screenshot("01-login");
        chromium.type(By.id("password"), WebConfigRig.ADMIN_PASSWORD);
        chromium.click(By.id("login-button"));

        // 3-5. Network > Email Server > Basic: OAuth2, Microsoft Exchange Online.
        chromium.click(By.linkText("Network > Email Server > Basic"));
        new Select(chromium.waitFor(By.id("authMethod"))).selectByVisibleText("OAuth2");
        new Select(chromium.waitFor(By.id("service"))).selectByVisibleText("Microsoft Exchange Online");
        assertEquals("Not signed in",
                chromium.driver.findElement(By.id("current-status")).getText());
        chromium.screenshot("02-email-server-basic");

        // 6-7. Sign In, Sign in with Microsoft: code, link, QR and countdown.
        chromium.click(By.id("sign-in-button"));
        chromium.click(By.id("sign-in-with-microsoft"));
        String code = chromium.waitFor(By.id("user-code")).getText();
        String link = chromium.driver.findElement(By.id("verification-link")).getAttribute("href");
        assertTrue(link.startsWith(lab.identity().authorityBase().toString())
                && link.endsWith("/devicelogin"), link);
        assertTrue(chromium.driver.findElement(By.id("verification-qr")).isDisplayed());
        assertTrue(chromium.driver.findElement(By.id("countdown")).getText().matches("1[45]:\\d\\d"));
        chromium.screenshot("03-sign-in-code");
        String webConfigTab = chromium.driver.getWindowHandle();

        // 8-11. On the identity platform's pages in another tab: code, account, password, consent.
        chromium.driver.switchTo().newWindow(WindowType.TAB);
        chromium.driver.get(link);
        chromium.type(By.id("otc"), code);
        chromium.click(By.id("next"));
        chromium.type(By.id("login"), LabUsers.ADMIN);
        chromium.click(By.id("next"));
        chromium.type(By.id("passwd"), LabUsers.ADMIN_PASSWORD);
        chromium.click(By.id("signin"));
        chromium.click(By.id("consent_org"));
        chromium.screenshot("04-consent");
        chromium.click(By.id("accept"));
        chromium.waitFor(By.id("done"));
        chromium.screenshot("05-identity-platform-done");
        chromium.driver.close();
        chromium.driver.switchTo().window(webConfigTab);

        // 12. Back in Web Config the page has moved to Signed in by itself; Close, then OK.
        chromium.waitUpTo(30).until(ExpectedConditions.textToBe(By.id("sign-in-state"),
                "Signed in"));
        assertEquals("Microsoft Exchange Online",
                chromium.driver.findElement(By.id("sign-in-service")).getText());
        assertEquals(LabUsers.ADMIN,
                chromium.driver.findElement(By.id("signed-in-account")).getText());
        chromium.screenshot("06-signed-in");
        chromium.click(By.id("close-button"));
        assertEquals("Signed in", chromium.waitFor(By.id("current-status")).getText());
        assertEquals(LabUsers.ADMIN,
                chromium.driver.findElement(By.id("authenticated-account")).getText());
        chromium.click(By.id("ok-button"));
        assertTrue(chromium.waitFor(By.cssSelector(".flash.info")).getText().contains("saved"));
        chromium.screenshot("07-settings-saved");
        assertEquals(EmailService.EXCHANGE_ONLINE,
                device.settings().current().deviceMail().service());
        assertEquals(AuthMethod.OAUTH2, device.settings().current().deviceMail().authMethod());
        assertEquals(AccountState.SIGNED_IN,
                device.accounts().status(AccountId.deviceMail()).state());

        // Connection Test: every step passes, no message sent.
        chromium.click(By.id("connection-test-link"));
        chromium.click(By.id("run-test-button"));
        assertEquals("All steps passed.",
                chromium.waitFor(By.id("connection-test-summary")).getText());
        String steps = chromium.driver.findElement(By.id("connection-test-results")).getText();
        assertFalse(steps.contains("Failed"), steps);
        for (String step : List.of("DNS", "TCP", "TLS", "EHLO", "STARTTLS", "Token", "AUTH XOAUTH2",
                "MAIL FROM")) {
            assertTrue(steps.contains(step), "step " + step + " missing from " + steps);
        }
        chromium.screenshot("08-connection-test");
        assertEquals(0, lab.mail().receivedMessages().length, "the connection test sends nothing");

        // A test message, sent as a job, that arrives at the lab mail server.
        chromium.type(By.id("test-recipient"), RECIPIENT);
        chromium.click(By.id("send-test-button"));
        assertTrue(chromium.waitFor(By.cssSelector(".flash.info")).getText().contains("queued"));
        assertTrue(lab.mail().waitForIncoming(1, Duration.ofSeconds(10)));
        chromium.driver.navigate().refresh();
        chromium.waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".test-message-status"), "Sent"));
        chromium.screenshot("09-test-message-sent");
        MimeMessage got = lab.mail().receivedMessages()[0];
        assertEquals(RECIPIENT, got.getAllRecipients()[0].toString());
        assertTrue(got.getSubject().startsWith("Test message from"));

        chromium.click(By.linkText("Status"));
        chromium.waitFor(By.id("account-status"));
        chromium.screenshot("10-status");

        // No token in any page the administrator can open.
        String token = device.accounts().accessToken(AccountId.deviceMail());
        for (String page : WebConfigSecurityTest.ADMIN_PAGES) {
            chromium.driver.get(base + page.substring(1));
            assertFalse(chromium.driver.getPageSource().contains(token), page
                    + " shows the access token");
        }
    }

    @Test
    void faxServerSignInThatIsDeclinedOrBlockedByPolicyShowsItsRemedy() throws Exception {
        // A second administrator who has not consented yet, so the permission request is shown.
        lab.identity().setOrganizationConsent(false);
        lab.identity().addUser(FAX_ADMIN, FAX_ADMIN_PASSWORD, true);
        chromium.driver.manage().deleteAllCookies();
        chromium.logIn(base, WebConfigRig.ADMIN_PASSWORD);
        chromium.click(By.linkText("Fax > Fax Server > Email Server Settings"));
        new Select(chromium.waitFor(By.id("authMethod"))).selectByVisibleText("OAuth2");
        chromium.click(By.id("sign-in-button"));
        chromium.click(By.id("sign-in-with-microsoft"));
        String code = chromium.waitFor(By.id("user-code")).getText();
        String link = chromium.driver.findElement(By.id("verification-link")).getAttribute("href");
        String webConfigTab = chromium.driver.getWindowHandle();

        // The person signing in clicks Cancel on the permission request.
        chromium.driver.switchTo().newWindow(WindowType.TAB);
        chromium.driver.get(link);
        chromium.type(By.id("otc"), code);
        chromium.click(By.id("next"));
        chromium.type(By.id("login"), FAX_ADMIN);
        chromium.click(By.id("next"));
        chromium.type(By.id("passwd"), FAX_ADMIN_PASSWORD);
        chromium.click(By.id("signin"));
        chromium.click(By.id("cancel"));
        chromium.waitFor(By.id("declined"));
        chromium.driver.close();
        chromium.driver.switchTo().window(webConfigTab);
        String declined = chromium.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".flash.error .remedy"))).getText();
        assertEquals(JobCode.SIGN_IN_DECLINED.remedy(), declined);
        chromium.screenshot("11-fax-sign-in-declined");

        // A Conditional Access policy blocks the device-code flow.
        lab.identity().failDeviceCodeFlow(RevocationReason.BLOCKED_BY_CONDITIONAL_ACCESS);
        try {
            chromium.click(By.id("sign-in-with-microsoft"));
            chromium.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".flash.error"), "371"));
            assertEquals(JobCode.SIGN_IN_BLOCKED_BY_POLICY.remedy(),
                    chromium.driver.findElement(By.cssSelector(".flash.error .remedy")).getText());
            chromium.screenshot("12-fax-sign-in-blocked");
        } finally {
            lab.identity().failDeviceCodeFlow(null);
        }
        assertEquals(AccountState.NOT_SIGNED_IN,
                device.accounts().status(AccountId.faxServer()).state());
    }
}
