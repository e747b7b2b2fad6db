package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.printmail.config.MailTransport;
import org.printmail.lab.LabGraphFault;
import org.printmail.lab.LabUsers;
import org.printmail.auth.AccountId;

/**
 * In a real headless Chromium: a device signed in over SMTP meets a tenant with SMTP AUTH off
 * (5.7.139) in the Connection Test, takes the offered remedy (Microsoft Graph), signs in again
 * for the Graph permissions, passes the Graph connection test and sends a test message that
 * arrives. Screenshots go to {@code tests/target/screenshots/graph-*}.
 */
class GraphSwitchBrowserTest {
    private WebConfigRig device;
    private HeadlessChromium chromium;

    @BeforeEach
    void start() throws Exception {
        device = new WebConfigRig();
        chromium = HeadlessChromium.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        device.close();
    }

    @Test
    void administratorSwitchesFromSmtpToGraphAfterA5_7_139TestAndATestMessageArrives() throws Exception {
        device.rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        device.lab().mail().setSmtpAuthDisabled(true);
        chromium.logIn(device.server.baseUri().toString(), WebConfigRig.ADMIN_PASSWORD);

        chromium.click(By.linkText("Network > Email Server > Connection Test"));
        chromium.click(By.id("run-test-button"));
        String failed = chromium.waitFor(By.id("connection-test-results")).getText();
        assertTrue(failed.contains("Failed (380)"), failed);
        assertTrue(failed.contains("5.7.139"), failed);
        chromium.screenshot("graph-01-smtp-5.7.139");

        chromium.click(By.id("use-graph-button"));
        String notice = chromium.waitFor(By.cssSelector(".flash")).getText();
        assertTrue(notice.contains("A new sign-in is needed"), notice);
        assertEquals(MailTransport.MICROSOFT_GRAPH, device.device().settings().current().deviceMail().transport());
        chromium.screenshot("graph-02-switched");

        chromium.click(By.id("sign-in-button"));
        chromium.click(By.id("sign-in-with-microsoft"));
        String code = chromium.waitFor(By.id("user-code")).getText();
        device.lab().identity().approve(code, LabUsers.ADMIN);
        chromium.waitUpTo(30).until(ExpectedConditions.textToBe(By.id("sign-in-state"), "Signed in"));
        chromium.click(By.id("close-button"));
        chromium.screenshot("graph-03-signed-in-for-graph");

        chromium.click(By.linkText("Network > Email Server > Connection Test"));
        chromium.click(By.id("run-test-button"));
        assertEquals("All steps passed.", chromium.waitFor(By.id("connection-test-summary")).getText());
        chromium.type(By.id("test-recipient"), "reception@contoso.example");
        chromium.click(By.id("send-test-button"));
        assertTrue(device.lab().mail().waitForIncoming(1, Duration.ofSeconds(20)), "the test message arrived");
        assertEquals("reception@contoso.example",
                device.lab().mail().receivedMessages()[0].getAllRecipients()[0].toString());
        assertEquals(1, device.lab().graph().requests(LabGraphFault.Target.SEND_MAIL), "through Graph");
        chromium.screenshot("graph-04-test-message");
    }
}
