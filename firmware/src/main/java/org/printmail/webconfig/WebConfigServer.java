package org.printmail.webconfig;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.ExecutorThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Web Config, the device's administrator web UI, served over HTTPS only by Jetty (core, no
 * servlets) with the device's own certificate. TLS handshakes and request parsing are
 * non-blocking, so a stalled client holds a connection slot, never a page thread; slots are
 * capped per client address and in total, and reclaimed by {@link ConnectionGuard}'s deadline
 * and Jetty's idle timeout. Start it with the device components it drives; close it to stop.
 */
public final class WebConfigServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebConfigServer.class);

    /** What the control panel's password reset touches. */
    private record Login(AdminPassword password, LoginGuard guard, Sessions sessions) { }

    private final Server server;
    private final ConnectionGuard guard;
    private final URI baseUri;
    private final Login login;

    private WebConfigServer(Server server, ConnectionGuard guard, URI baseUri, Login login) {
        this.server = server;
        this.guard = guard;
        this.baseUri = baseUri;
        this.login = login;
    }

    /** Starts Web Config: {@link WebConfigStart#begin} and {@link WebConfigStart#listen} in one call. */
    public static WebConfigServer start(WebConfigOptions opts, WebConfigBackend backend) {
        return WebConfigStart.begin(opts).listen(backend);
    }

    static WebConfigServer listen(WebConfigOptions opts, WebConfigTls tls, WebConfigBackend backend) {
        AdminPassword password = AdminPassword.openOrCreate(opts.dataDir().resolve("admin-password"),
                opts.initialAdminPassword(), opts.passwordIterations());
        Sessions sessions = new Sessions(backend.clock(), opts.sessionIdleTimeout());
        LoginGuard loginGuard = new LoginGuard(backend.monotonic(), opts.lockoutThreshold(),
                opts.lockoutBase(), opts.lockoutMax(), opts.passwordChecksPerSecond());
        LoginTokens tokens = LoginTokens.openOrCreate(opts.dataDir().resolve("signing-key"),
                backend.clock());
        StatusBoard board = new StatusBoard(backend.accounts());
        Layout layout = new Layout(opts.deviceName(), backend, board);
        Dispatcher d = new Dispatcher(sessions, tokens, layout);
        staticFiles(d);
        new LoginPage(layout, sessions, password, loginGuard, tokens, d::isAdminPage).register(d);
        new AdminPasswordPage(layout, sessions, password, loginGuard).register(d);
        new StatusPage(layout, backend, board).register(d);
        EmailServerPage emailServer = new EmailServerPage(layout, backend, board);
        emailServer.register(d);
        new SignInPage(layout, backend, board, emailServer).register(d);
        new ConnectionTestPage(layout, backend, board).register(d);
        new CaCertificatePage(layout, backend).register(d);
        new NotificationsPage(layout, backend).register(d);
        new ProxyPage(layout, backend).register(d);
        new JobLogPage(layout, backend).register(d);
        new LanguagePage(layout, backend).register(d);
        return serve(opts, tls, d, new Login(password, loginGuard, sessions));
    }

    private static WebConfigServer serve(WebConfigOptions opts, WebConfigTls tls, Dispatcher d, Login login) {
        ServerLimits limits = opts.limits();
        // A JDK pool, not Jetty's QueuedThreadPool: that one starts its threads through Jetty's
        // SecurityUtils, whose method-handle set-up (AccessController, Subject) took about 20 ms of
        // the boot's main thread (docs/benchmarks.md, issue 12). A thread idle for 5 s ends, so
        // a burst's threads go; the selector's thread never idles.
        ThreadPoolExecutor threads = new ThreadPoolExecutor(limits.threads(), limits.threads(),
                5, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        threads.allowCoreThreadTimeOut(true);
        ExecutorThreadPool pool = new ExecutorThreadPool(threads);
        pool.setName("webconfig");
        pool.setDaemon(true);
        Server server = new Server(pool);
        server.setStopTimeout(2_000);

        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setSslContext(tls.await());
        ssl.setIncludeProtocols(WebConfigTls.PROTOCOLS);
        ssl.setIncludeCipherSuites(WebConfigTls.CIPHER_SUITES);
        ssl.setRenegotiationAllowed(false);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(16 * 1024);
        http.setHttpCompliance(HttpCompliance.RFC9110);
        ConnectionGuard guard = new ConnectionGuard(limits);
        // No acceptor thread: the one selector accepts too. One thread fewer, and no acceptor
        // naming itself with String.format (a locale's number formats loaded before the first
        // connection is taken).
        ServerConnector connector = new ServerConnector(server, 0, 1,
                new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
        InetSocketAddress bind = opts.bindAddress();
        connector.setHost(bind.getAddress() == null || bind.getAddress().isAnyLocalAddress()
                ? null : bind.getAddress().getHostAddress());
        connector.setPort(bind.getPort());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        // Small pages answered at once: no Nagle delay waiting for the browser's delayed ACK.
        connector.setAcceptedTcpNoDelay(true);
        connector.addEventListener(guard);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        WebConfigHandler handler = new WebConfigHandler(d, guard, limits);
        server.setHandler(handler);
        server.setErrorHandler(handler.errors());
        try {
            server.start();
        } catch (Exception e) {
            guard.close();
            stopQuietly(server);
            throw new IllegalStateException("Web Config cannot listen on " + bind + ": "
                    + e.getClass().getSimpleName());
        }
        String host = bind.getAddress() == null || bind.getAddress().isAnyLocalAddress()
                ? "localhost" : hostForUri(bind);
        URI base = URI.create("https://" + host + ":" + connector.getLocalPort() + "/");
        LOG.info("Web Config listening on {}", base);
        return new WebConfigServer(server, guard, base, login);
    }

    public URI baseUri() { return baseUri; }

    /**
     * The administrator's way back in, for the control panel (someone at the device): sets a new
     * Web Config password without the old one, ends every lockout and every session.
     *
     * @return empty when done, else what is wrong with the new password
     */
    public java.util.Optional<org.printmail.i18n.Text> resetAdministratorPassword(String next, String confirm) {
        java.util.Optional<org.printmail.i18n.Text> problem = login.password().resetText(next, confirm);
        if (problem.isEmpty()) {
            login.guard().clearAll();
            login.sessions().invalidateAll();
            LOG.info("Web Config: administrator password reset at the control panel");
        }
        return problem;
    }

    /** The connection guard, for tests and the attack bench: caps and deadlines applied. */
    ConnectionGuard connections() { return guard; }

    @Override
    public void close() {
        stopQuietly(server);
        guard.close();
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Web Config did not stop cleanly: {}", e.getClass().getSimpleName());
        }
    }

    private static String hostForUri(InetSocketAddress bind) {
        String h = bind.getHostString();
        return h.contains(":") ? "[" + h + "]" : h;
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
