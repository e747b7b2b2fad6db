package org.printmail.smtp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.printmail.codes.JobCode;
import org.printmail.config.MailServerSettings;
import org.printmail.config.ProxyRoute;
import org.printmail.trust.TlsTrust;
import org.printmail.i18n.Text;

/**
 * Everything per mailbox: at most N connections (idle ones reused, most recent first), the rate
 * governor, and the Angus session for the current server settings and trust.
 */
final class MailboxLane {
    /** Builds the message once a connection is in hand (a Session is needed for MIME). */
    @FunctionalInterface
    interface Composer {
        MimeMessage compose(Session session) throws MessagingException;
    }

    /** Work done on a leased connection (the connection test). */
    @FunctionalInterface
    interface Work<T> {
        T run(PooledTransport connection) throws MessagingException;
    }

    private final Semaphore permits;
    private final RateGovernor governor;
    private final TransportFactory factory;
    private final SenderOptions options;
    private final Supplier<TlsTrust> trust;
    private final Deque<PooledTransport> idle = new ArrayDeque<>();
    private Session session;
    /** Bumped whenever settings or trust change; a connection from an older one is never reused. */
    private long generation;
    private final java.util.Map<PooledTransport, Long> bornIn = new java.util.WeakHashMap<>();
    private MailServerSettings sessionSettings;
    private TlsTrust sessionTrust;
    private ProxyRoute sessionRoute;
    private boolean closed;

    MailboxLane(SenderOptions options, TransportFactory factory, Supplier<TlsTrust> trust) {
        this.options = options;
        this.factory = factory;
        this.trust = trust;
        this.permits = new Semaphore(options.maxConnectionsPerMailbox(), true);
        this.governor = new RateGovernor(options.messagesPerMinute(), options.clock(), options.sleeper());
    }

    SendReport send(SmtpAccount account, Composer composer) {
        try {
            governor.acquire();
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
        return withConnection(account, c -> c.deliver(composer.compose(currentSession())), true);
    }

    /**
     * Runs work on a leased connection; on success the connection goes back to the pool, on
     * failure it is closed. A reused connection that turns out broken is replaced once. With
     * {@code pool} false the work gets a fresh connection that is closed afterwards.
     */
    <T> T withConnection(SmtpAccount account, Work<T> work, boolean pool) {
        acquirePermit();
        try {
            PooledTransport c = lease(account, pool);
            try {
                return finish(c, work.run(c), pool);
            } catch (MessagingException | RuntimeException e) {
                c.closeQuietly();
                SmtpFailure f = asFailure(e, c);
                if (!c.wasReused() || !brokeBeforeAnyReply(f)) {
                    throw f;
                }
            }
            PooledTransport fresh = open(account, account.tokens().accessToken());
            try {
                return finish(fresh, work.run(fresh), pool);
            } catch (MessagingException | RuntimeException e) {
                fresh.closeQuietly();
                throw asFailure(e, fresh);
            }
        } finally {
            permits.release();
        }
    }

    private <T> T finish(PooledTransport c, T result, boolean pool) {
        synchronized (this) {
            // A connection opened under settings or trust that changed meanwhile (say, validation
            // was off then) is closed, never pooled.
            if (pool && !closed && Long.valueOf(generation).equals(bornIn.get(c))) {
                c.markUsed(options.clock().instant());
                idle.addLast(c);
                return result;
            }
        }
        c.closeQuietly();
        return result;
    }

    /** An idle connection still good for the current token, else a new one (always new if !reuse). */
    private PooledTransport lease(SmtpAccount account, boolean reuse) {
        String token = account.tokens().accessToken();
        List<PooledTransport> stale = new ArrayList<>();
        PooledTransport found = null;
        synchronized (this) {
            sessionFor(account.server(), stale);
            while (reuse && found == null && !idle.isEmpty()) {
                PooledTransport c = idle.pollLast();
                if (Long.valueOf(generation).equals(bornIn.get(c))
                        && c.reusable(token, options.clock().instant(), options.idleConnectionLimit())) {
                    found = c;
                } else {
                    stale.add(c);
                }
            }
        }
        stale.forEach(PooledTransport::closeQuietly);
        return found != null ? found : open(account, token);
    }

    private PooledTransport open(SmtpAccount account, String token) {
        Session s;
        long g;
        synchronized (this) { // the session and its generation, read together
            s = session;
            g = generation;
        }
        PooledTransport c = factory.open(account, s, token);
        synchronized (this) {
            bornIn.put(c, g);
        }
        return c;
    }

    private synchronized Session currentSession() { return session; }

    /** Rebuilds the session when settings or trust changed; old connections are dropped. */
    private void sessionFor(MailServerSettings settings, List<PooledTransport> stale) {
        TlsTrust t = trust.get();
        ProxyRoute route = factory.proxyRoute();
        if (session == null || !settings.equals(sessionSettings) || !Objects.equals(t, sessionTrust)
                || !route.equals(sessionRoute)) {
            session = factory.session(settings, t, route);
            sessionRoute = route;
            generation++;
            sessionSettings = settings;
            sessionTrust = t;
            stale.addAll(idle);
            idle.clear();
        }
    }

    private static boolean brokeBeforeAnyReply(SmtpFailure f) {
        return f.code() == JobCode.PROTOCOL_ERROR && f.serverReply().isEmpty();
    }

    /** SmtpFailure as is, other runtime failures rethrown, Angus exceptions classified. */
    private static SmtpFailure asFailure(Exception e, PooledTransport c) {
        if (e instanceof SmtpFailure f) {
            return f;
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        return Failures.from(e, c.transport(), ReplyClassifier.Stage.DATA, c.server(), c.redactor());
    }

    private void acquirePermit() {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private static SmtpFailure interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new SmtpFailure(JobCode.SERVER_BUSY, Text.of("smtp.interrupted"), "", e);
    }

    /** Connections currently idle in the pool (for status and tests). */
    synchronized int idleConnections() { return idle.size(); }

    void close() {
        List<PooledTransport> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(idle);
            idle.clear();
        }
        all.forEach(PooledTransport::closeQuietly);
    }
}
