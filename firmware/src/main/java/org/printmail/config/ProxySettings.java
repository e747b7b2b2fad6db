package org.printmail.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.printmail.i18n.Text;

/**
 * The office proxy, as Web Config's Network > Proxy page and the firmware profile's
 * {@code proxy.*} keys set it. Every HTTPS call the device makes (sign-in, refresh, the
 * Connection Test's sign-in check) goes through {@code host:port} by HTTP CONNECT unless the
 * target is on the no-proxy list; SMTP goes through it only when {@link #smtp()} says so. Holds no
 * secret: the proxy password is kept apart (see {@link ProxyRoute}).
 *
 * @param host      proxy host; empty means no proxy
 * @param username  proxy user for Basic authentication; empty means none
 * @param noProxy   host names reached directly: {@code contoso.com} also covers its subdomains,
 *                  {@code *} covers every host
 * @param smtp      how SMTP reaches the mail server
 * @param socksHost SOCKS5 proxy for SMTP when {@code smtp} is {@link SmtpRoute#SOCKS}
 */
public record ProxySettings(String host, int port, String username, List<String> noProxy,
                            SmtpRoute smtp, String socksHost, int socksPort) {
    /** How SMTP reaches the mail server. */
    public enum SmtpRoute { DIRECT, HTTP_CONNECT, SOCKS }

    public static final ProxySettings NONE = new ProxySettings("", 0, "", List.of(), SmtpRoute.DIRECT,
            "", 0);
    private static final String HOST = "[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\]";

    public ProxySettings {
        host = host == null ? "" : host.trim();
        username = username == null ? "" : username.trim();
        noProxy = noProxy == null ? List.of() : noProxy.stream().map(String::trim)
                .filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).toList();
        smtp = smtp == null ? SmtpRoute.DIRECT : smtp;
        socksHost = socksHost == null ? "" : socksHost.trim();
    }

    /** Whether HTTPS goes through a proxy at all. */
    public boolean enabled() { return !host.isEmpty(); }

    /**
     * Whether these settings name any proxy (HTTP or SOCKS), i.e. differ from {@link #NONE} in
     * what matters. Asked at every boot, so it does not use the record's {@code equals}: the first
     * call of that links a method-handle tree (about 30 ms of CPU) while the first page is served.
     */
    public boolean namesAProxy() { return !host.isEmpty() || !socksHost.isEmpty(); }

    /** Whether {@code target} is reached directly (no proxy, or on the no-proxy list). */
    public boolean bypasses(String target) {
        return !enabled() || onNoProxyList(target);
    }

    /** Whether {@code target} is on the no-proxy list. */
    public boolean onNoProxyList(String target) {
        if (target == null) {
            return true;
        }
        String t = target.toLowerCase(Locale.ROOT);
        for (String entry : noProxy) {
            String e = entry.startsWith("*.") ? entry.substring(2)
                    : entry.startsWith(".") ? entry.substring(1) : entry;
            if (e.equals("*") || t.equals(e) || t.endsWith("." + e)) {
                return true;
            }
        }
        return false;
    }

    /** Throws {@link ConfigException} naming the Web Config field. */
    public ProxySettings validate() {
        if (enabled()) {
            if (!host.matches(HOST)) {
                throw new ConfigException(network("proxyServer"), Text.of("config.problem.host"));
            }
            port(network("proxyPort"), port);
        }
        if (username.chars().anyMatch(c -> c == ':' || Character.isISOControl(c)) || username.length() > 128) {
            throw new ConfigException(network("proxyUser"), Text.of("config.problem.proxyUser"));
        }
        for (String e : noProxy) {
            if (!e.equals("*") && !e.replaceFirst("^\\*?\\.", "").matches(HOST)) {
                throw new ConfigException(network("noProxy"), Text.of("config.problem.notAHost", e));
            }
        }
        if (smtp == SmtpRoute.HTTP_CONNECT && !enabled()) {
            throw new ConfigException(network("smtpThroughProxy"), Text.of("config.problem.proxyFirst"));
        }
        if (smtp == SmtpRoute.SOCKS) {
            if (!socksHost.matches(HOST)) {
                throw new ConfigException(network("socksServer"), Text.of("config.problem.host"));
            }
            port(network("socksPort"), socksPort);
        }
        return this;
    }

    /** The firmware profile's keys: proxy.host, proxy.port, proxy.user, proxy.no-proxy, proxy.smtp, proxy.socks-host, proxy.socks-port. */
    public static ProxySettings fromProperties(Properties p) {
        String host = p.getProperty("proxy.host", "");
        if (host.isBlank() && p.getProperty("proxy.socks-host", "").isBlank()) { // see namesAProxy
            return NONE;
        }
        SmtpRoute smtp;
        try {
            smtp = SmtpRoute.valueOf(p.getProperty("proxy.smtp", "direct").trim()
                    .toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(Text.literal("proxy.smtp"), Text.of("config.problem.proxyRoute",
                    "direct, http-connect or socks"));
        }
        return new ProxySettings(host, number(p, "proxy.port"), p.getProperty("proxy.user", ""),
                Arrays.asList(p.getProperty("proxy.no-proxy", "").split("[,\\s]+")), smtp,
                p.getProperty("proxy.socks-host", ""), number(p, "proxy.socks-port")).validate();
    }

    private static int number(Properties p, String key) {
        String v = p.getProperty(key, "0").trim();
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ConfigException(Text.literal(key), Text.of("config.problem.portWas", v));
        }
    }

    private static void port(Text field, int port) {
        if (port < 1 || port > 65535) {
            throw new ConfigException(field, Text.of("config.problem.between", 1, 65535));
        }
    }

    /** A field of Network > Proxy as Web Config labels it, e.g. "Network > Proxy Server". */
    private static Text network(String field) {
        return Text.of("config.path", Text.of("config.page.network"), Text.of("config.field." + field));
    }
}
