package org.printmail.smtp;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

import org.printmail.config.ProxyRoute;
import org.printmail.time.Sleeper;

/**
 * How the sender behaves beyond the server settings.
 *
 * @param attachMaxBytes           "Attached File Maximum Size": the attachments of one message
 *                                 together; 0 means no limit
 * @param splitLargeAttachments    over the maximum, send numbered messages ("1/3", ...) grouping
 *                                 whole files; off: refuse with 392
 * @param maxConnectionsPerMailbox Exchange allows 3 concurrent connections per mailbox
 * @param messagesPerMinute        rolling-minute limit per mailbox (Exchange: 30); 0 turns it off
 * @param idleConnectionLimit      an idle connection older than this is closed, not reused
 * @param ehloName                 the name the device gives in EHLO
 * @param proxy                    the office proxy; SMTP uses it only when its SMTP route says so
 */
public record SenderOptions(long attachMaxBytes, boolean splitLargeAttachments,
                            int maxConnectionsPerMailbox, int messagesPerMinute,
                            Duration idleConnectionLimit, String ehloName, Clock clock,
                            Sleeper sleeper, Supplier<ProxyRoute> proxy) {
    /** 25 MiB: with base64's 4/3 growth a full message stays under Exchange's common 35 MB. */
    public static final long DEFAULT_ATTACH_MAX_BYTES = 25L * 1024 * 1024;

    public SenderOptions {
        if (attachMaxBytes < 0) {
            throw new IllegalArgumentException("attachMaxBytes must be 0 (no limit) or positive");
        }
        if (maxConnectionsPerMailbox < 1) {
            throw new IllegalArgumentException("maxConnectionsPerMailbox must be at least 1");
        }
        if (messagesPerMinute < 0) {
            throw new IllegalArgumentException("messagesPerMinute must be 0 (off) or positive");
        }
        Objects.requireNonNull(proxy, "proxy");
        if (idleConnectionLimit.isNegative() || ehloName.isBlank()) {
            throw new IllegalArgumentException("idleConnectionLimit and ehloName must be set");
        }
    }

    public static SenderOptions defaults() {
        return new SenderOptions(DEFAULT_ATTACH_MAX_BYTES, true, 3, 30, Duration.ofSeconds(60),
                "printmail.local", Clock.systemUTC(), Sleeper.SYSTEM, () -> ProxyRoute.DIRECT);
    }

    public SenderOptions withAttachMaxBytes(long max, boolean split) {
        return new SenderOptions(max, split, maxConnectionsPerMailbox, messagesPerMinute,
                idleConnectionLimit, ehloName, clock, sleeper, proxy);
    }

    public SenderOptions withMessagesPerMinute(int perMinute) {
        return new SenderOptions(attachMaxBytes, splitLargeAttachments, maxConnectionsPerMailbox,
                perMinute, idleConnectionLimit, ehloName, clock, sleeper, proxy);
    }

    public SenderOptions withMaxConnectionsPerMailbox(int max) {
        return new SenderOptions(attachMaxBytes, splitLargeAttachments, max, messagesPerMinute,
                idleConnectionLimit, ehloName, clock, sleeper, proxy);
    }

    public SenderOptions withIdleConnectionLimit(Duration limit) {
        return new SenderOptions(attachMaxBytes, splitLargeAttachments, maxConnectionsPerMailbox,
                messagesPerMinute, limit, ehloName, clock, sleeper, proxy);
    }

    public SenderOptions withTime(Clock newClock, Sleeper newSleeper) {
        return new SenderOptions(attachMaxBytes, splitLargeAttachments, maxConnectionsPerMailbox,
                messagesPerMinute, idleConnectionLimit, ehloName, newClock, newSleeper, proxy);
    }

    /** SMTP through the office proxy when its settings say so (read for every new connection). */
    public SenderOptions withProxy(Supplier<ProxyRoute> p) {
        return new SenderOptions(attachMaxBytes, splitLargeAttachments, maxConnectionsPerMailbox,
                messagesPerMinute, idleConnectionLimit, ehloName, clock, sleeper, p);
    }
}
