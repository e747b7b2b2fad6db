package org.printmail.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * What every file the device keeps as JSON needs, on Jackson's streaming API only: databind and its
 * Java-time module cost a configured device 644 classes and 7 MB of resident CDS archive at boot
 * (docs/benchmarks.md, issue 12). Each format keeps its own field list in a small codec of its
 * package; this reads an object field by field (unknown fields skipped, so a downgrade keeps what a
 * newer firmware wrote) and its values the way the databind mapper read them: null or missing gives
 * {@code null}, 0 or false; instants and durations as ISO-8601 strings; enums by name.
 */
public final class JsonFields {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonFields() { }

    /** Reads one field's value; {@code false} when the field is not one the format knows. */
    @FunctionalInterface
    public interface Field {
        boolean read(String name, JsonParser p) throws IOException;
    }

    /** Reads a value at the parser's current token. */
    @FunctionalInterface
    public interface Value<T> {
        T read(JsonParser p) throws IOException;
    }

    /** Writes a document. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** A document that is not JSON, or not the shape its format has; says which, never the input. */
    public static final class Malformed extends IOException {
        private static final long serialVersionUID = 1L;

        public Malformed(String what) { super(what, null); }
    }

    /**
     * Reads one document: {@code root} starts at its first token. Any failure is an
     * {@link IOException} (a record's own check too), as databind reported it.
     */
    public static <T> T read(byte[] json, Value<T> root) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() == null) {
                throw new Malformed("no content");
            }
            return root.read(p);
        } catch (RuntimeException e) {
            throw new Malformed("not understood (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Writes one document in UTF-8, indented as databind's INDENT_OUTPUT does when asked. */
    public static byte[] write(boolean indent, Body body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            if (indent) {
                g.useDefaultPrettyPrinter();
            }
            body.write(g);
        }
        return out.toByteArray();
    }

    /**
     * Writes one document as a string: as databind's {@code writeValueAsString}, which (unlike its
     * UTF-8 bytes) keeps a character outside the BMP as it is rather than a surrogate-pair escape.
     */
    public static String writeString(Body body) throws IOException {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            body.write(g);
        }
        return out.toString();
    }

    /**
     * Reads the object at the current token field by field, skipping fields {@code each} does not
     * know; {@code false} for a JSON null.
     */
    public static boolean object(JsonParser p, Field each) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return false;
        }
        expect(p, JsonToken.START_OBJECT, "an object");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (!each.read(name, p)) {
                p.skipChildren();
            }
        }
        return true;
    }

    /** A list of values; {@code null} for a JSON null. */
    public static <T> List<T> list(JsonParser p, Value<T> element) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(p, JsonToken.START_ARRAY, "a list");
        List<T> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(element.read(p));
        }
        return out;
    }

    public static List<String> strings(JsonParser p) throws IOException {
        return list(p, JsonFields::string);
    }

    /** A map of string lists, in the file's order; {@code null} for a JSON null. */
    public static Map<String, List<String>> stringLists(JsonParser p) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        return object(p, (name, v) -> {
            out.put(name, strings(v));
            return true;
        }) ? out : null;
    }

    /** A string; a number or boolean reads as its text, as databind coerced it. */
    public static String string(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!t.isScalarValue()) {
            throw new Malformed("expected a string");
        }
        return p.getText();
    }

    public static int integer(JsonParser p) throws IOException {
        return (int) number(p, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    public static long longInteger(JsonParser p) throws IOException {
        return number(p, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private static long number(JsonParser p, long min, long max) throws IOException {
        JsonToken t = p.currentToken();
        long v;
        if (t == JsonToken.VALUE_NULL) {
            return 0;
        } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            v = p.getLongValue();
        } else if (t == JsonToken.VALUE_STRING) {
            v = Long.parseLong(p.getText().trim());
        } else {
            throw new Malformed("expected a number");
        }
        if (v < min || v > max) {
            throw new Malformed("number out of range");
        }
        return v;
    }

    public static boolean bool(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE;
        } else if (t == JsonToken.VALUE_NULL) {
            return false;
        } else if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue() != 0;
        } else if (t == JsonToken.VALUE_STRING && p.getText().trim().matches("(?i)true|false")) {
            return Boolean.parseBoolean(p.getText().trim());
        }
        throw new Malformed("expected true or false");
    }

    /** An ISO-8601 instant (nanoseconds kept); a number is seconds since the epoch. */
    public static Instant instant(JsonParser p) throws IOException {
        if (isNumber(p)) {
            BigDecimal s = p.getDecimalValue();
            return Instant.ofEpochSecond(s.longValue(), nanosOf(s));
        }
        String s = string(p);
        return s == null || s.isBlank() ? null : Instant.parse(s.trim());
    }

    /** An ISO-8601 duration ({@code PT24H}); a number is seconds. */
    public static Duration duration(JsonParser p) throws IOException {
        if (isNumber(p)) {
            BigDecimal s = p.getDecimalValue();
            return Duration.ofSeconds(s.longValue(), nanosOf(s));
        }
        String s = string(p);
        return s == null || s.isBlank() ? null : Duration.parse(s.trim());
    }

    private static boolean isNumber(JsonParser p) {
        JsonToken t = p.currentToken();
        return t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
    }

    /** The fraction of a decimal number of seconds, in nanoseconds (databind's reading of it). */
    private static int nanosOf(BigDecimal seconds) {
        return seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue();
    }

    /** An enum constant by name (or, as databind allowed, by position). */
    public static <E extends Enum<E>> E constant(JsonParser p, Class<E> type) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            E[] all = type.getEnumConstants();
            int i = p.getIntValue();
            if (i < 0 || i >= all.length) {
                throw new Malformed("expected one of " + type.getSimpleName());
            }
            return all[i];
        }
        String s = string(p);
        return s == null ? null : Enum.valueOf(type, s);
    }

    public static void field(JsonGenerator g, String name, Instant value) throws IOException {
        g.writeStringField(name, value == null ? null : value.toString());
    }

    public static void field(JsonGenerator g, String name, Duration value) throws IOException {
        g.writeStringField(name, value == null ? null : value.toString());
    }

    public static void field(JsonGenerator g, String name, Enum<?> value) throws IOException {
        g.writeStringField(name, value == null ? null : value.name());
    }

    public static void field(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeFieldName(name);
        strings(g, values);
    }

    public static void strings(JsonGenerator g, List<String> values) throws IOException {
        if (values == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    public static void stringLists(JsonGenerator g, String name, Map<String, List<String>> map)
            throws IOException {
        g.writeFieldName(name);
        if (map == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        for (Map.Entry<String, List<String>> e : map.entrySet()) {
            field(g, e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void expect(JsonParser p, JsonToken wanted, String what) throws IOException {
        if (p.currentToken() != wanted) {
            throw new Malformed("expected " + what);
        }
    }
}
