package org.printmail.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab identity platform: a loopback HTTPS stand-in for Microsoft identity platform v2.0
 * (devicecode and token endpoints, the /devicelogin pages, AADSTS errors), with a control API
 * for tests and the demo. TEST-ONLY: it ships for {@code ./printmail demo} and {@code lab} runs
 * and binds to 127.0.0.1 only. See docs/lab.md.
 */
public final class LabIdentityPlatform implements AccessTokenValidator, AutoCloseable {
    /** The device-code grant type, for {@link #tokenRequests(String)}. */
    public static final String DEVICE_CODE_GRANT = TokenEndpoint.DEVICE_CODE_GRANT;
    /** The refresh grant type, for {@link #tokenRequests(String)}. */
    public static final String REFRESH_GRANT = TokenEndpoint.REFRESH_GRANT;
    /** TEST-ONLY credentials of the resource server that may call the introspection endpoint. */
    public static final String INTROSPECTION_CLIENT_ID = IntrospectionEndpoint.CLIENT_ID;
    public static final String INTROSPECTION_CLIENT_SECRET = IntrospectionEndpoint.CLIENT_SECRET;

    private static final Logger LOG = LoggerFactory.getLogger(LabIdentityPlatform.class);
    private static final Pattern OAUTH_PATH =
            Pattern.compile("^/([^/]+)/oauth2/v2\\.0/(devicecode|token|introspect)$");
    private static final int THREADS = 6;

    private final LabContext ctx;
    private final HttpsServer server;
    private final ThreadPoolExecutor executor;
    private final URI authorityBase;
    private final DeviceCodeEndpoint deviceCodeEndpoint;
    private final TokenEndpoint tokenEndpoint;
    private final IntrospectionEndpoint introspection;
    private final DeviceLoginPage loginPage;
    private final ControlEndpoint control;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LabIdentityPlatform(LabIdentityOptions options) throws IOException {
        this.ctx = new LabContext(options);
        SSLContext ssl = sslContext(options); // before binding, so a bad keystore leaks no port
        this.server = HttpsServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 0);
        server.setHttpsConfigurator(configurator(ssl));
        this.executor = executor();
        server.setExecutor(executor);
        server.createContext("/", this::route);
        server.start();
        this.authorityBase = URI.create("https://localhost:" + server.getAddress().getPort());
        this.deviceCodeEndpoint = new DeviceCodeEndpoint(ctx, deviceLoginUri());
        this.tokenEndpoint = new TokenEndpoint(ctx);
        this.introspection = new IntrospectionEndpoint(ctx);
        this.loginPage = new DeviceLoginPage(ctx);
        this.control = new ControlEndpoint(this);
        LOG.info("lab identity platform listening on {}", authorityBase);
    }

    /** Starts the platform on 127.0.0.1; a clear error if the keystore or port is unusable. */
    public static LabIdentityPlatform start(LabIdentityOptions options) {
        try {
            return new LabIdentityPlatform(options);
        } catch (IOException e) {
            throw new IllegalStateException("lab identity platform: cannot listen on 127.0.0.1:"
                    + options.port() + " (" + e.getMessage() + ")", e);
        }
    }

    /** {@code https://localhost:PORT}: the device's {@code auth.authority}. */
    public URI authorityBase() { return authorityBase; }

    /** {@code https://localhost:PORT/devicelogin}: the verification_uri. */
    public URI deviceLoginUri() { return URI.create(authorityBase + "/devicelogin"); }

    public int port() { return server.getAddress().getPort(); }

    /**
     * Completes sign-in and consent for a pending user code as this user (an admin consents on
     * behalf of the organization). Policy ({@link #failDeviceCodeFlow}) and missing consent make
     * the device's next poll fail instead, as they would at Microsoft.
     */
    public void approve(String userCode, String upn) {
        LabUsers.User user = ctx.users.find(upn).orElseThrow(
                () -> new IllegalArgumentException("no lab user " + upn));
        RevocationReason refused = ctx.completeSignIn(userCode, user, user.admin());
        LOG.info("lab idp: user code {} signed in by {}{}", DeviceCodes.normalize(userCode),
                user.upn(), refused == null ? "" : " but refused (AADSTS" + refused.aadstsCode()
                        + ")");
    }

    /** The user cancels on the permissions page: the device gets authorization_declined. */
    public void decline(String userCode) { ctx.deviceCodes.decline(userCode); }

    /** The code expires now: polls get AADSTS70020, the page refuses it. */
    public void expireDeviceCode(String userCode) { ctx.deviceCodes.expire(userCode); }

    /** The user's refresh tokens count as inactive beyond MaxInactiveTime (AADSTS700082). */
    public void expireRefreshTokens(String upn) { ctx.grants.expireRefreshTokens(upn); }

    /**
     * The user's current access tokens expire now, while the device still counts them as good
     * (as after clocks that disagree); refresh tokens stay good.
     */
    public void expireAccessTokens(String upn) { ctx.grants.expireAccessTokens(upn); }

    /** {@code https://localhost:PORT/{tenant}/oauth2/v2.0/introspect} (RFC 7662). */
    public URI introspectionUri(String tenant) {
        return URI.create(authorityBase + "/" + tenant + "/oauth2/v2.0/introspect");
    }

    /** Introspection requests received (any outcome). */
    public int introspectionRequests() { return introspection.requests(); }

    /** Revokes the user's current tokens with this reason's error; new sign-ins still work. */
    public void revoke(String upn, RevocationReason reason) { ctx.grants.revoke(upn, reason); }

    /**
     * Makes the device-code flow fail with this reason until cleared with {@code null}:
     * request-level reasons (app, tenant, secret) fail devicecode requests and polls; the others
     * fail polls and the browser sign-in (e.g. 53003 Conditional Access during sign-in).
     */
    public void failDeviceCodeFlow(RevocationReason reason) { ctx.failDeviceCodeFlow(reason); }

    /** Applies a fault to the next {@code count} token-endpoint responses. */
    public void injectFault(LabFault fault) { ctx.faults.add(FaultPlan.Target.TOKEN, fault); }

    /** Applies a fault to the next {@code count} devicecode-endpoint responses. */
    public void injectDeviceCodeFault(LabFault fault) {
        ctx.faults.add(FaultPlan.Target.DEVICE_CODE, fault);
    }

    /** Token requests received with this grant_type (faulted ones included). */
    public int tokenRequests(String grantType) { return ctx.tokenRequests(grantType); }

    /** Token requests per grant_type. */
    public Map<String, Integer> tokenRequestCounts() { return ctx.tokenRequestCounts(); }

    public int deviceCodeRequests() { return ctx.deviceCodeRequests(); }

    /** Refresh tokens issued to this user so far (shows a rotation whose answer was lost). */
    public int refreshTokensIssued(String upn) { return ctx.grants.refreshTokensIssued(upn); }

    public Optional<String> latestUserCode() { return ctx.deviceCodes.latestUserCode(); }

    /** When (by the lab's clock) each token poll with this user code's device code arrived. */
    public List<Instant> pollTimes(String userCode) { return ctx.deviceCodes.pollTimes(userCode); }

    /** User codes still pending and unexpired, sorted. */
    public List<String> pendingUserCodes() { return ctx.deviceCodes.pendingUserCodes(); }

    /** Adds (or replaces) a TEST-ONLY lab user in the lab tenant. */
    public void addUser(String upn, String password, boolean admin) {
        ctx.users.add(upn, password, admin);
    }

    /** Accepts another {tenant} path segment (a domain or GUID) as the lab tenant. */
    public void addKnownTenant(String tenant) { ctx.addTenant(tenant); }

    /** Grants or withdraws consent on behalf of the organization (as an admin would). */
    public void setOrganizationConsent(boolean granted) {
        ctx.consent.setOrganizationConsent(granted);
    }

    /** Tenant setting: may non-admin users consent for themselves (default false)? */
    public void setUsersMayConsent(boolean allowed) { ctx.consent.setUsersMayConsent(allowed); }

    /** Forgets codes, tokens, consent, faults, failures and counters; keeps users and tenants. */
    public void reset() { ctx.reset(); }

    @Override
    public boolean isValid(String user, String accessToken) {
        return ctx.grants.isValid(user, accessToken);
    }

    /** Who holds this access token and with which scopes, if it is valid now (Graph stand-in). */
    public Optional<LabTokenOwner> tokenOwner(String accessToken) {
        return ctx.grants.owner(accessToken);
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        LOG.info("lab identity platform on port {} stopped", authorityBase.getPort());
    }

    private void route(HttpExchange ex) {
        try {
            String path = ex.getRequestURI().getPath();
            Matcher m = OAUTH_PATH.matcher(path);
            if (m.matches()) {
                if ("token".equals(m.group(2))) {
                    tokenEndpoint.handle(ex, m.group(1));
                } else if ("introspect".equals(m.group(2))) {
                    introspection.handle(ex, m.group(1));
                } else {
                    deviceCodeEndpoint.handle(ex, m.group(1));
                }
            } else if ("/devicelogin".equals(path)) {
                loginPage.handle(ex);
            } else if (path.startsWith(ControlEndpoint.PREFIX)) {
                control.handle(ex);
            } else {
                HttpIo.send(ex, 404, HttpIo.HTML, new byte[0]);
            }
        } catch (HttpIo.BadRequest e) {
            quietly(ex, 400, e.getMessage());
        } catch (IOException e) {
            LOG.debug("lab idp: client went away ({})", e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            LOG.warn("lab idp: request failed: {}", e.getClass().getSimpleName());
            quietly(ex, 500, "lab identity platform error");
        } finally {
            ex.close();
        }
    }

    private static void quietly(HttpExchange ex, int status, String message) {
        try {
            HttpIo.sendJson(ex, status, Map.of("error", "invalid_request",
                    "error_description", message));
        } catch (IOException | RuntimeException ignored) {
            // Headers may already be out; the exchange is closed by route().
        }
    }

    private static SSLContext sslContext(LabIdentityOptions options) {
        return LabMailServer.serverContext(options.keystore(), options.keystorePassword().toCharArray());
    }


    static HttpsConfigurator configurator(SSLContext ssl) {
        return new HttpsConfigurator(ssl) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = ssl.getDefaultSSLParameters();
                p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                params.setSSLParameters(p);
            }
        };
    }

    private static ThreadPoolExecutor executor() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(128), LabMailServer.daemonThreads("lab-idp"),
                new ThreadPoolExecutor.CallerRunsPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
