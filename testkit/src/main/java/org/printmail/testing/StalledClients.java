package org.printmail.testing;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.printmail.threads.DaemonThreads;

/**
 * The slow-client attack on Web Config, bounded: connections that send the first 11 bytes of a
 * TLS ClientHello and stall, and connections that finish TLS and then trickle one header line
 * every {@code trickleMillis}, never ending the request head. The server may close any of them
 * (that is the defence); {@link #close()} ends whatever is left.
 */
public final class StalledClients implements Closeable {
    /** TLS record header (handshake, TLS 1.0 record version, length 200), ClientHello, length
     *  196, client version TLS 1.2: 11 bytes, then nothing. */
    static final byte[] CLIENT_HELLO_START = {0x16, 0x03, 0x01, 0x00, (byte) 0xc8, 0x01, 0x00,
        0x00, (byte) 0xc4, 0x03, 0x03};

    private final List<Socket> halfOpen = new CopyOnWriteArrayList<>();
    private final List<Socket> trickling = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.factory("stalled-clients"));
    private int failedToOpen;

    /** Opens {@code halfOpenCount} half-open TLS and {@code trickleCount} trickling connections. */
    public StalledClients(LoopbackHttps from, int halfOpenCount, int trickleCount,
                          long trickleMillis) {
        for (int i = 0; i < halfOpenCount; i++) {
            try {
                Socket s = from.openPlain();
                s.getOutputStream().write(CLIENT_HELLO_START);
                s.getOutputStream().flush();
                halfOpen.add(s);
            } catch (IOException e) {
                failedToOpen++;
            }
        }
        for (int i = 0; i < trickleCount; i++) {
            try {
                Socket s = from.open();
                s.getOutputStream().write(("GET /login HTTP/1.1\r\nHost: localhost\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                trickling.add(s);
            } catch (IOException e) {
                failedToOpen++;
            }
        }
        trickler.scheduleWithFixedDelay(this::trickle, trickleMillis, trickleMillis,
                TimeUnit.MILLISECONDS);
    }

    private void trickle() {
        for (Socket s : trickling) {
            try {
                OutputStream out = s.getOutputStream();
                out.write("X-Slow: 1\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                trickling.remove(s); // the server closed it
                closeQuietly(s);
            }
        }
    }

    /** Connections the server has not (yet) been seen to close: half-open ones are probed. */
    public int stillOpen() {
        halfOpen.removeIf(StalledClients::closedByPeer);
        trickling.removeIf(StalledClients::closedByPeer);
        return halfOpen.size() + trickling.size();
    }

    public int failedToOpen() { return failedToOpen; }

    private static boolean closedByPeer(Socket s) {
        try {
            s.setSoTimeout(1);
            s.getInputStream().read();
            closeQuietly(s);
            return true; // end of stream, or an alert or error page before closing
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            closeQuietly(s);
            return true;
        }
    }

    @Override
    public void close() {
        trickler.shutdownNow();
        for (Socket s : halfOpen) {
            closeQuietly(s);
        }
        for (Socket s : trickling) {
            closeQuietly(s);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
