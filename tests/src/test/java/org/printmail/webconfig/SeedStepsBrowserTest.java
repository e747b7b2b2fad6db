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
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
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
import org.printmail.i18n.Language;
import org.printmail.i18n.Messages;
import org.printmail.testing.EnglishLeftovers;
import org.printmail.lab.LabIdentityOptions;
import org.printmail.lab.LabUsers;
import org.printmail.lab.RevocationReason;
import org.printmail.auth.AccountId;

/**
 * The seed's steps 1 to 12 in a real headless Chromium against the real device (auth, vault,
 * sender, jobs) and the lab's identity platform and mail server, then Connection Test and a test
 * message that must arrive. The browser speaks {@link #language()} (English here; Arabic in
 * {@link SeedStepsArabicBrowserTest}): every Web Config page must come in that language and
 * direction, with the menu on the reading side. Screenshots of each page go to
 * {@code target/screenshots/<language>/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedStepsBrowserTest {
    static final String RECIPIENT = "reception@contoso.example";
    static final String FAX_ADMIN = "fax-admin@contoso.example";
    /** TEST-ONLY lab password. */
    static final String FAX_ADMIN_PASSWORD = "fax-admin-TEST-ONLY-1";

    private Path data;
    private LabServices lab;
    private Device device;
    private WebConfigServer web;
    private HeadlessChromium chromium;
    private String base;
    /** The catalogue of the browser's language: what the pages must say. */
    private Messages m;

    /** The language the browser is set to. */
    Language language() { return Language.ENGLISH; }

    @BeforeAll
    void start() throws Exception {
        m = Messages.of(language());
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
        chromium = HeadlessChromium.start(language());
    }

    @AfterAll
    void stop() throws Exception {
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
        page("01-login");
        chromium.type(By.id("password"), WebConfigRig.ADMIN_PASSWORD);
        chromium.click(By.id("login-button"));

        // 3-5. Network > Email Server > Basic: OAuth2, Microsoft Exchange Online.
        chromium.click(By.linkText(m.text("common.menu.emailServerBasic")));
        new Select(chromium.waitFor(By.id("authMethod"))).selectByVisibleText("OAuth2");
        new Select(chromium.waitFor(By.id("service"))).selectByVisibleText("Microsoft Exchange Online");
        assertEquals(m.text("auth.state.not_signed_in"),
                chromium.driver.findElement(By.id("current-status")).getText());
        page("02-email-server-basic");

        // 6-7. Sign In, Sign in with Microsoft: code, link, QR and countdown.
        chromium.click(By.id("sign-in-button"));
        chromium.click(By.id("sign-in-with-microsoft"));
        String code = chromium.waitFor(By.id("user-code")).getText();
        String link = chromium.driver.findElement(By.id("verification-link")).getAttribute("href");
        assertTrue(link.startsWith(lab.identity().authorityBase().toString())
                && link.endsWith("/devicelogin"), link);
        assertTrue(chromium.driver.findElement(By.id("verification-qr")).isDisplayed());
        String clock = chromium.driver.findElement(By.id("countdown")).getText();
        assertTrue(clock.matches("1[45]:\\d\\d"), clock);
        // The script counts down in the page's language: the clock moves, and its sentence takes
        // the plural form the language needs at 2 minutes, 3 minutes, and seconds.
        chromium.waitUpTo(10).until(d -> !d.findElement(By.id("countdown")).getText().equals(clock));
        for (long left : List.of(170L, 110L, 30L)) {
            countdownReads(left);
        }
        ((JavascriptExecutor) chromium.driver).executeScript("Date.now = window.__realNow;");
        page("03-sign-in-code");
        page("03-sign-in-code");
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
        chromium.screenshot(language().tag() + "/04-consent");
        chromium.click(By.id("accept"));
        chromium.waitFor(By.id("done"));
        chromium.screenshot(language().tag() + "/05-identity-platform-done");
        chromium.driver.close();
        chromium.driver.switchTo().window(webConfigTab);

        // 12. Back in Web Config the page has moved to Signed in by itself; Close, then OK.
        chromium.waitUpTo(30).until(ExpectedConditions.textToBe(By.id("sign-in-state"),
                m.text("auth.state.signed_in")));
        assertEquals("Microsoft Exchange Online",
                chromium.driver.findElement(By.id("sign-in-service")).getText());
        assertEquals(LabUsers.ADMIN,
                chromium.driver.findElement(By.id("signed-in-account")).getText());
        page("06-signed-in");
        chromium.click(By.id("close-button"));
        assertEquals(m.text("auth.state.signed_in"),
                chromium.waitFor(By.id("current-status")).getText());
        assertEquals(LabUsers.ADMIN,
                chromium.driver.findElement(By.id("authenticated-account")).getText());
        chromium.click(By.id("ok-button"));
        assertEquals(m.text("webconfig.emailServer.saved"),
                chromium.waitFor(By.cssSelector(".flash.info")).getText());
        page("07-settings-saved");
        assertEquals(EmailService.EXCHANGE_ONLINE,
                device.settings().current().deviceMail().service());
        assertEquals(AuthMethod.OAUTH2, device.settings().current().deviceMail().authMethod());
        assertEquals(AccountState.SIGNED_IN,
                device.accounts().status(AccountId.deviceMail()).state());

        // Connection Test: every step passes, no message sent.
        chromium.click(By.id("connection-test-link"));
        chromium.click(By.id("run-test-button"));
        assertEquals(m.text("webconfig.test.allPassed"),
                chromium.waitFor(By.id("connection-test-summary")).getText());
        String steps = chromium.driver.findElement(By.id("connection-test-results")).getText();
        assertEquals(List.of(), chromium.driver.findElements(
                By.cssSelector("#connection-test-results tr.fail")), steps);
        assertEquals(7, chromium.driver.findElements(By.cssSelector("#connection-test-results tr.pass"))
                .size(), "DNS, TCP, TLS, EHLO and STARTTLS, token, AUTH, MAIL FROM: " + steps);
        if (language() == Language.ENGLISH) {
            for (String step : List.of("DNS", "TCP", "TLS", "EHLO", "STARTTLS", "Token", "AUTH XOAUTH2",
                    "MAIL FROM")) {
                assertTrue(steps.contains(step), "step " + step + " missing from " + steps);
            }
        }
        page("08-connection-test");
        assertEquals(0, lab.mail().receivedMessages().length, "the connection test sends nothing");

        // A test message, sent as a job, that arrives at the lab mail server.
        chromium.type(By.id("test-recipient"), RECIPIENT);
        chromium.click(By.id("send-test-button"));
        String queued = chromium.waitFor(By.cssSelector(".flash.info")).getText();
        assertTrue(queued.contains(RECIPIENT), queued);
        assertTrue(lab.mail().waitForIncoming(1, Duration.ofSeconds(10)));
        chromium.driver.navigate().refresh();
        chromium.waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".test-message-status.info")));
        if (language() == Language.ENGLISH) {
            chromium.waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".test-message-status"), "Sent"));
        }
        page("09-test-message-sent");
        MimeMessage got = lab.mail().receivedMessages()[0];
        assertEquals(RECIPIENT, got.getAllRecipients()[0].toString());
        assertTrue(got.getSubject().startsWith("Test message from"));

        chromium.click(By.linkText(m.text("webconfig.menu.status")));
        String status = chromium.waitFor(By.id("account-status")).getText();
        assertTrue(status.contains(m.text("auth.state.signed_in")), status);
        page("10-status");

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
        chromium.click(By.linkText(m.text("common.menu.faxServer")));
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
        assertEquals(m.render(JobCode.SIGN_IN_DECLINED.remedyText()), declined);
        page("11-fax-sign-in-declined");

        // A Conditional Access policy blocks the device-code flow.
        lab.identity().failDeviceCodeFlow(RevocationReason.BLOCKED_BY_CONDITIONAL_ACCESS);
        try {
            chromium.click(By.id("sign-in-with-microsoft"));
            chromium.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".flash.error"), "371"));
            assertEquals(m.render(JobCode.SIGN_IN_BLOCKED_BY_POLICY.remedyText()),
                    chromium.driver.findElement(By.cssSelector(".flash.error .remedy")).getText());
            page("12-fax-sign-in-blocked");
        } finally {
            lab.identity().failDeviceCodeFlow(null);
        }
        assertEquals(AccountState.NOT_SIGNED_IN,
                device.accounts().status(AccountId.faxServer()).state());
    }

    /**
     * Checks the Web Config page on screen is in the browser's language and direction, with the
     * menu (when the page has one) on the side that language reads from and, in a language other
     * than English, no English word left; and saves its screenshot under the language's folder.
     */
    private void page(String name) throws Exception {
        JavascriptExecutor js = chromium.driver;
        chromium.waitFor(By.tagName("main"));
        assertEquals(language().tag(), js.executeScript("return document.documentElement.lang;"), name);
        assertEquals(language().direction(), js.executeScript("return document.documentElement.dir;"),
                name);
        List<WebElement> nav = chromium.driver.findElements(By.tagName("nav"));
        if (!nav.isEmpty()) {
            Rectangle box = nav.get(0).getRect();
            long half = (Long) js.executeScript("return document.documentElement.clientWidth;") / 2;
            assertTrue(language().isRightToLeft() ? box.getX() >= half : box.getX() + box.getWidth() <= half,
                    name + ": the menu at x=" + box.getX() + ", width " + box.getWidth());
        }
        if (language() != Language.ENGLISH) {
            assertEquals(List.of(), EnglishLeftovers.in(chromium.textOutsideIsolates()), name);
        }
        chromium.screenshot(language().tag() + "/" + name);
    }

    /**
     * Moves the page's idea of now so that about {@code left} seconds of the code remain, lets its
     * script tick once, and checks its sentence is the catalogue's for that time, in this
     * language (no English left). The walk puts the page's time back after.
     */
    private void countdownReads(long left) {
        JavascriptExecutor js = chromium.driver;
        // The shift adds up: what the clock shows already includes the earlier ones.
        js.executeScript("window.__realNow = window.__realNow || Date.now.bind(Date);"
                + "window.__shift = window.__shift || 0;"
                + "var c = document.getElementById('countdown').textContent.split(':');"
                + "window.__shift += (parseInt(c[0], 10) * 60 + parseInt(c[1], 10) - arguments[0]) * 1000;"
                + "Date.now = function () { return window.__realNow() + window.__shift; };", left);
        try {
            chromium.waitUpTo(5).until(d -> clockSeconds(d.findElement(By.id("countdown")).getText()) <= left);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("clock " + chromium.driver.findElement(By.id("countdown")).getText()
                    + " words " + chromium.driver.findElement(By.id("countdown-words")).getText()
                    + " url " + chromium.driver.getCurrentUrl(), e);
        }
        @SuppressWarnings("unchecked")
        List<String> shown = (List<String>) js.executeScript("return [document.getElementById('countdown')"
                + ".textContent, document.getElementById('countdown-words').textContent];");
        String expected = Messages.stripDirectionalControls(SignInPage.expiresIn(m,
                Duration.ofSeconds(clockSeconds(shown.get(0)))));
        assertEquals(expected, shown.get(1), "at " + shown.get(0));
        if (language() != Language.ENGLISH) {
            assertEquals(List.of(), EnglishLeftovers.in(shown.get(1)));
        }
    }

    private static long clockSeconds(String mmss) {
        String[] p = mmss.split(":");
        return Long.parseLong(p[0]) * 60 + Long.parseLong(p[1]);
    }
}
