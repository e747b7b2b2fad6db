package org.printmail.config;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import org.printmail.files.JsonFields;
import org.printmail.i18n.Language;

/**
 * {@code settings.json}, field by field on Jackson's streaming API: the same bytes the databind
 * mapper wrote (record components in order, ISO-8601 durations, enums by name, indented), and
 * every file it wrote reads back. A field missing in an older file reads as databind gave it (null,
 * 0, false), so the records' own defaults apply ({@code proxy}, {@code language}, {@code transport}).
 */
final class SettingsJson {
    private SettingsJson() { }

    static byte[] write(DeviceSettings s) throws IOException {
        return JsonFields.write(true, g -> settings(g, s));
    }

    static DeviceSettings read(byte[] json) throws IOException {
        DeviceSettings s = JsonFields.read(json, SettingsJson::settings);
        if (s == null) {
            throw new JsonFields.Malformed("no settings");
        }
        return s;
    }

    private static void settings(JsonGenerator g, DeviceSettings s) throws IOException {
        g.writeStartObject();
        g.writeFieldName("deviceMail");
        server(g, s.deviceMail());
        g.writeFieldName("faxServer");
        server(g, s.faxServer());
        g.writeStringField("faxAddressPattern", s.faxAddressPattern());
        JsonFields.stringLists(g, "notificationRecipients", s.notificationRecipients());
        g.writeNumberField("attachMaxBytes", s.attachMaxBytes());
        g.writeBooleanField("splitLargeAttachments", s.splitLargeAttachments());
        g.writeBooleanField("scanToMyEmailEnabled", s.scanToMyEmailEnabled());
        JsonFields.field(g, "signInHold", s.signInHold());
        JsonFields.field(g, "retryDeadline", s.retryDeadline());
        g.writeNumberField("jobLogSize", s.jobLogSize());
        g.writeFieldName("proxy");
        proxy(g, s.proxy());
        JsonFields.field(g, "language", s.language());
        g.writeEndObject();
    }

    private static DeviceSettings settings(JsonParser p) throws IOException {
        var f = new Object() {
            EmailServerSettings deviceMail;
            EmailServerSettings faxServer;
            String faxAddressPattern;
            Map<String, List<String>> notificationRecipients;
            long attachMaxBytes;
            boolean splitLargeAttachments;
            boolean scanToMyEmailEnabled;
            Duration signInHold;
            Duration retryDeadline;
            int jobLogSize;
            ProxySettings proxy;
            Language language;
        };
        boolean present = JsonFields.object(p, (name, v) -> {
            switch (name) {
                case "deviceMail" -> f.deviceMail = server(v);
                case "faxServer" -> f.faxServer = server(v);
                case "faxAddressPattern" -> f.faxAddressPattern = JsonFields.string(v);
                case "notificationRecipients" -> f.notificationRecipients = JsonFields.stringLists(v);
                case "attachMaxBytes" -> f.attachMaxBytes = JsonFields.longInteger(v);
                case "splitLargeAttachments" -> f.splitLargeAttachments = JsonFields.bool(v);
                case "scanToMyEmailEnabled" -> f.scanToMyEmailEnabled = JsonFields.bool(v);
                case "signInHold" -> f.signInHold = JsonFields.duration(v);
                case "retryDeadline" -> f.retryDeadline = JsonFields.duration(v);
                case "jobLogSize" -> f.jobLogSize = JsonFields.integer(v);
                case "proxy" -> f.proxy = proxy(v);
                case "language" -> f.language = JsonFields.constant(v, Language.class);
                default -> {
                    return false;
                }
            }
            return true;
        });
        return present ? new DeviceSettings(f.deviceMail, f.faxServer, f.faxAddressPattern,
                f.notificationRecipients, f.attachMaxBytes, f.splitLargeAttachments, f.scanToMyEmailEnabled,
                f.signInHold, f.retryDeadline, f.jobLogSize, f.proxy, f.language) : null;
    }

    private static void server(JsonGenerator g, EmailServerSettings s) throws IOException {
        if (s == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        JsonFields.field(g, "authMethod", s.authMethod());
        JsonFields.field(g, "service", s.service());
        g.writeStringField("profile", s.profile());
        g.writeStringField("senderAddress", s.senderAddress());
        g.writeStringField("tenant", s.tenant());
        g.writeFieldName("mail");
        mail(g, s.mail());
        JsonFields.field(g, "transport", s.transport());
        g.writeEndObject();
    }

    private static EmailServerSettings server(JsonParser p) throws IOException {
        var f = new Object() {
            AuthMethod authMethod;
            EmailService service;
            String profile;
            String senderAddress;
            String tenant;
            MailServerSettings mail;
            MailTransport transport;
        };
        boolean present = JsonFields.object(p, (name, v) -> {
            switch (name) {
                case "authMethod" -> f.authMethod = JsonFields.constant(v, AuthMethod.class);
                case "service" -> f.service = JsonFields.constant(v, EmailService.class);
                case "profile" -> f.profile = JsonFields.string(v);
                case "senderAddress" -> f.senderAddress = JsonFields.string(v);
                case "tenant" -> f.tenant = JsonFields.string(v);
                case "mail" -> f.mail = mail(v);
                case "transport" -> f.transport = JsonFields.constant(v, MailTransport.class);
                default -> {
                    return false;
                }
            }
            return true;
        });
        return present ? new EmailServerSettings(f.authMethod, f.service, f.profile, f.senderAddress,
                f.tenant, f.mail, f.transport) : null;
    }

    private static void mail(JsonGenerator g, MailServerSettings m) throws IOException {
        if (m == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("host", m.host());
        g.writeNumberField("port", m.port());
        JsonFields.field(g, "security", m.security());
        g.writeBooleanField("certificateValidation", m.certificateValidation());
        JsonFields.field(g, "connectTimeout", m.connectTimeout());
        JsonFields.field(g, "readTimeout", m.readTimeout());
        g.writeEndObject();
    }

    private static MailServerSettings mail(JsonParser p) throws IOException {
        var f = new Object() {
            String host;
            int port;
            SecureConnection security;
            boolean certificateValidation;
            Duration connectTimeout;
            Duration readTimeout;
        };
        boolean present = JsonFields.object(p, (name, v) -> {
            switch (name) {
                case "host" -> f.host = JsonFields.string(v);
                case "port" -> f.port = JsonFields.integer(v);
                case "security" -> f.security = JsonFields.constant(v, SecureConnection.class);
                case "certificateValidation" -> f.certificateValidation = JsonFields.bool(v);
                case "connectTimeout" -> f.connectTimeout = JsonFields.duration(v);
                case "readTimeout" -> f.readTimeout = JsonFields.duration(v);
                default -> {
                    return false;
                }
            }
            return true;
        });
        return present ? new MailServerSettings(f.host, f.port, f.security, f.certificateValidation,
                f.connectTimeout, f.readTimeout) : null;
    }

    private static void proxy(JsonGenerator g, ProxySettings s) throws IOException {
        if (s == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("host", s.host());
        g.writeNumberField("port", s.port());
        g.writeStringField("username", s.username());
        JsonFields.field(g, "noProxy", s.noProxy());
        JsonFields.field(g, "smtp", s.smtp());
        g.writeStringField("socksHost", s.socksHost());
        g.writeNumberField("socksPort", s.socksPort());
        g.writeEndObject();
    }

    private static ProxySettings proxy(JsonParser p) throws IOException {
        var f = new Object() {
            String host;
            int port;
            String username;
            List<String> noProxy;
            ProxySettings.SmtpRoute smtp;
            String socksHost;
            int socksPort;
        };
        boolean present = JsonFields.object(p, (name, v) -> {
            switch (name) {
                case "host" -> f.host = JsonFields.string(v);
                case "port" -> f.port = JsonFields.integer(v);
                case "username" -> f.username = JsonFields.string(v);
                case "noProxy" -> f.noProxy = JsonFields.strings(v);
                case "smtp" -> f.smtp = JsonFields.constant(v, ProxySettings.SmtpRoute.class);
                case "socksHost" -> f.socksHost = JsonFields.string(v);
                case "socksPort" -> f.socksPort = JsonFields.integer(v);
                default -> {
                    return false;
                }
            }
            return true;
        });
        return present ? new ProxySettings(f.host, f.port, f.username, f.noProxy, f.smtp, f.socksHost,
                f.socksPort) : null;
    }
}
