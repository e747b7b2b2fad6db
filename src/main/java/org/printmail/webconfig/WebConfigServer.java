package org.printmail.webconfig;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Web Config, the device's administrator web UI, served over HTTPS only by the JDK's built-in
 * server with the device's own certificate. Start it with the device components it drives;
 * close it to stop listening.
 */
public final class WebConfigServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebConfigServer.class);
    /** A device serves one or two administrators; a small pool bounds the work a flood can cause. */
    private static final int THREADS = 4;

    private final HttpsServer server;
    private final ExecutorService executor;
    private final URI baseUri;

    private WebConfigServer(HttpsServer server, ExecutorService executor, URI baseUri) {
        this.server = server;
        this.executor = executor;
        this.baseUri = baseUri;
    }

    public static WebConfigServer start(WebConfigOptions opts, WebConfigBackend backend) {
        limitSlowClients();
        SSLContext tls = tlsContext(opts);
        AdminPassword password = AdminPassword.openOrCreate(opts.dataDir().resolve("admin-password"),
                opts.initialAdminPassword(), opts.passwordIterations());
        Sessions sessions = new Sessions(backend.clock(), opts.sessionIdleTimeout());
        LoginGuard guard = new LoginGuard(backend.monotonic(), opts.lockoutThreshold(),
                opts.lockoutBase(), opts.lockoutMax());
        StatusBoard board = new StatusBoard(backend.accounts());
        Layout layout = new Layout(opts.deviceName(), backend, board);
        Dispatcher d = new Dispatcher(sessions, layout);
        staticFiles(d);
        new LoginPage(layout, sessions, password, guard).register(d);
        new AdminPasswordPage(layout, sessions, password, guard).register(d);
        new StatusPage(layout, backend, board).register(d);
        EmailServerPage emailServer = new EmailServerPage(layout, backend, board);
        emailServer.register(d);
        new SignInPage(layout, backend, board, emailServer).register(d);
        new ConnectionTestPage(layout, backend, board).register(d);
        new CaCertificatePage(layout, backend).register(d);
        new NotificationsPage(layout, backend).register(d);
        new ProxyPage(layout, backend).register(d);
        new JobLogPage(layout, backend).register(d);

        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "webconfig-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            HttpsServer server = HttpsServer.create(opts.bindAddress(), 16);
            server.setHttpsConfigurator(new HttpsConfigurator(tls) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters p = tls.getDefaultSSLParameters();
                    p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                    params.setSSLParameters(p);
                }
            });
            server.createContext("/", d);
            server.setExecutor(executor);
            server.start();
            InetSocketAddress bound = server.getAddress();
            String host = bound.getAddress().isAnyLocalAddress() ? "localhost" : bound.getHostString();
            URI base = URI.create("https://" + host + ":" + bound.getPort() + "/");
            LOG.info("Web Config listening on {}", base);
            return new WebConfigServer(server, executor, base);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new IllegalStateException("Web Config cannot listen on " + opts.bindAddress()
                    + ": " + e.getMessage());
        }
    }

    public URI baseUri() { return baseUri; }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The JDK server waits forever for a slow request unless told otherwise, so a few trickling
     * connections could hold all worker threads. The limits are JVM-wide and read once, so they
     * are set only if nobody set them before.
     */
    private static void limitSlowClients() {
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "30");
        }
        if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
            System.setProperty("sun.net.httpserver.maxRspTime", "60");
        }
    }

    private static SSLContext tlsContext(WebConfigOptions opts) {
        char[] pass = opts.keyStorePassword().toCharArray();
        try (InputStream in = Files.newInputStream(opts.keyStore())) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, pass);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pass);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Web Config: cannot load the device certificate from "
                    + opts.keyStore().getFileName() + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void staticFiles(Dispatcher d) {
        d.staticResource("/static/webconfig.js", "text/javascript; charset=utf-8",
                resource("webconfig.js"));
        d.staticResource("/static/webconfig.css", "text/css; charset=utf-8",
                resource("webconfig.css"));
    }

    private static byte[] resource(String name) {
        try (InputStream in = WebConfigServer.class.getResourceAsStream("/webconfig/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Web Config resource missing: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("Web Config resource unreadable: " + name, e);
        }
    }
}
