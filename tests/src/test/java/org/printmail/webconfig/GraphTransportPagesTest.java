package org.printmail.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.printmail.config.MailTransport;
import org.printmail.lab.LabGraphFault;
import org.printmail.lab.LabUsers;
import org.printmail.auth.AccountId;

/**
 * Web Config and the Graph transport over real HTTPS: the transport choice on Email Server >
 * Basic, the Graph remedy offered when the SMTP connection test meets 5.7.139, and what the
 * switch says about signing in again.
 */
class GraphTransportPagesTest {
    private static final String BASIC = "/network/email-server";
    private static final String TEST = BASIC + "/connection-test";
    private WebConfigRig device;
    private HttpsAdmin admin;

    @BeforeEach
    void start() throws Exception {
        device = new WebConfigRig();
        admin = new HttpsAdmin(device.server.baseUri());
        admin.logIn(WebConfigRig.ADMIN_PASSWORD);
    }

    @AfterEach
    void stop() { device.close(); }

    @Test
    void basicPageOffersBothTransportsAndOkSavesTheChoice() throws Exception {
        String page = admin.get(BASIC).body();
        assertTrue(page.contains("Send Through"), page);
        assertTrue(page.contains(">SMTP AUTH (XOAUTH2)<") && page.contains(">Microsoft Graph<"), page);
        Map<String, String> f = new HashMap<>(Map.of("action", "ok", "authMethod", "OAUTH2",
                "service", "EXCHANGE_ONLINE", "transport", "MICROSOFT_GRAPH", "sender", "", "tenant", "",
                "smtpHost", "localhost", "smtpPort", "", "security", "STARTTLS", "certValidation", "enable"));
        f.put("csrf", admin.csrf(BASIC));
        assertEquals(303, admin.post(BASIC, f).statusCode());
        assertEquals(MailTransport.MICROSOFT_GRAPH, device.device().settings().current().deviceMail().transport());
        String after = admin.get(BASIC).body();
        assertTrue(after.contains("Sign in to send"), "not signed in: the page says so: " + after);
    }

    @Test
    void smtpTestMeeting5_7_139OffersGraphAndTheSwitchSaysANewSignInIsNeededThenATestMessageArrives()
            throws Exception {
        device.rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        device.lab().mail().setSmtpAuthDisabled(true);

        admin.post(TEST, Map.of("csrf", admin.csrf(TEST)));
        String failed = admin.get(TEST).body();
        assertTrue(failed.contains("Failed (380)"), failed);
        assertTrue(failed.contains("id=\"graph-offer\""), "5.7.139 offers Graph: " + failed);

        assertEquals(303, admin.post(TEST + "/use-graph", Map.of("csrf", admin.csrf(TEST))).statusCode());
        assertEquals(MailTransport.MICROSOFT_GRAPH, device.device().settings().current().deviceMail().transport());
        String basic = admin.get(BASIC).body();
        // The SMTP sign-in's consent does not cover Graph: the page says so instead of failing later.
        assertTrue(basic.contains("A new sign-in is needed: 370"), basic);

        device.rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        admin.post(TEST, Map.of("csrf", admin.csrf(TEST)));
        String passed = admin.get(TEST).body();
        assertTrue(passed.contains("All steps passed."), passed);
        assertTrue(passed.contains("Permission (Mail.Send, Mail.ReadWrite)"), passed);
        assertFalse(passed.contains("graph-offer"), passed);

        admin.post(TEST + "/send", Map.of("csrf", admin.csrf(TEST), "recipient", "reception@contoso.example"));
        assertTrue(device.lab().mail().waitForIncoming(1, Duration.ofSeconds(10)));
        assertEquals(1, device.lab().graph().requests(LabGraphFault.Target.SEND_MAIL), "sent through Graph");
    }

    @Test
    void graphConnectionTestStopsAtThePermissionStepWithItsRemedyWhenGraphDeniesAccess() throws Exception {
        device.device().settings().update(s -> s.withDeviceMail(s.deviceMail().withTransport(
                MailTransport.MICROSOFT_GRAPH)));
        device.rig.signIn(AccountId.deviceMail(), LabUsers.ADMIN);
        device.lab().graph().injectFault(LabGraphFault.error(LabGraphFault.Target.DRAFT_LOOKUP, 1, 403,
                "ErrorAccessDenied"));
        admin.post(TEST, Map.of("csrf", admin.csrf(TEST)));
        String page = HttpsAdmin.withoutIsolates(admin.get(TEST).body());
        assertTrue(page.contains("Failed (398)"), page);
        assertTrue(page.contains("Microsoft Graph denied access to the mailbox"), page);
        assertTrue(page.contains("<td>DNS</td><td>Passed</td>") && page.contains("<td>Token</td><td>Passed</td>"),
                page);
    }
}
