package org.printmail.store;

import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import org.printmail.files.JsonFields;

/**
 * The plaintext inside a sealed record: the account set as JSON, on Jackson's streaming API
 * ({@link JsonFields}; the same bytes the databind mapper wrote). Jackson's own messages quote
 * the input, which here is full of tokens, so they never leave this class: failures carry only
 * the exception type.
 */
final class AccountSetCodec {
    static final int FORMAT = 1;

    /** The JSON document; {@code format} lets a later firmware tell old contents apart. */
    record Document(int format, List<AccountRecord> accounts) { }

    /** The contents authenticated but could not be understood (e.g. written by newer firmware). */
    static final class UnreadableContents extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableContents(String reason) { super(reason, null, false, false); }
    }

    private AccountSetCodec() { }

    static byte[] encode(Collection<AccountRecord> accounts) {
        List<AccountRecord> list = List.copyOf(accounts);
        try {
            return JsonFields.write(false, g -> {
                g.writeStartObject();
                g.writeNumberField("format", FORMAT);
                g.writeArrayFieldStart("accounts");
                for (AccountRecord a : list) {
                    account(g, a);
                }
                g.writeEndArray();
                g.writeEndObject();
            });
        } catch (IOException | RuntimeException e) {
            // no cause attached: its message may quote record contents
            throw new IllegalStateException("token vault: cannot encode the account set ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    static List<AccountRecord> decode(byte[] json) throws UnreadableContents {
        Document doc;
        try {
            doc = JsonFields.read(json, AccountSetCodec::document);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableContents("contents not understood ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (doc == null || doc.format() != FORMAT || doc.accounts() == null) {
            throw new UnreadableContents("contents format "
                    + (doc == null ? "missing" : String.valueOf(doc.format())) + " is not supported");
        }
        if (doc.accounts().stream().anyMatch(a -> a == null)) {
            throw new UnreadableContents("contents hold an empty account entry");
        }
        return doc.accounts();
    }

    private static Document document(JsonParser p) throws IOException {
        var f = new Object() {
            int format;
            List<AccountRecord> accounts;
        };
        boolean present = JsonFields.object(p, (name, v) -> {
            switch (name) {
                case "format" -> f.format = JsonFields.integer(v);
                case "accounts" -> f.accounts = JsonFields.list(v, AccountSetCodec::account);
                default -> {
                    return false;
                }
            }
            return true;
        });
        return present ? new Document(f.format, f.accounts) : null;
    }

    private static void account(JsonGenerator g, AccountRecord a) throws IOException {
        if (a == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeFieldName("id");
        g.writeStartObject();
        g.writeStringField("purpose", a.id().purpose());
        g.writeStringField("user", a.id().user());
        g.writeEndObject();
        g.writeStringField("service", a.service());
        g.writeStringField("accountName", a.accountName());
        g.writeStringField("senderAddress", a.senderAddress());
        g.writeStringField("tenant", a.tenant());
        JsonFields.field(g, "scopes", a.scopes());
        g.writeStringField("refreshToken", a.refreshToken());
        g.writeStringField("accessToken", a.accessToken());
        JsonFields.field(g, "accessTokenExpiresAt", a.accessTokenExpiresAt());
        JsonFields.field(g, "signedInAt", a.signedInAt());
        JsonFields.field(g, "lastRefresh", a.lastRefresh());
        JsonFields.field(g, "lastUsed", a.lastUsed());
        g.writeEndObject();
    }

    private static AccountRecord account(JsonParser p) throws IOException {
        var f = new Object() {
            AccountKey id;
            String service;
            String accountName;
            String senderAddress;
            String tenant;
            List<String> scopes;
            String refreshToken;
            String accessToken;
            Instant accessTokenExpiresAt;
            Instant signedInAt;
            Instant lastRefresh;
            Instant lastUsed;
        };
        boolean present = JsonFields.object(p, (name, v) -> {
            switch (name) {
                case "id" -> f.id = key(v);
                case "service" -> f.service = JsonFields.string(v);
                case "accountName" -> f.accountName = JsonFields.string(v);
                case "senderAddress" -> f.senderAddress = JsonFields.string(v);
                case "tenant" -> f.tenant = JsonFields.string(v);
                case "scopes" -> f.scopes = JsonFields.strings(v);
                case "refreshToken" -> f.refreshToken = JsonFields.string(v);
                case "accessToken" -> f.accessToken = JsonFields.string(v);
                case "accessTokenExpiresAt" -> f.accessTokenExpiresAt = JsonFields.instant(v);
                case "signedInAt" -> f.signedInAt = JsonFields.instant(v);
                case "lastRefresh" -> f.lastRefresh = JsonFields.instant(v);
                case "lastUsed" -> f.lastUsed = JsonFields.instant(v);
                default -> {
                    return false;
                }
            }
            return true;
        });
        return present ? new AccountRecord(f.id, f.service, f.accountName, f.senderAddress, f.tenant,
                f.scopes, f.refreshToken, f.accessToken, f.accessTokenExpiresAt, f.signedInAt, f.lastRefresh,
                f.lastUsed) : null;
    }

    private static AccountKey key(JsonParser p) throws IOException {
        var f = new Object() {
            String purpose;
            String user;
        };
        boolean present = JsonFields.object(p, (name, v) -> {
            switch (name) {
                case "purpose" -> f.purpose = JsonFields.string(v);
                case "user" -> f.user = JsonFields.string(v);
                default -> {
                    return false;
                }
            }
            return true;
        });
        return present ? new AccountKey(f.purpose, f.user) : null;
    }
}
