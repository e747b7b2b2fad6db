package org.printmail.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab's Microsoft Graph stand-in on loopback HTTPS: {@code /v1.0/me/sendMail}, drafts under
 * {@code /v1.0/me/messages}, attachments, {@code createUploadSession}, the pre-authenticated
 * upload URL ({@code PUT} ranges, {@code GET} status) and {@code /send}, with Microsoft's replies
 * and error bodies. Bearer tokens are checked against the lab identity platform: a token for
 * another audience (SMTP) gets 401 {@code InvalidAuthenticationToken}, a Graph token without the
 * permission 403 {@code ErrorAccessDenied}. Sent messages land in the lab mail store. TEST-ONLY;
 * see docs/lab.md.
 */
public final class LabGraphService implements AutoCloseable {
    static final String MAIL_SEND = "https://graph.microsoft.com/Mail.Send";
    static final String MAIL_READ_WRITE = "https://graph.microsoft.com/Mail.ReadWrite";
    static final String GRAPH = "https://graph.microsoft.com/";
    private static final Logger LOG = LoggerFactory.getLogger(LabGraphService.class);

    private final HttpsServer server;
    private final ExecutorService executor;
    private final ExecutorService deliveries;
    private final LabGraphRoutes routes;
    private final URI endpoint;

    /** What the stand-in is told to do besides the normal answers. */
    static final class Behaviour {
        private final Deque<LabGraphFault> faults = new ArrayDeque<>();
        private final Map<LabGraphFault, Integer> left = new java.util.IdentityHashMap<>();
        final Set<String> restDisabled = ConcurrentHashMap.newKeySet();
        final Map<String, Set<String>> sendAs = new ConcurrentHashMap<>();
        final Map<LabGraphFault.Target, Integer> requests = new ConcurrentHashMap<>();
        volatile boolean uploadStatusReadable = true;
        volatile boolean messageIdWritable = true;

        synchronized void add(LabGraphFault f) {
            faults.addLast(f);
            left.put(f, f.count());
        }

        /** The first queued fault for this kind of request (or ANY), used up by one. */
        synchronized Optional<LabGraphFault> next(LabGraphFault.Target target) {
            requests.merge(target, 1, Integer::sum);
            for (LabGraphFault f : faults) {
                if (f.target() == target || f.target() == LabGraphFault.Target.ANY) {
                    int n = left.merge(f, -1, Integer::sum);
                    if (n <= 0) {
                        faults.remove(f);
                        left.remove(f);
                    }
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }

        synchronized void clear() {
            faults.clear();
            left.clear();
            restDisabled.clear();
            sendAs.clear();
            requests.clear();
            uploadStatusReadable = true;
            messageIdWritable = true;
        }
    }

    private final Behaviour behaviour = new Behaviour();
    private final LabGraphMailbox mailbox = new LabGraphMailbox();

    private LabGraphService(Path keystore, String password, int port,
                            Function<String, Optional<LabTokenOwner>> tokens, LabMailServer mail,
                            Clock clock) throws IOException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setHttpsConfigurator(LabIdentityPlatform.configurator(
                LabMailServer.serverContext(keystore, password.toCharArray())));
        executor = Executors.newFixedThreadPool(6, LabMailServer.daemonThreads("lab-graph"));
        server.setExecutor(executor);
        endpoint = URI.create("https://localhost:" + server.getAddress().getPort());
        deliveries = Executors.newSingleThreadExecutor(LabMailServer.daemonThreads("lab-graph-delivery"));
        routes = new LabGraphRoutes(endpoint, tokens, mail, mailbox, behaviour, clock, deliveries);
        server.createContext("/", this::handle);
        server.start();
        LOG.info("lab graph stand-in listening on {}", endpoint);
    }

    /**
     * Starts the stand-in on 127.0.0.1.
     *
     * @param tokens the identity platform's view of an access token (its owner and scopes)
     * @param mail   where sent messages are delivered
     */
    public static LabGraphService start(Path keystore, String password, int port,
                                        Function<String, Optional<LabTokenOwner>> tokens,
                                        LabMailServer mail, Clock clock) {
        try {
            return new LabGraphService(keystore, password, port, tokens, mail, clock);
        } catch (IOException e) {
            throw new IllegalStateException("lab graph stand-in: cannot listen on 127.0.0.1:" + port, e);
        }
    }

    /** {@code https://localhost:PORT}: the device's {@code graph.endpoint}. */
    public URI endpoint() { return endpoint; }

    public int port() { return endpoint.getPort(); }

    /** Queues a fault for the next {@code count} requests of its target. */
    public void injectFault(LabGraphFault fault) { behaviour.add(fault); }

    /** The user's mailbox answers {@code MailboxNotEnabledForRESTAPI} (on-premises, inactive). */
    public void disableRest(String upn) { behaviour.restDisabled.add(upn.toLowerCase(java.util.Locale.ROOT)); }

    /** Grants {@code upn} Send As on {@code address} (otherwise {@code ErrorSendAsDenied}). */
    public void allowSendAs(String upn, String address) {
        behaviour.sendAs.computeIfAbsent(upn.toLowerCase(java.util.Locale.ROOT),
                k -> ConcurrentHashMap.newKeySet()).add(address.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Whether {@code GET} on an upload URL reports {@code nextExpectedRanges} (Microsoft documents
     * it for OneDrive sessions; for Outlook attachment sessions it is unconfirmed).
     */
    public void setUploadStatusReadable(boolean readable) { behaviour.uploadStatusReadable = readable; }

    /**
     * Whether a new message may carry {@code internetMessageId} (otherwise 400
     * {@code ErrorInvalidProperty}): the other reading of an unconfirmed fact.
     */
    public void setInternetMessageIdWritable(boolean writable) { behaviour.messageIdWritable = writable; }

    /** Drafts now in the user's Drafts folder. */
    public int draftCount(String upn) { return mailbox.drafts(upn).size(); }

    /** Requests received of this kind (faulted ones included). */
    public int requests(LabGraphFault.Target target) {
        return behaviour.requests.getOrDefault(target, 0);
    }

    /** Forgets drafts, sessions, faults, counters and settings. */
    public void reset() {
        behaviour.clear();
        mailbox.reset();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        deliveries.shutdown();
        try {
            deliveries.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        mailbox.close();
    }

    private void handle(HttpExchange ex) {
        try {
            routes.route(ex);
        } catch (IOException e) {
            LOG.debug("lab graph: client went away ({})", e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            LOG.warn("lab graph: request failed: {}", e.getClass().getSimpleName());
            try {
                routes.error(ex, 500, "InternalServerError", "lab graph error");
            } catch (IOException | RuntimeException ignored) {
                // headers may be out already
            }
        } finally {
            ex.close();
        }
    }

    static InputStream body(HttpExchange ex) { return ex.getRequestBody(); }
}
