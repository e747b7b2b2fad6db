package org.printmail.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.printmail.i18n.Language;
import org.printmail.i18n.Messages;
import org.printmail.i18n.Text;

/**
 * Everything an administrator sets for mail on the device, saved as one snapshot by
 * {@link SettingsStore}. Validated on load and on every save; errors name the field as Web
 * Config shows it.
 *
 * @param faxAddressPattern     the fax provider's address pattern, {@code {number}} replaced by the fax number
 * @param notificationRecipients device event name -> recipients for its email alert
 * @param attachMaxBytes        Attached File Maximum Size; 0 = no limit
 * @param splitLargeAttachments split over-size scans into numbered messages instead of refusing
 * @param signInHold            how long a job waits for a missing sign-in before failing with its code
 * @param retryDeadline         how long transient failures are retried before the job fails
 * @param proxy                 the office proxy (Network > Proxy); none in settings saved before it
 * @param language              the device language: panel, status sheet and notification emails (Web
 *                              Config follows each admin's browser); English in settings saved before it
 */
public record DeviceSettings(EmailServerSettings deviceMail, EmailServerSettings faxServer,
                             String faxAddressPattern, Map<String, List<String>> notificationRecipients,
                             long attachMaxBytes, boolean splitLargeAttachments,
                             boolean scanToMyEmailEnabled, Duration signInHold, Duration retryDeadline,
                             int jobLogSize, ProxySettings proxy, Language language) {
    /** 25 MiB: with base64's growth a whole message stays under Exchange's common 35 MB limit. */
    public static final long DEFAULT_ATTACH_MAX_BYTES = 25L * 1024 * 1024;
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");

    public DeviceSettings {
        TreeMap<String, List<String>> copy = new TreeMap<>();
        notificationRecipients.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        notificationRecipients = java.util.Collections.unmodifiableMap(copy);
        proxy = proxy == null ? ProxySettings.NONE : proxy;
        language = language == null ? Language.ENGLISH : language;
    }

    /** Settings for a device built from one profile for both the device and the fax server. */
    public static DeviceSettings defaults(DeviceProfile profile) {
        EmailServerSettings mail = new EmailServerSettings(AuthMethod.OAUTH2, profile.service(),
                profile.name(), "", "", profile.mail(), profile.transport());
        return new DeviceSettings(mail, mail, "{number}@fax.example.com", Map.of(), DEFAULT_ATTACH_MAX_BYTES, true, true,
                Duration.ofHours(24), Duration.ofHours(24), 500, ProxySettings.NONE, Language.ENGLISH);
    }

    public DeviceSettings withDeviceMail(EmailServerSettings s) {
        return new DeviceSettings(s, faxServer, faxAddressPattern, notificationRecipients, attachMaxBytes,
                splitLargeAttachments, scanToMyEmailEnabled, signInHold, retryDeadline, jobLogSize, proxy, language);
    }

    public DeviceSettings withFaxServer(EmailServerSettings s) {
        return new DeviceSettings(deviceMail, s, faxAddressPattern, notificationRecipients, attachMaxBytes,
                splitLargeAttachments, scanToMyEmailEnabled, signInHold, retryDeadline, jobLogSize, proxy, language);
    }

    public DeviceSettings withFaxAddressPattern(String pattern) {
        return new DeviceSettings(deviceMail, faxServer, pattern, notificationRecipients, attachMaxBytes,
                splitLargeAttachments, scanToMyEmailEnabled, signInHold, retryDeadline, jobLogSize, proxy, language);
    }

    public DeviceSettings withNotificationRecipients(Map<String, List<String>> recipients) {
        return new DeviceSettings(deviceMail, faxServer, faxAddressPattern, recipients, attachMaxBytes,
                splitLargeAttachments, scanToMyEmailEnabled, signInHold, retryDeadline, jobLogSize, proxy, language);
    }

    public DeviceSettings withAttachmentLimit(long maxBytes, boolean split) {
        return new DeviceSettings(deviceMail, faxServer, faxAddressPattern, notificationRecipients, maxBytes,
                split, scanToMyEmailEnabled, signInHold, retryDeadline, jobLogSize, proxy, language);
    }

    public DeviceSettings withTiming(Duration hold, Duration deadline) {
        return new DeviceSettings(deviceMail, faxServer, faxAddressPattern, notificationRecipients,
                attachMaxBytes, splitLargeAttachments, scanToMyEmailEnabled, hold, deadline, jobLogSize, proxy, language);
    }

    public DeviceSettings withProxy(ProxySettings p) {
        return new DeviceSettings(deviceMail, faxServer, faxAddressPattern, notificationRecipients,
                attachMaxBytes, splitLargeAttachments, scanToMyEmailEnabled, signInHold, retryDeadline,
                jobLogSize, p, language);
    }

    public DeviceSettings withLanguage(Language l) {
        return new DeviceSettings(deviceMail, faxServer, faxAddressPattern, notificationRecipients,
                attachMaxBytes, splitLargeAttachments, scanToMyEmailEnabled, signInHold, retryDeadline,
                jobLogSize, proxy, l);
    }

    /** Throws one {@link ConfigException} naming every invalid field ({@link ConfigException#problems()}). */
    public DeviceSettings validate() {
        ConfigException.Collector problems = new ConfigException.Collector();
        validateServer(problems, Text.of("config.page.emailServer"), deviceMail);
        validateServer(problems, Text.of("config.page.faxServer"), faxServer);
        if (faxAddressPattern == null || !faxAddressPattern.contains("{number}")
                || !isAddress(faxAddressPattern.replace("{number}", "1"))) {
            problems.add(new ConfigException(Text.of("config.field.faxAddressPattern"),
                    Text.of("config.problem.faxPattern", "{number}@fax.example.com")));
        }
        notificationRecipients.forEach((event, list) -> {
            for (String r : list) {
                if (!isAddress(r)) {
                    problems.add(new ConfigException(Text.of("config.field.notificationRecipients",
                            eventName(event)), Text.of("config.problem.notAnAddressValue", r)));
                }
            }
        });
        if (attachMaxBytes < 0) {
            problems.add(new ConfigException(Text.of("config.field.attachMaxSize"),
                    Text.of("config.problem.zeroOrMore")));
        }
        if (signInHold.isNegative() || retryDeadline.isNegative()) {
            problems.add(new ConfigException(Text.of("config.field.jobHold"), Text.of("config.problem.notNegative")));
        }
        if (jobLogSize < 10 || jobLogSize > 10_000) {
            problems.add(new ConfigException(Text.of("config.field.jobLogSize"),
                    Text.of("config.problem.between", 10, 10000)));
        }
        problems.check(proxy::validate);
        problems.throwIfAny();
        return this;
    }

    private static void validateServer(ConfigException.Collector problems, Text page, EmailServerSettings s) {
        if (s.authMethod() == null || s.service() == null) {
            problems.add(new ConfigException(on(page, "authMethod"), Text.of("config.problem.required")));
        }
        if (!s.senderAddress().isEmpty() && !isAddress(s.senderAddress())) {
            problems.add(new ConfigException(on(page, "senderAddress"), Text.of("config.problem.notAnAddress")));
        }
        if (!s.tenant().isEmpty() && !s.tenant().matches("[A-Za-z0-9.-]{1,253}")) {
            problems.add(new ConfigException(on(page, "tenant"), Text.of("config.problem.tenant")));
        }
        MailServerSettings m = s.mail();
        if (m.host() == null || !HOST.matcher(m.host()).matches()) {
            problems.add(new ConfigException(on(page, "smtpServer"), Text.of("config.problem.host")));
        }
        if (m.port() < 1 || m.port() > 65535) {
            problems.add(new ConfigException(on(page, "smtpPort"), Text.of("config.problem.between", 1, 65535)));
        }
        if (m.security() == null) {
            problems.add(new ConfigException(on(page, "secureConnection"), Text.of("config.problem.required")));
        }
        // Zero would mean "wait forever" to the mail library: one silent server would stall every job.
        problems.check(() -> timeout(on(page, "connectTimeout"), m.connectTimeout()));
        problems.check(() -> timeout(on(page, "readTimeout"), m.readTimeout()));
    }

    private static void timeout(Text field, Duration d) {
        if (d == null || d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(Duration.ofHours(1)) > 0) {
            throw new ConfigException(field, Text.of("config.problem.seconds", 1, 3600));
        }
    }

    /** A field of a page as Web Config labels it, e.g. "Email Server > Tenant" ({@code config.field.*}). */
    private static Text on(Text page, String field) {
        return Text.of("config.path", page, Text.of("config.field." + field));
    }

    /**
     * A device event's name as the job layer words it ({@code jobs.event.*}), so an Arabic page
     * names "نفد الورق" rather than PAPER_OUT; an event the catalogue does not know stays as it is.
     */
    static Text eventName(String event) {
        String key = "jobs.event." + event.toLowerCase(java.util.Locale.ROOT);
        return Messages.of(Language.ENGLISH).has(key) ? Text.of(key) : Text.literal(event);
    }

    public static boolean isAddress(String s) {
        return s != null && s.length() <= 254 && ADDRESS.matcher(s).matches();
    }
}
