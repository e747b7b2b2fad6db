package org.printmail.store;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The plaintext inside a sealed record: the account set as JSON. Jackson's own messages quote
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

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS) // ISO-8601 keeps nanoseconds exact
            // newer fields survive a firmware downgrade
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private AccountSetCodec() { }

    static byte[] encode(Collection<AccountRecord> accounts) {
        try {
            return JSON.writeValueAsBytes(new Document(FORMAT, List.copyOf(accounts)));
        } catch (JacksonException e) {
            // no cause attached: its message may quote record contents
            throw new IllegalStateException("token vault: cannot encode the account set ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    static List<AccountRecord> decode(byte[] json) throws UnreadableContents {
        Document doc;
        try {
            doc = JSON.readValue(json, Document.class);
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
}
