package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.printmail.auth.AccountState;
import org.printmail.jobs.JobRequest;
import org.printmail.lab.LabUsers;
import org.printmail.lab.RevocationReason;
import org.printmail.auth.AccountId;

/**
 * What Web Config tells the administrator about a sign-in, over real HTTPS in front of the real
 * device and lab: the latest error, the same code everywhere after a policy block, which account
 * sends, and the Job Log's recipients and held jobs.
 */
class SignInPageTellsTheAdminTest {
    private static final String BASIC = "/network/email-server";
    private static final String SIGN_IN = BASIC + "/sign-in";

    private WebConfigRig device;
    private HttpsAdmin admin;

    @BeforeEach
    void start() throws Exception {
        device = new WebConfigRig();
        admin = device.loggedInAdmin();
    }

    @AfterEach
    void stop() { device.close(); }

    private void startSignIn(String sender) throws Exception {
        Map<String, String> f = new HashMap<>(Map.of("action", "signin", "authMethod", "OAUTH2",
                "service", "EXCHANGE_ONLINE", "sender", sender, "tenant", "", "smtpHost", "localhost",
                "smtpPort", Integer.toString(device.lab().mail().port()), "security", "STARTTLS",
                "certValidation", "enable"));
        f.put("csrf", admin.csrf(BASIC));
        admin.post(BASIC, f);
        admin.post(SIGN_IN + "/start", Map.of("csrf", admin.csrf(SIGN_IN)));
    }

    private String statusJson() throws Exception {
        return admin.get(SignInPage.STATUS_API + "?account=DEVICE_MAIL").body();
    }

    @Test
    void theSignInPageAndItsStatusShowTheLatestErrorAfterASecondFailedAttempt() throws Exception {
        device.lab().identity().failDeviceCodeFlow(RevocationReason.BLOCKED_BY_CONDITIONAL_ACCESS);
        startSignIn("");
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (device.device().accounts().status(AccountId.deviceMail()).code().number() != 371) {
            assertTrue(System.nanoTime() < end, "the first attempt did not end with 371");
            Thread.sleep(50);
        }
        assertTrue(admin.get(SIGN_IN).body().contains("371 "));

        device.lab().identity().failDeviceCodeFlow(RevocationReason.TENANT_NOT_FOUND); // refused at once
        startSignIn("");
        String page = admin.get(SIGN_IN).body();
        assertTrue(page.contains("372 "), page);
        assertFalse(page.contains("371 "), "the earlier error is gone: " + page);
        assertTrue(statusJson().contains("\"code\":372"), statusJson());
        String again = admin.get(SIGN_IN).body();
        assertTrue(again.contains("372 "), "a reload still shows the latest error");
    }

    @Test
    void afterAConditionalAccessBlockCurrentStatusTheBannerAndTheJobLogAllSay371() throws Exception {
        device.rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        device.lab().identity().revoke(LabUsers.ADMIN, RevocationReason.BLOCKED_BY_CONDITIONAL_ACCESS);
        device.clock.advance(Duration.ofHours(2));
        device.device().jobs().submit(new JobRequest.ScanToEmail(List.of("ann@contoso.example",
                "o'neil&co@contoso.example"), "s", "",
                List.of()));
        device.rig.awaitState(AccountId.deviceMail(), AccountState.SIGN_IN_REQUIRED);
        String basic = admin.get(BASIC).body();
        assertTrue(basic.contains("id=\"current-status\">Sign-in required: sign-in blocked by the"
                + " organization&#39;s policy (371)<"), basic);
        assertFalse(basic.contains("(370)"), basic);
        assertTrue(basic.contains("Basic: 371 Sign-in blocked by the organization&#39;s policy"),
                "the banner says 371 too: " + basic);
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String log = admin.get(JobLogPage.PATH).body();
        while (!log.contains("Held until the account is signed in again")) {
            assertTrue(System.nanoTime() < end, "no HELD line: " + log);
            Thread.sleep(50);
            log = admin.get(JobLogPage.PATH).body();
        }
        assertTrue(log.contains("<td>371</td>"), log);
        assertTrue(log.contains("<bdi>ann@contoso.example</bdi>, <bdi>o&#39;neil&amp;co@contoso.example</bdi>"),
                "the Job Log shows the recipients, each isolated, HTML-encoded: " + log);
    }

    @Test
    void theSignInPageSaysWhichAccountSends() throws Exception {
        startSignIn("");
        assertTrue(admin.get(SIGN_IN).body().contains("the account signed in here is the one that sends"));
        admin.post(SIGN_IN + "/cancel", Map.of("csrf", admin.csrf(SIGN_IN)));
        startSignIn("scanner@contoso.example");
        // The address is isolated (<bdi>) in the sentence; the words around it are the test.
        String page = HttpsAdmin.withoutIsolates(admin.get(SIGN_IN).body());
        assertTrue(page.contains("Email is sent as scanner@contoso.example (Sender&#39;s Email Address)")
                && page.contains("Send As permission"), page);
    }

    @Test
    void theAdminsTestMessageAfterSignOutIsNotToldToContactTheAdministrator() throws Exception {
        device.rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        String signOut = MailAccount.DEVICE.signOutPath();
        assertEquals(303, admin.post(signOut, Map.of("csrf", admin.csrf(signOut))).statusCode());
        String test = BASIC + "/connection-test";
        admin.post(test + "/send", Map.of("csrf", admin.csrf(test), "recipient", "ann@contoso.example"));
        String page = admin.get(test).body();
        assertTrue(page.contains("360 Not connected to the email service."), page);
        assertFalse(page.contains("contact the administrator"), page);
    }
}
