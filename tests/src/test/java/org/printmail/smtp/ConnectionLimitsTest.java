package org.printmail.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.printmail.lab.AdjustableClock;

/** At most three connections per mailbox, reused, and the rolling-minute rate governor. */
@Timeout(20)
class ConnectionLimitsTest {
    @Test
    void nineConcurrentSendsForOneMailboxUseAtMostThreeConnections() throws Exception {
        TestTokens tokens = new TestTokens(SmtpFixtures.TOKEN, SmtpFixtures.FRESH_TOKEN);
        ExecutorService jobs = Executors.newFixedThreadPool(9);
        try (ScriptedSmtpServer server = ScriptedSmtpServer.script()
                     .endOfDataDelay(Duration.ofMillis(150)).start();
             SmtpMailSender sender = SmtpMailSender.create(SmtpFixtures.testCaTrust(),
                     SmtpFixtures.options(AdjustableClock.startingAt("2025-03-01T09:00:00Z")))) {
            SmtpAccount account = SmtpFixtures.account(SmtpFixtures.settings(server.port()), tokens);
            List<Future<SendReport>> sends = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                String id = "<c" + i + "@p>";
                sends.add(jobs.submit(() -> sender.send(account, SmtpFixtures.message(id, "bob@contoso.example"))));
            }
            for (Future<SendReport> s : sends) {
                s.get();
            }
            assertEquals(9, server.messages().size());
            assertTrue(server.maxConcurrentConnections() <= 3, "max " + server.maxConcurrentConnections());
            assertTrue(server.connections() <= 3, "opened " + server.connections());
            assertEquals(server.connections(), sender.idleConnections("mailbox-1"));
        } finally {
            jobs.shutdownNow();
        }
    }

    @Test
    void aPooledConnectionTheServerClosedIsReplacedOnceWithoutFailingTheSend() throws Exception {
        TestTokens tokens = new TestTokens(SmtpFixtures.TOKEN, SmtpFixtures.FRESH_TOKEN);
        try (ScriptedSmtpServer server = ScriptedSmtpServer.script().closeAfterMessage().start();
             SmtpMailSender sender = SmtpMailSender.create(SmtpFixtures.testCaTrust(),
                     SmtpFixtures.options(AdjustableClock.startingAt("2025-03-01T09:00:00Z")))) {
            SmtpAccount account = SmtpFixtures.account(SmtpFixtures.settings(server.port()), tokens);
            sender.send(account, SmtpFixtures.message("<a@p>", "bob@contoso.example"));
            sender.send(account, SmtpFixtures.message("<b@p>", "bob@contoso.example"));
            assertEquals(2, server.messages().size());
            assertEquals(2, server.connections());
        }
    }

    @Test
    void theGovernorLetsThirtyThroughThenWaitsUntilTheFirstLeavesTheMinute() throws Exception {
        AdjustableClock clock = AdjustableClock.startingAt("2025-03-01T09:00:00Z");
        List<Duration> waits = new ArrayList<>();
        RateGovernor g = new RateGovernor(30, clock, d -> {
            waits.add(d);
            clock.advance(d);
        });
        for (int i = 0; i < 30; i++) {
            g.acquire();
            clock.advance(Duration.ofSeconds(1));
        }
        g.acquire();

        assertEquals(List.of(Duration.ofSeconds(30)), waits);
        assertEquals(Instant.parse("2025-03-01T09:01:00Z"), clock.instant());
    }

    @Test
    void noThirtyOneMessagesEverFallInsideOneRollingMinute() throws Exception {
        AdjustableClock clock = AdjustableClock.startingAt("2025-03-01T09:00:00Z");
        RateGovernor g = new RateGovernor(30, clock, clock::advance);
        List<Instant> sent = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            g.acquire();
            sent.add(clock.instant());
            clock.advance(Duration.ofMillis(700));
        }
        for (int i = 30; i < sent.size(); i++) {
            assertTrue(!sent.get(i).isBefore(sent.get(i - 30).plus(RateGovernor.WINDOW)), "at " + i);
        }
    }

    @Test
    void aZeroRateTurnsTheGovernorOff() throws Exception {
        AdjustableClock clock = AdjustableClock.startingAt("2025-03-01T09:00:00Z");
        RateGovernor g = new RateGovernor(0, clock, d -> {
            throw new AssertionError("must not wait");
        });
        for (int i = 0; i < 1000; i++) {
            g.acquire();
        }
    }
}
