package org.printmail.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.printmail.i18n.Language;

/**
 * {@code settings.json} on the streaming API ({@link SettingsJson}) against the databind mapper
 * that wrote it before (configured here exactly as {@code SettingsStore} configured it): the same
 * bytes for the same settings, and the same settings from any file that mapper wrote.
 */
class SettingsJsonCompatibilityTest {
    /** SettingsStore's mapper before this change. */
    private static final ObjectMapper OLD = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final String AWKWARD = "\"q\" back\\slash \u0001\u001f\t\n\u2028 \ud83d\udce0 </script>";
    private static final String ARABIC = "خادم البريد الإلكتروني \u2067الرئيسي\u2069";

    @TempDir
    Path dir;

    private static EmailServerSettings server(String sender, MailTransport transport, Duration timeout) {
        return new EmailServerSettings(AuthMethod.OAUTH2, EmailService.EXCHANGE_ONLINE, "exchange-online", sender,
                ARABIC, new MailServerSettings("smtp.office365.com", 587, SecureConnection.STARTTLS, true, timeout,
                timeout.multipliedBy(3)), transport);
    }

    private static List<DeviceSettings> variedSettings() {
        List<DeviceSettings> out = new ArrayList<>();
        Map<String, List<String>> recipients = new LinkedHashMap<>();
        recipients.put("PAPER_OUT", List.of("a@contoso.example", "b@contoso.example"));
        recipients.put("TONER_LOW", List.of());
        recipients.put(ARABIC, List.of(AWKWARD));
        recipients.put("", List.of(""));
        EmailServerSettings everything = server("scan@contoso.example", MailTransport.MICROSOFT_GRAPH,
                Duration.ofSeconds(30));
        out.add(new DeviceSettings(everything, server(AWKWARD, MailTransport.SMTP_XOAUTH2, Duration.ofMillis(1500)),
                "{number}@fax.example.com", recipients, Long.MAX_VALUE, true, false, Duration.ofNanos(123456789),
                Duration.ofDays(3650).plusNanos(1), Integer.MAX_VALUE,
                new ProxySettings("Proxy.Contoso.Example", 8080, "ماجد", List.of("*.Contoso.com", ".lan", "*"),
                        ProxySettings.SmtpRoute.SOCKS, "socks.contoso.example", 1080), Language.ARABIC));
        out.add(new DeviceSettings(new EmailServerSettings(AuthMethod.OFF, EmailService.LAB, "", "", "",
                new MailServerSettings("h", 0, SecureConnection.SSL_TLS, false, Duration.ZERO, Duration.ofHours(-1))),
                everything, "", Map.of(), 0, false, true, Duration.ZERO, Duration.ofSeconds(-5), -1, ProxySettings.NONE,
                Language.ENGLISH));
        out.add(new DeviceSettings(new EmailServerSettings(null, null, null, null, null,
                new MailServerSettings(null, 65535, null, true, null, null), null), null, null, Map.of(), 1, true,
                true, null, null, 10, new ProxySettings(null, 0, null, null, null, null, 0), null));
        return out;
    }

    @Test
    void theSettingsFileIsTheFileTheDatabindMapperWroteAndReadsBackEqual() throws IOException {
        for (DeviceSettings s : variedSettings()) {
            byte[] old = OLD.writeValueAsBytes(s);
            assertEquals(new String(old, StandardCharsets.UTF_8),
                    new String(SettingsJson.write(s), StandardCharsets.UTF_8));
            assertEquals(s, SettingsJson.read(old));
            assertEquals(OLD.readValue(old, DeviceSettings.class), SettingsJson.read(old));
        }
    }

    @Test
    void unknownFieldsAreIgnoredSoADowngradeKeepsTheSettings() throws IOException {
        DeviceSettings s = variedSettings().get(0);
        String old = new String(OLD.writeValueAsBytes(s), StandardCharsets.UTF_8);
        String newer = old.replaceFirst("\\{", "{\"fromANewerFirmware\":{\"a\":[1,{\"b\":null}],\"c\":\"d\"},")
                .replace("\"transport\" :", "\"relay\" : [ [ ], { } ], \"transport\" :")
                .replace("\"socksPort\" :", "\"ipv6\" : true, \"socksPort\" :")
                .replace("\"readTimeout\" :", "\"idleTimeout\" : \"PT1S\", \"readTimeout\" :");
        assertTrue(newer.contains("\"relay\"") && newer.contains("\"ipv6\"") && newer.contains("idleTimeout"), newer);
        byte[] b = newer.getBytes(StandardCharsets.UTF_8);
        assertEquals(s, SettingsJson.read(b));
        assertEquals(OLD.readValue(b, DeviceSettings.class), SettingsJson.read(b));
    }

    @Test
    void anOlderFileWithoutProxyLanguageOrTransportReadsWithTheSameDefaults() throws IOException {
        DeviceSettings s = variedSettings().get(0);
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) OLD.readTree(OLD.writeValueAsBytes(s));
        tree.remove(List.of("proxy", "language"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("deviceMail")).remove("transport");
        tree.put("signInHold", (String) null);
        byte[] older = OLD.writeValueAsBytes(tree);
        DeviceSettings read = SettingsJson.read(older);
        assertEquals(OLD.readValue(older, DeviceSettings.class), read);
        assertEquals(ProxySettings.NONE, read.proxy());
        assertEquals(Language.ENGLISH, read.language());
        assertEquals(MailTransport.SMTP_XOAUTH2, read.deviceMail().transport());
        assertEquals(null, read.signInHold());
    }

    @Test
    void malformedSettingsFailToReadAsTheyDidBefore() {
        for (String bad : List.of("", "{", "[]", "\"x\"", "{\"notificationRecipients\":null}",
                "{\"notificationRecipients\":{},\"signInHold\":\"24 hours\"}",
                "{\"notificationRecipients\":{},\"language\":\"KLINGON\"}",
                "{\"notificationRecipients\":{},\"jobLogSize\":\"many\"}",
                "{\"notificationRecipients\":{\"a\":[{}]}}")) {
            byte[] b = bad.getBytes(StandardCharsets.UTF_8);
            assertThrows(IOException.class, () -> OLD.readValue(b, DeviceSettings.class), bad);
            assertThrows(IOException.class, () -> SettingsJson.read(b), bad);
        }
    }

    @Test
    void anUnreadableOrInvalidSettingsFileIsSetAsideAndTheDefaultsUsed() throws IOException {
        DeviceSettings defaults = variedSettings().get(0);
        DeviceSettings invalid = defaults.withFaxAddressPattern("no placeholder");
        for (byte[] content : List.of("{\"deviceMail\":".getBytes(StandardCharsets.UTF_8), "null".getBytes(
                StandardCharsets.UTF_8), OLD.writeValueAsBytes(invalid))) {
            Path file = dir.resolve("settings.json");
            Files.write(file, content);
            assertEquals(defaults, SettingsStore.open(file, defaults).current());
            assertFalse(Files.exists(file));
            assertTrue(Files.exists(dir.resolve("settings.json.unreadable")));
            assertEquals(new String(content, StandardCharsets.UTF_8),
                    Files.readString(dir.resolve("settings.json.unreadable")));
        }
        assertThrows(ConfigException.class, invalid::validate);
    }

    @Test
    void aSavedFileIsTheDatabindMappersFileAndOpensAgainEqual() throws IOException {
        EmailServerSettings mail = new EmailServerSettings(AuthMethod.OAUTH2, EmailService.EXCHANGE_ONLINE,
                "exchange-online", "scan@contoso.example", "contoso.example", new MailServerSettings(
                "smtp.office365.com", 587, SecureConnection.STARTTLS, true, Duration.ofSeconds(30),
                Duration.ofSeconds(60)), MailTransport.SMTP_XOAUTH2);
        DeviceSettings start = new DeviceSettings(mail, mail.withTransport(MailTransport.MICROSOFT_GRAPH),
                "{number}@fax.example.com", Map.of("PAPER_OUT", List.of("a@contoso.example")), 1024, true, true,
                Duration.ofHours(24), Duration.ofHours(24), 500, ProxySettings.NONE, Language.ENGLISH);
        Path file = dir.resolve("settings.json");
        DeviceSettings saved = SettingsStore.open(file, start).update(s -> s.withLanguage(Language.ARABIC));
        assertEquals(new String(OLD.writeValueAsBytes(saved), StandardCharsets.UTF_8), Files.readString(file));
        assertEquals(saved, SettingsStore.open(file, start).current());
        assertEquals(Language.ARABIC, SettingsStore.open(file, start).current().language());
    }
}
