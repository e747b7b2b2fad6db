package org.printmail.webconfig;

import java.net.IDN;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.printmail.config.AuthMethod;
import org.printmail.config.ConfigException;
import org.printmail.config.DeviceProfile;
import org.printmail.config.EmailServerSettings;
import org.printmail.config.EmailService;
import org.printmail.config.MailServerSettings;
import org.printmail.config.MailTransport;
import org.printmail.config.SecureConnection;
import org.printmail.i18n.Text;

/**
 * The Email Server form's raw values (kept as typed so a failed OK shows them again) and their
 * conversion to settings. Parse errors name the field exactly as {@code DeviceSettings.validate()}
 * does, so both kinds of error are shown the same way.
 */
record EmailServerForm(Map<String, String> values) {
    static final String AUTH_METHOD = "authMethod";
    static final String SERVICE = "service";
    static final String SENDER = "sender";
    static final String TENANT = "tenant";
    static final String HOST = "smtpHost";
    static final String PORT = "smtpPort";
    static final String SECURITY = "security";
    static final String CERT_VALIDATION = "certValidation";
    static final String TRANSPORT = "transport";
    static final List<String> FIELDS = List.of(AUTH_METHOD, SERVICE, TRANSPORT, SENDER, TENANT, HOST,
            PORT, SECURITY, CERT_VALIDATION);
    /** Field name -> the label Web Config shows and validation errors use. */
    static final Map<String, String> LABELS = Map.of(AUTH_METHOD, "Authentication Method", SERVICE,
            "Email service",
            SENDER, "Sender's Email Address", TENANT, "Tenant", HOST, "SMTP Server Address", PORT,
            "SMTP Server Port Number", SECURITY, "Secure Connection", CERT_VALIDATION,
                    "Certificate Validation", TRANSPORT, "Send Through");

    /** Field name -> its catalogue label, {@code config.field.<name>} (the same words as LABELS). */
    private static final Map<String, String> CONFIG_FIELDS = Map.of(AUTH_METHOD, "authMethod",
            SERVICE, "service", SENDER, "senderAddress", TENANT, "tenant", HOST, "smtpServer",
            PORT, "smtpPort", SECURITY, "secureConnection", CERT_VALIDATION, "certificateValidation",
            TRANSPORT, "sendThrough");

    EmailServerForm {
        values = Map.copyOf(values);
    }

    /** A field's label in any language, e.g. "Sender's Email Address". */
    static Text label(String field) { return Text.of("config.field." + CONFIG_FIELDS.get(field)); }

    /** A field as validation errors name it, e.g. "Email Server > Tenant", in any language. */
    static Text fieldText(Text page, String field) { return Text.of("config.path", page, label(field)); }

    static Text fieldText(MailAccount a, String field) { return fieldText(a.fieldPrefixText(), field); }

    static EmailServerForm of(EmailServerSettings s) {
        Map<String, String> v = new HashMap<>();
        v.put(AUTH_METHOD, s.authMethod().name());
        v.put(SERVICE, s.service().name());
        v.put(TRANSPORT, s.transport().name());
        v.put(SENDER, s.senderAddress());
        v.put(TENANT, s.tenant());
        v.put(HOST, s.mail().host());
        v.put(PORT, Integer.toString(s.mail().port()));
        v.put(SECURITY, s.mail().security().name());
        v.put(CERT_VALIDATION, s.mail().certificateValidation() ? "enable" : "disable");
        return new EmailServerForm(v);
    }

    static EmailServerForm of(Form form) {
        Map<String, String> v = new HashMap<>();
        for (String f : FIELDS) {
            v.put(f, form.get(f));
        }
        return new EmailServerForm(v);
    }

    String get(String field) {
        String v = values.get(field);
        return v == null ? "" : v;
    }

    /** The chosen service, if it is one this device offers. */
    EmailService service(Map<EmailService, DeviceProfile> profiles, Text prefix) {
        EmailService s = enumValue(EmailService.class, get(SERVICE));
        if (s == null || !profiles.containsKey(s)) {
            throw new ConfigException(fieldText(prefix, SERVICE), Text.of("config.problem.chooseService"));
        }
        return s;
    }

    /**
     * The settings the form describes. An empty server address or port takes the service's
     * default, so choosing a service is enough for the usual case.
     */
    EmailServerSettings toSettings(Map<EmailService, DeviceProfile> profiles,
            EmailServerSettings current,
                                   Text prefix) {
        // Every field is checked, so the page can mark all the invalid ones at once.
        ConfigException.Collector problems = new ConfigException.Collector();
        AuthMethod method = collect(problems, () -> required(enumValue(AuthMethod.class, get(AUTH_METHOD)),
                fieldText(prefix, AUTH_METHOD), Text.of("config.problem.chooseAuthMethod")));
        EmailService service = collect(problems, () -> service(profiles, prefix));
        DeviceProfile profile = service == null ? null : profiles.get(service);
        SecureConnection security = collect(problems, () -> required(
                enumValue(SecureConnection.class, get(SECURITY)), fieldText(prefix, SECURITY),
                Text.of("config.problem.chooseSecureConnection")));
        String host = collect(problems, () -> get(HOST).isEmpty() ? (profile == null ? "" : profile.mail().host())
                : asciiHost(get(HOST), fieldText(prefix, HOST)));
        Integer port = collect(problems, () -> {
            try {
                return get(PORT).isEmpty() ? (profile == null ? 0 : profile.mail().port()) : Integer.parseInt(get(PORT));
            } catch (NumberFormatException e) {
                throw new ConfigException(fieldText(prefix, PORT), Text.of("config.problem.wholeNumber"));
            }
        });
        String cv = get(CERT_VALIDATION);
        if (!cv.equals("enable") && !cv.equals("disable")) {
            problems.add(new ConfigException(fieldText(prefix, CERT_VALIDATION),
                    Text.of("config.problem.chooseValidation")));
        }
        String sender = collect(problems, () -> asciiSender(get(SENDER), fieldText(prefix, SENDER)));
        MailTransport transport = collect(problems, () -> transport(prefix));
        problems.throwIfAny();
        MailServerSettings mail = new MailServerSettings(host, port, security, cv.equals("enable"),
                current.mail().connectTimeout(), current.mail().readTimeout());
        return new EmailServerSettings(method, service, profile.name(), sender, get(TENANT), mail, transport);
    }

    private static <T> T required(T value, Text field, Text problem) {
        if (value == null) {
            throw new ConfigException(field, problem);
        }
        return value;
    }

    /** The parsed value, or null with its problem kept for the page. */
    private static <T> T collect(ConfigException.Collector problems, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ConfigException e) {
            problems.add(e);
            return null;
        }
    }

    /** The chosen transport; a form without the field (an older page) keeps SMTP. */
    MailTransport transport(Text prefix) {
        if (get(TRANSPORT).isEmpty()) {
            return MailTransport.SMTP_XOAUTH2;
        }
        MailTransport t = enumValue(MailTransport.class, get(TRANSPORT));
        if (t == null) {
            throw new ConfigException(fieldText(prefix, TRANSPORT),
                    Text.of("webconfig.problem.chooseTransport", MailTransport.SMTP_XOAUTH2.displayNameText(),
                            MailTransport.MICROSOFT_GRAPH.displayNameText()));
        }
        return t;
    }

    /** A Unicode host name becomes its punycode (xn--) form, which DNS and TLS use. */
    static String asciiHost(String host, Text field) {
        if (host.chars().allMatch(c -> c < 0x80)) {
            return host;
        }
        try {
            return IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(field, Text.of("webconfig.problem.idn", "xn--..."));
        }
    }

    /**
     * The device does not use SMTPUTF8 (RFC 6531), and Exchange Online does not offer it to
     * devices, so a non-ASCII local part would be refused at MAIL FROM: say so here instead.
     * A Unicode domain is converted to punycode.
     */
    static String asciiSender(String sender, Text field) {
        int at = sender.lastIndexOf('@');
        if (sender.chars().allMatch(c -> c < 0x80) || at < 0) {
            return sender;
        }
        if (!sender.substring(0, at).chars().allMatch(c -> c < 0x80)) {
            throw new ConfigException(field, Text.of("webconfig.problem.asciiSender"));
        }
        return sender.substring(0, at + 1) + asciiHost(sender.substring(at + 1), field);
    }

    /** Which form field a validation error is about, or "" when it is not one of this form's. */
    static String fieldOf(ConfigException e) {
        for (Map.Entry<String, String> l : LABELS.entrySet()) {
            if (e.field().endsWith("> " + l.getValue())) {
                return l.getKey();
            }
        }
        return "";
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
