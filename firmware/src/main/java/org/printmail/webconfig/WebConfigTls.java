package org.printmail.webconfig;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

import org.printmail.threads.DaemonThreads;
import org.printmail.trust.TlsTrust;

/**
 * Web Config's TLS context, made on a thread of its own while the boot goes on. Loading the
 * PKCS#12 key, building the context and the first handshake's one-off work (the JDK's provider
 * list, signature schemes, key shares, the first RSA signature) take about 0.2 s of a boot that
 * answers in well under a second; the device has two cores, and the calling thread meanwhile loads
 * the profiles, the pages and Jetty (docs/benchmarks.md, "Boot").
 */
final class WebConfigTls {
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    /** TLS 1.3 suites, and TLS 1.2 only with ECDHE (forward secrecy) and an AEAD cipher. */
    static final String[] CIPHER_SUITES = {
        "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
    };

    private final CompletableFuture<SSLContext> context = new CompletableFuture<>();

    private WebConfigTls() {
    }

    /** Starts loading the device certificate from {@code opts.keyStore()}. */
    static WebConfigTls load(WebConfigOptions opts) {
        WebConfigTls tls = new WebConfigTls();
        DaemonThreads.start("webconfig-tls", () -> {
            try {
                SSLContext ctx = TlsTrust.serverContext(opts.keyStore(), opts.keyStorePassword().toCharArray());
                tls.context.complete(ctx);
                firstHandshakeWork(ctx);
            } catch (IOException e) {
                tls.context.completeExceptionally(new IllegalStateException(
                        "Web Config: cannot load the device certificate from " + opts.keyStore().getFileName()
                                + " (" + e.getClass().getSimpleName() + ")"));
            } catch (RuntimeException | Error e) {
                tls.context.completeExceptionally(e);
            }
        });
        return tls;
    }

    /** The context, once loaded; a key store that could not be read throws here. */
    SSLContext await() {
        try {
            return context.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Web Config: interrupted while loading the device certificate");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("Web Config: cannot load the device certificate ("
                    + e.getCause().getClass().getSimpleName() + ")");
        }
    }

    /**
     * The server's half of a first handshake, in memory and with Web Config's own protocols and
     * cipher suites: a client engine writes its hello and the server engine answers it, signing
     * with the device key. Nothing leaves the process and both engines are dropped; what stays is
     * the JDK's one-off set-up, so the first browser is not the one who waits for it. A failure
     * here costs only that head start.
     */
    static void firstHandshakeWork(SSLContext ctx) {
        try {
            SSLEngine client = engine(ctx, true);
            SSLEngine server = engine(ctx, false);
            ByteBuffer none = ByteBuffer.allocate(0);
            ByteBuffer hello = ByteBuffer.allocate(client.getSession().getPacketBufferSize());
            client.wrap(none, hello);
            hello.flip();
            server.unwrap(hello, ByteBuffer.allocate(server.getSession().getApplicationBufferSize()));
            for (Runnable task = server.getDelegatedTask(); task != null; task = server.getDelegatedTask()) {
                task.run();
            }
            server.wrap(none, ByteBuffer.allocate(server.getSession().getPacketBufferSize()));
            client.closeOutbound();
            server.closeOutbound();
        } catch (SSLException | RuntimeException e) {
            // only a head start was lost; the real handshake reports its own problems
        }
    }

    private static SSLEngine engine(SSLContext ctx, boolean client) {
        SSLEngine e = client ? ctx.createSSLEngine("localhost", 443) : ctx.createSSLEngine();
        e.setUseClientMode(client);
        e.setEnabledProtocols(PROTOCOLS);
        e.setEnabledCipherSuites(CIPHER_SUITES);
        return e;
    }
}
