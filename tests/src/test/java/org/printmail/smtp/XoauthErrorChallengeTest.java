package org.printmail.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.printmail.codes.JobCode;
import org.printmail.codes.PrintmailException;
import org.printmail.lab.AdjustableClock;

/**
 * Servers that refuse a bearer token with the SASL error challenge (RFC 7628 3.2.2, Gmail's and
 * Dovecot's XOAUTH2): {@code 334 <base64 JSON>}, an empty line from the client, then 535. The
 * sender answers it, refreshes once, retries once, and says what the server said.
 */
@Timeout(10)
class XoauthErrorChallengeTest {
    private static final String CHALLENGE = challenge(
            "{\"status\":\"401\",\"schemes\":\"bearer\",\"scope\":\"https://mail.google.com/\"}");

    private final AdjustableClock clock = AdjustableClock.startingAt("2025-03-01T09:00:00Z");
    private final TestTokens tokens = new TestTokens(SmtpFixtures.TOKEN, SmtpFixtures.FRESH_TOKEN);
    private final SmtpMailSender sender = SmtpMailSender.create(SmtpFixtures.testCaTrust(),
            SmtpFixtures.options(clock));
    private ScriptedSmtpServer server;

    @AfterEach
    void stop() throws InterruptedException {
        SmtpFixtures.closeLeavingNoThreads(sender, server);
    }

    @Test
    void anErrorChallengeIsAnsweredWithAnEmptyLineThenTheRefreshedTokenSends() throws Exception {
        server = ScriptedSmtpServer.script().auth(token -> token.equals(SmtpFixtures.FRESH_TOKEN)
                ? "235 2.7.0 Accepted" : CHALLENGE).start();

        sender.send(account(tokens), SmtpFixtures.message("<m@p>", "bob@contoso.example"));

        assertEquals(1, tokens.refreshes());
        assertEquals(1, server.messages().size());
        List<String> cmds = server.commands();
        int firstAuth = indexOfAuth(cmds);
        assertEquals("", cmds.get(firstAuth + 1), "the challenge is answered with an empty line: " + cmds);
    }

    @Test
    void anErrorChallengeTwiceIsTheAuthRejectionWithTheServersStatusInTheMessage() throws Exception {
        server = ScriptedSmtpServer.script().auth(token -> CHALLENGE).start();

        SmtpFailure f = assertThrows(SmtpFailure.class, () -> send(tokens));

        assertEquals(JobCode.SMTP_AUTH_REJECTED, f.code(), f.getMessage());
        assertEquals("535 5.7.8 Username and Password not accepted.", f.serverReply());
        assertTrue(f.detail().contains("status \"401\""), f.detail());
        assertTrue(f.detail().contains("again after a token refresh"), f.detail());
        assertEquals(1, tokens.refreshes());
        assertEquals(2, server.commands().stream().filter(c -> c.startsWith("AUTH")).count());
        assertFalse(server.received("MAIL"));
    }

    @Test
    void aRevokedAccountBehindAnErrorChallengeEndsInTheSignInCode() throws Exception {
        server = ScriptedSmtpServer.script().auth(token -> CHALLENGE).start();
        TokenSource revoked = new TokenSource() {
            @Override
            public String accessToken() { return SmtpFixtures.TOKEN; }

            @Override
            public String refreshedAccessToken() {
                throw new PrintmailException(JobCode.SIGN_IN_REQUIRED, "the refresh token was revoked");
            }
        };

        PrintmailException e = assertThrows(PrintmailException.class, () -> send(revoked));

        assertEquals(JobCode.SIGN_IN_REQUIRED, e.code(), e.getMessage());
    }

    @Test
    void aConnectionDroppedAfterTheChallengeIsStillAnAuthRejection() throws Exception {
        server = ScriptedSmtpServer.script().auth(token -> CHALLENGE).dropAfterChallenge().start();

        SmtpFailure f = assertThrows(SmtpFailure.class, () -> send(tokens));

        assertEquals(JobCode.SMTP_AUTH_REJECTED, f.code(), f.getMessage());
        assertEquals(1, tokens.refreshes());
    }

    @Test
    void aHostileStatusIsShownPrintableAndBounded() throws Exception {
        String hostile = "<script>alert(1)</script>\"\\u0007" + "x".repeat(500);
        server = ScriptedSmtpServer.script().auth(token -> challenge(
                "{\"status\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(hostile) + "}")).start();

        SmtpFailure f = assertThrows(SmtpFailure.class, () -> send(tokens));

        assertTrue(f.detail().contains("status \"?script?alert?1?"), f.detail());
        assertFalse(f.detail().contains("<"), f.detail());
        assertFalse(f.detail().contains("\u0007"), f.detail());
        assertTrue(f.detail().length() < 250, f.detail());
    }

    @Test
    void anUndecodableChallengeIsStillAnAuthRejection() throws Exception {
        server = ScriptedSmtpServer.script().auth(token -> "334 not-base64-json!").start();

        SmtpFailure f = assertThrows(SmtpFailure.class, () -> send(tokens));

        assertEquals(JobCode.SMTP_AUTH_REJECTED, f.code(), f.getMessage());
        assertTrue(f.detail().contains("error challenge"), f.detail());
    }

    private void send(TokenSource source) {
        sender.send(account(source), SmtpFixtures.message("<m@p>", "bob@contoso.example"));
    }

    private SmtpAccount account(TokenSource source) {
        return SmtpFixtures.account(SmtpFixtures.settings(server.port()), source);
    }

    private static int indexOfAuth(List<String> cmds) {
        for (int i = 0; i < cmds.size(); i++) {
            if (cmds.get(i).startsWith("AUTH XOAUTH2 ")) {
                return i;
            }
        }
        throw new AssertionError("no AUTH: " + cmds);
    }

    static String challenge(String json) {
        return "334 " + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
