package org.printmail.webconfig;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.printmail.threads.DaemonThreads;

/**
 * Per-address connection cap and the handshake/request-head deadline, which Jetty does not
 * offer itself (its idle timeout restarts with every byte, so a client trickling one header
 * line every few seconds would never be cut off).
 *
 * <p>A connection not serving a request must complete its next request head within
 * {@link ServerLimits#headDeadline()}: measured from opening for the first request (so the TLS
 * handshake counts), and from the first byte after the previous response for later ones. A
 * sweeper thread closes the ones that do not.
 */
final class ConnectionGuard implements Connection.Listener, AutoCloseable {
    /** Per HTTP connection: whether a request is being served, and what it has read since. */
    private static final class Track {
        final long openedAt;
        final AtomicInteger busy = new AtomicInteger();
        volatile long requests;
        volatile long bytesAtRest;
        volatile long firstExtraByteAt;

        Track(long openedAt) { this.openedAt = openedAt; }
    }

    private final ServerLimits limits;
    private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final Map<Connection, String> addressOf = new ConcurrentHashMap<>();
    private final Map<Connection, Track> http = new ConcurrentHashMap<>();
    private final AtomicLong refusedOverCap = new AtomicLong();
    private final AtomicLong closedAtDeadline = new AtomicLong();
    private final ScheduledExecutorService sweeper;

    ConnectionGuard(ServerLimits limits) {
        this.limits = limits;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(
                DaemonThreads.factory("webconfig-deadlines"));
        long every = Math.max(10, Math.min(1000, limits.headDeadline().toMillis() / 4));
        sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onOpened(Connection c) {
        if (c instanceof SslConnection) {
            String address = address(c);
            addressOf.put(c, address);
            int n = perAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
            if (n > limits.maxConnectionsPerAddress()) {
                refusedOverCap.incrementAndGet();
                c.getEndPoint().close();
            }
        } else {
            // The HTTP/1.1 connection inside the TLS one (the only other kind this server makes).
            http.put(c, new Track(System.nanoTime()));
        }
    }

    @Override
    public void onClosed(Connection c) {
        if (c instanceof SslConnection) {
            // Remembered at opening: a closed socket no longer knows its peer.
            String address = addressOf.remove(c);
            if (address != null) {
                perAddress.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
            }
        } else {
            http.remove(c);
        }
    }

    /** A request head is complete and its page is about to run: no deadline while serving it. */
    void requestStarted(Connection c) {
        Track t = http.get(c);
        if (t != null) {
            t.busy.incrementAndGet();
            t.requests++;
        }
    }

    void requestEnded(Connection c) {
        Track t = http.get(c);
        if (t != null) {
            t.bytesAtRest = c.getBytesIn();
            t.firstExtraByteAt = 0;
            t.busy.decrementAndGet();
        }
    }

    /** Connections closed because a client address held too many. */
    long refusedOverCap() { return refusedOverCap.get(); }

    /** Connections closed because the handshake or a request head came too slowly. */
    long closedAtDeadline() { return closedAtDeadline.get(); }

    /** Open TLS connections, all addresses together. */
    int open() { return perAddress.values().stream().mapToInt(AtomicInteger::get).sum(); }

    private void sweep() {
        long now = System.nanoTime();
        long deadline = limits.headDeadline().toNanos();
        http.forEach((c, t) -> {
            if (t.busy.get() > 0) {
                return;
            }
            long since;
            if (t.requests == 0) {
                since = t.openedAt;
            } else if (c.getBytesIn() > t.bytesAtRest) {
                if (t.firstExtraByteAt == 0) {
                    t.firstExtraByteAt = now;
                }
                since = t.firstExtraByteAt;
            } else {
                return; // idle between requests: the idle timeout applies
            }
            if (now - since > deadline) {
                closedAtDeadline.incrementAndGet();
                http.remove(c);
                c.getEndPoint().close();
            }
        });
    }

    private static String address(Connection c) {
        SocketAddress a = c.getEndPoint().getRemoteSocketAddress();
        return a instanceof InetSocketAddress i && i.getAddress() != null
                ? i.getAddress().getHostAddress() : String.valueOf(a);
    }

    @Override
    public void close() { sweeper.shutdownNow(); }
}
