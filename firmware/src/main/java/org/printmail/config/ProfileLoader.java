package org.printmail.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.printmail.i18n.Text;

/**
 * Reads and validates a firmware profile. Relative paths in a profile resolve against the
 * project/install root (the parent of {@code firmware-config/}), so the same profile works from
 * any working directory.
 */
public final class ProfileLoader {
    private ProfileLoader() { }

    /** Loads {@code <root>/firmware-config/<name>.properties}. */
    public static DeviceProfile load(Path root, String name) {
        return parse(root, name, read(root, name));
    }

    /**
     * The office proxy the profile sets ({@code proxy.*} keys; none when absent): the device's
     * proxy on first boot, until Web Config changes it. The password is never in a profile.
     */
    public static ProxySettings proxy(Path root, String name) {
        return ProxySettings.fromProperties(read(root, name));
    }

    private static Properties read(Path root, String name) {
        if (!name.matches("[a-z0-9-]+")) {
            throw new ConfigException(Text.literal("profile"), Text.of("config.problem.profileName", name));
        }
        Path file = root.resolve("firmware-config").resolve(name + ".properties");
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new ConfigException(Text.literal("profile"),
                    Text.of("config.problem.cannotRead", file, e.getClass().getSimpleName()));
        }
        return p;
    }

    static DeviceProfile parse(Path root, String name, Properties p) {
        EmailService service = parseEnum(EmailService.class, "email.service", required(p, "email.service"));
        URI authority = uri("auth.authority", required(p, "auth.authority"));
        String tenant = required(p, "auth.tenant");
        if (!tenant.matches("[A-Za-z0-9.-]+")) {
            throw new ConfigException(Text.literal("auth.tenant"), Text.of("config.problem.profileTenant",
                    "organizations, consumers, common"));
        }
        String clientId = required(p, "auth.client-id");
        List<String> scopes = Arrays.stream(required(p, "auth.scopes").trim().split("\\s+")).toList();
        Duration httpTimeout = seconds(p, "auth.http-timeout-seconds", 15);
        IdentitySettings identity = new IdentitySettings(authority, tenant, clientId, scopes, httpTimeout);

        SecureConnection security = parseEnum(SecureConnection.class, "smtp.security",
                p.getProperty("smtp.security", "STARTTLS"));
        int port = integer(p, "smtp.port", security.defaultPort(), 1, 65535);
        String host = required(p, "smtp.host");
        boolean validation = bool(p, "smtp.certificate-validation", true);
        MailServerSettings mail = new MailServerSettings(host, port, security, validation,
                seconds(p, "smtp.connect-timeout-seconds", 15), seconds(p, "smtp.read-timeout-seconds", 60));

        Optional<Path> ca = Optional.ofNullable(p.getProperty("trust.ca-file"))
                .filter(s -> !s.isBlank()).map(s -> root.resolve(s.trim()).normalize());
        GraphSettings graph = new GraphSettings(
                uri("graph.endpoint", p.getProperty("graph.endpoint", "https://graph.microsoft.com").trim()),
                Arrays.stream(p.getProperty("graph.scopes", String.join(" ", GraphSettings.microsoft().scopes()))
                        .trim().split("\\s+")).toList(),
                seconds(p, "graph.http-timeout-seconds", 30));
        MailTransport transport = parseEnum(MailTransport.class, "mail.transport",
                p.getProperty("mail.transport", MailTransport.SMTP_XOAUTH2.name()));
        return new DeviceProfile(name, service, identity, mail, ca, graph, transport);
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new ConfigException(Text.literal(key), Text.of("config.problem.required"));
        }
        return v.trim();
    }

    private static URI uri(String key, String v) {
        try {
            URI u = new URI(v);
            if (!"https".equals(u.getScheme()) || u.getHost() == null) {
                throw new ConfigException(Text.literal(key), Text.of("config.problem.https", "https://"));
            }
            return u;
        } catch (URISyntaxException e) {
            throw new ConfigException(Text.literal(key), Text.of("config.problem.url"));
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String key, String v) {
        try {
            return Enum.valueOf(type, v.trim().toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(Text.literal(key),
                    Text.of("config.problem.oneOf", Arrays.toString(type.getEnumConstants())));
        }
    }

    private static int integer(Properties p, String key, int dflt, int min, int max) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int i = Integer.parseInt(v.trim());
            if (i < min || i > max) {
                throw new ConfigException(Text.literal(key), Text.of("config.problem.between", min, max));
            }
            return i;
        } catch (NumberFormatException e) {
            throw new ConfigException(Text.literal(key), Text.of("config.problem.wholeNumber"));
        }
    }

    private static Duration seconds(Properties p, String key, int dflt) {
        return Duration.ofSeconds(integer(p, key, dflt, 1, 3600));
    }

    private static boolean bool(Properties p, String key, boolean dflt) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        return switch (v.trim().toLowerCase()) {
            case "true", "enable", "enabled", "on" -> true;
            case "false", "disable", "disabled", "off" -> false;
            default -> throw new ConfigException(Text.literal(key), Text.of("config.problem.trueOrFalse", "true", "false"));
        };
    }
}
