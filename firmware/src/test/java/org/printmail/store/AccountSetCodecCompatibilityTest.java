package org.printmail.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

/**
 * The vault's plaintext on the streaming API ({@link AccountSetCodec}) against the databind mapper
 * that wrote it before (configured here exactly as the codec configured it): the same bytes for the
 * same accounts, the same accounts from those bytes, and failures that never quote a token.
 */
class AccountSetCodecCompatibilityTest {
    /** AccountSetCodec's mapper before this change. */
    private static final ObjectMapper OLD = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final String TOKEN = "SECRET-eyJ0eXAiOiJKV1Qi\"\\/+=\u0000\u001f-RT";
    private static final Instant NANOS = Instant.parse("2026-12-04T15:22:43.907500378Z");

    private static List<AccountRecord> accounts() {
        List<AccountRecord> out = new ArrayList<>();
        out.add(new AccountRecord(new AccountKey("DEVICE_MAIL", ""), "EXCHANGE_ONLINE", "scan@contoso.example",
                "scan@contoso.example", "contoso.example", List.of("https://outlook.office.com/SMTP.Send",
                "offline_access"), TOKEN, TOKEN + ".access", NANOS, Instant.EPOCH, NANOS.plusNanos(1), Instant.MAX));
        out.add(new AccountRecord(new AccountKey("USER", "مستخدم@contoso.example"), "OUTLOOK_COM",
                "أحمد \u2067\u202e\ud83d\udce0", null, null, List.of(), null, null, null, null, null, Instant.MIN));
        out.add(new AccountRecord(new AccountKey("FAX", null), null, "", "", "", null, "", "",
                Instant.ofEpochSecond(-1, 999_999_999), NANOS, NANOS, NANOS));
        return out;
    }

    @Test
    void theVaultsPlaintextIsWhatTheDatabindMapperWroteAndReadsBackEqual() throws Exception {
        for (List<AccountRecord> set : List.of(accounts(), List.<AccountRecord>of(), accounts().subList(1, 2))) {
            byte[] old = OLD.writeValueAsBytes(new AccountSetCodec.Document(AccountSetCodec.FORMAT, set));
            assertEquals(new String(old, StandardCharsets.UTF_8),
                    new String(AccountSetCodec.encode(set), StandardCharsets.UTF_8));
            assertEquals(set, AccountSetCodec.decode(old));
            assertEquals(OLD.readValue(old, AccountSetCodec.Document.class).accounts(), AccountSetCodec.decode(old));
        }
    }

    @Test
    void unknownFieldsAndMissingFieldsReadAsTheDatabindMapperReadThem() throws Exception {
        String old = new String(AccountSetCodec.encode(accounts()), StandardCharsets.UTF_8);
        List<String> variants = List.of(
                old.replace("{\"format\":1,", "{\"sealedBy\":{\"v\":[2,{}]},\"format\":1,")
                        .replace("\"tenant\":", "\"newerField\":[1,[2]],\"tenant\":"),
                old.replace("\"lastUsed\":", "\"lastUsedOld\":").replace("\"scopes\":", "\"scopesOld\":"),
                "{\"format\":1,\"accounts\":[{\"id\":{\"purpose\":\"DEVICE_MAIL\"}}]}",
                "{\"format\":1,\"accounts\":[{\"id\":{\"purpose\":\"X\",\"user\":null},\"scopes\":null,"
                        + "\"lastUsed\":\"\"}]}");
        for (String v : variants) {
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            assertEquals(OLD.readValue(b, AccountSetCodec.Document.class).accounts(), AccountSetCodec.decode(b), v);
        }
    }

    @Test
    void contentsNotUnderstoodNameOnlyTheExceptionTypeNeverAToken() throws IOException {
        String old = new String(AccountSetCodec.encode(accounts()), StandardCharsets.UTF_8);
        for (String bad : List.of(old.substring(0, old.indexOf("SECRET") + 12), "{\"format\":1,\"accounts\":[{}]}",
                "{\"format\":1,\"accounts\":[{\"id\":{},\"refreshToken\":\"SECRET-1\"}]}",
                "{\"format\":1,\"accounts\":[{\"id\":{\"purpose\":\"D\"},\"lastUsed\":\"SECRET-when\"}]}",
                "{\"format\":1,\"accounts\":[{\"id\":{\"purpose\":\"D\"},\"scopes\":\"SECRET-scope\"}]}",
                "{\"format\":\"SECRET-format\"}", "SECRET-not-json", "")) {
            byte[] b = bad.getBytes(StandardCharsets.UTF_8);
            assertThrows(IOException.class, () -> OLD.readValue(b, AccountSetCodec.Document.class), bad);
            AccountSetCodec.UnreadableContents e = assertThrows(AccountSetCodec.UnreadableContents.class,
                    () -> AccountSetCodec.decode(b), bad);
            assertTrue(e.getMessage().startsWith("contents not understood ("), e.getMessage());
            assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
            assertEquals(null, e.getCause());
        }
    }

    @Test
    void aWrongOrMissingFormatOrAnEmptyEntryIsNamedAsBefore() {
        assertEquals("contents format 2 is not supported", assertThrows(AccountSetCodec.UnreadableContents.class,
                () -> AccountSetCodec.decode("{\"format\":2,\"accounts\":[]}".getBytes(StandardCharsets.UTF_8)))
                .getMessage());
        assertEquals("contents format 0 is not supported", assertThrows(AccountSetCodec.UnreadableContents.class,
                () -> AccountSetCodec.decode("{\"accounts\":[]}".getBytes(StandardCharsets.UTF_8))).getMessage());
        assertEquals("contents format 1 is not supported", assertThrows(AccountSetCodec.UnreadableContents.class,
                () -> AccountSetCodec.decode("{\"format\":1}".getBytes(StandardCharsets.UTF_8))).getMessage());
        assertEquals("contents format missing is not supported", assertThrows(
                AccountSetCodec.UnreadableContents.class,
                () -> AccountSetCodec.decode("null".getBytes(StandardCharsets.UTF_8))).getMessage());
        assertEquals("contents hold an empty account entry", assertThrows(AccountSetCodec.UnreadableContents.class,
                () -> AccountSetCodec.decode("{\"format\":1,\"accounts\":[null]}".getBytes(StandardCharsets.UTF_8)))
                .getMessage());
    }
}
