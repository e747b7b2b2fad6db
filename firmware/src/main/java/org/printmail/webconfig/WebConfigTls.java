package org.printmail.webconfig;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import javax.net.ssl.SSLContext;

import org.printmail.threads.DaemonThreads;
import org.printmail.trust.TlsTrust;

/**
 * Web Config's TLS context, made on a thread of its own while the boot goes on. Loading the
 * PKCS#12 key and building the context take about 0.15 s of a boot that answers in well under a
 * second; the device has two cores, and the calling thread meanwhile loads the profiles, the pages
 * and Jetty (docs/benchmarks.md, "Boot"). A first handshake rehearsed in memory on this thread
 * was tried and taken out: it ran while the first browser's real handshake did the same one-off
 * work, and cost 50 ms of CPU for no earlier answer.
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

}
