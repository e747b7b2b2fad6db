package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.printmail.auth.AccountState;
import org.printmail.lab.LabUsers;
import org.printmail.auth.AccountId;

/**
 * Issue 11 §3 and §4 in a real headless Chromium: Enter in any settings field means OK (the
 * sign-in stays), Sign Out asks first on its own page, and every page fits a 360 px phone and a
 * 1280 px screen, left-to-right and right-to-left, with the Sign In page's code, link, QR and
 * countdown on screen. Screenshots: {@code tests/target/screenshots/screen-*.png}.
 */
class WebConfigScreensBrowserTest {
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
        // Leave no Web Config page open whose script could act on the next test's sign-in.
        chromium.driver.get("about:blank");
        for (AccountId id : List.of(AccountId.deviceMail(), AccountId.faxServer())) {
            device.device().accounts().cancelSignIn(id);
            device.device().accounts().signOut(id);
        }
    }

    @Test
    void enterInAnySettingsFieldSavesTheSettingsAndLeavesTheSignInAlone() throws Exception {
        device.rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        device.rig.signIn(AccountId.faxServer(), LabUsers.ADMIN);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put(MailAccount.DEVICE.path(), List.of("sender", "tenant", "smtpHost", "smtpPort"));
        fields.put(MailAccount.FAX.path(), List.of("sender", "tenant", "smtpHost", "smtpPort"));
        fields.put(NotificationsPage.PATH, List.of());
        int n = 0;
        for (var page : fields.entrySet()) {
            chromium.driver.get(base + page.getKey().substring(1));
            List<String> ids = page.getValue().isEmpty() ? textInputs() : page.getValue();
            for (String id : ids) {
                chromium.driver.get(base + page.getKey().substring(1));
                WebElement field = chromium.waitFor(By.id(id));
                String value = id.equals("sender") ? "enter-" + (++n) + "@contoso.example"
                        : field.getAttribute("value");
                field.clear();
                field.sendKeys(value + Keys.ENTER);
                WebElement flash = chromium.waitFor(By.cssSelector(".flash"));
                assertTrue(flash.getText().contains("saved"), page.getKey() + " " + id + ": "
                        + flash.getText());
                assertEquals(value, chromium.waitFor(By.id(id)).getAttribute("value"));
                for (AccountId account : List.of(AccountId.deviceMail(), AccountId.faxServer())) {
                    assertEquals(AccountState.SIGNED_IN,
                            device.device().accounts().status(account).state(),
                            "Enter in " + page.getKey() + " " + id + " left " + account
                                    + " signed in");
                }
            }
        }
        assertEquals("enter-1@contoso.example",
                device.device().settings().current().deviceMail().senderAddress());
    }

    @Test
    void signOutAsksFirstOnItsOwnPageNamingWhatIsErased() throws Exception {
        device.rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        chromium.driver.get(base + MailAccount.DEVICE.path().substring(1));
        chromium.click(By.id("sign-out-button"));
        String losses = chromium.waitFor(By.id("sign-out-losses")).getText();
        assertTrue(losses.contains("tokens") && losses.contains("erased"), losses);
        assertEquals(AccountState.SIGNED_IN,
                device.device().accounts().status(AccountId.deviceMail()).state(),
                "nothing is erased before the confirmation");
        chromium.screenshot("screen-sign-out-confirmation");
        chromium.click(By.id("cancel-sign-out"));
        chromium.waitFor(By.id("email-server-form"));
        assertEquals(AccountState.SIGNED_IN,
                device.device().accounts().status(AccountId.deviceMail()).state());
        chromium.click(By.id("sign-out-button"));
        chromium.click(By.id("confirm-sign-out"));
        chromium.waitFor(By.id("email-server-form"));
        assertEquals(AccountState.NOT_SIGNED_IN,
                device.device().accounts().status(AccountId.deviceMail()).state());
    }

    @Test
    void everyPageFitsAPhoneAndAWideScreenInBothDirections() throws Exception {
        List<String> pages = StalledClientsCannotTakeWebConfigTest.PAGES;
        for (Dimension size : List.of(new Dimension(360, 800), new Dimension(1280, 900))) {
            chromium.driver.manage().window().setSize(size);
            for (String dir : List.of("ltr", "rtl")) {
                for (String page : pages) {
                    chromium.driver.get(base + page.substring(1));
                    chromium.waitFor(By.tagName("main"));
                    js("document.documentElement.dir = arguments[0];", dir);
                    long scroll = ((Number) js("return document.documentElement.scrollWidth;"))
                            .longValue();
                    long inner = ((Number) js("return window.innerWidth;")).longValue();
                    assertTrue(scroll <= inner, page + " at " + size.width + " px " + dir
                            + ": scrollWidth " + scroll + " > innerWidth " + inner);
                    if (dir.equals("ltr")) {
                        chromium.screenshot("screen-" + size.width + page.replace('/', '-'));
                    }
                }
            }
                chromium.driver.get(base + MailAccount.DEVICE.path().substring(1));
            chromium.click(By.id("sign-in-button"));
            chromium.click(By.id("sign-in-with-microsoft"));
            for (String id : List.of("user-code", "verification-link", "verification-qr",
                    "countdown")) {
                WebElement e = chromium.waitFor(By.id(id));
                assertTrue(e.isDisplayed(), id + " shown at " + size.width + " px");
                Number right = (Number) js("var r = arguments[0].getBoundingClientRect();"
                        + " return r.right;", e);
                Number left = (Number) js("return arguments[0].getBoundingClientRect().left;", e);
                assertTrue(left.doubleValue() >= 0 && right.doubleValue() <= size.width,
                        id + " on screen at " + size.width + " px: " + left + ".." + right);
            }
            chromium.screenshot("screen-" + size.width + "-sign-in-pending");
            chromium.click(By.id("cancel-button"));
        }
    }

    private static List<String> textInputs() {
        return chromium.driver.findElements(By.cssSelector("main form input[type=text]"))
                .stream().map(e -> e.getAttribute("id")).toList();
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) chromium.driver).executeScript(script, args);
    }
}
