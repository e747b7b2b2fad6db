package org.printmail.auth;

import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.printmail.config.ProxyRoute;
import org.printmail.config.ProxySettings;
import org.printmail.i18n.Text;

/**
 * The office proxy for java.net.http: which requests go through it (HTTP CONNECT, so TLS and the
 * certificate check stay end to end with the identity platform) and the Basic credentials
 * offered when it answers 407. Java disables Basic for CONNECT unless
 * {@code jdk.http.auth.tunneling.disabledSchemes} is emptied before java.net.http is first used:
 * {@link #allowBasicThroughTunnels()} does that, and the device calls it at start-up.
 */
final class ProxyHttp {
    private static final String TUNNEL_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";
    private static final Pattern TUNNEL_REFUSED = Pattern.compile("Tunnel failed, got: (40[17])");

    private ProxyHttp() { }

    /** Lets a proxy's Basic challenge be answered for HTTPS; effective only before first use. */
    static void allowBasicThroughTunnels() {
        if (System.getProperty(TUNNEL_SCHEMES) == null) {
            System.setProperty(TUNNEL_SCHEMES, "");
        }
    }

    /** Routes the builder's requests by the route: proxied, or direct as before. */
    static HttpClient.Builder route(HttpClient.Builder b, ProxyRoute route) {
        ProxySettings s = route.settings();
        if (!s.enabled()) {
            return b.proxy(ProxySelector.getDefault());
        }
        b.proxy(new Selector(s));
        if (route.hasCredentials()) {
            b.authenticator(new Credentials(s.username(), route.password()));
        }
        return b;
    }

    /**
     * Whether an IOException from an exchange is the proxy refusing the device: java.net.http
     * reports a refused CONNECT as "Tunnel failed, got: 407" (tinyproxy answers a wrong password
     * with 401), and gives up with "too many authentication attempts" or "No credentials
     * provided" after its own retries.
     */
    static Optional<Text> proxyRefusal(IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        Matcher tunnel = TUNNEL_REFUSED.matcher(m);
        if (tunnel.find()) {
            return Optional.of(Text.of("auth.proxy.refused", tunnel.group(1)));
        }
        if (m.contains("too many authentication attempts") || m.contains("No credentials provided")) {
            return Optional.of(Text.of("auth.proxy.credentials"));
        }
        return Optional.empty();
    }

    private static final class Selector extends ProxySelector {
        private final ProxySettings s;
        private final List<Proxy> proxy;

        Selector(ProxySettings s) {
            this.s = s;
            this.proxy = List.of(new Proxy(Proxy.Type.HTTP,
                    InetSocketAddress.createUnresolved(s.host(), s.port())));
        }

        @Override
        public List<Proxy> select(URI uri) {
            return s.bypasses(uri.getHost()) ? List.of(Proxy.NO_PROXY) : proxy;
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            // One proxy, no fallback: the failure surfaces as the exchange's IOException.
        }
    }

    /** Answers only the proxy's challenge, never a server's: the password is for the proxy alone. */
    private static final class Credentials extends Authenticator {
        private final String user;
        private final String password;

        Credentials(String user, String password) {
            this.user = user;
            this.password = password;
        }

        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
            return getRequestorType() == RequestorType.PROXY
                    ? new PasswordAuthentication(user, password.toCharArray()) : null;
        }
    }
}
