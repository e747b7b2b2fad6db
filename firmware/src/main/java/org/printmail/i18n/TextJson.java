package org.printmail.i18n;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A {@link Text} in a JSON file (the outbox, the job log): {@code {"key":..,"args":[..]}} or
 * {@code {"value":..}}. A plain string where a text is expected (written before texts existed)
 * reads as a literal, and so does anything else that is not an object: a stored line always loads.
 */
public final class TextJson {
    private TextJson() { }

    public static void write(JsonGenerator g, Text t) throws IOException {
        g.writeStartObject();
        if (t.isLiteral()) {
            g.writeStringField("value", t.value());
        } else {
            g.writeStringField("key", t.key());
            if (!t.args().isEmpty()) {
                g.writeArrayFieldStart("args");
                for (Text a : t.args()) {
                    write(g, a);
                }
                g.writeEndArray();
            }
        }
        g.writeEndObject();
    }

    /** The text at the parser's current token; a JSON null is {@code null} (the field's default). */
    public static Text read(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : value(p);
    }

    /** An argument, or a value where null reads as an empty literal. */
    private static Text value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return Text.literal(p.getText());
        }
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return Text.literal("");
        }
        String key = null;
        String value = null;
        List<Text> args = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (name.equals("key")) {
                key = scalar(p);
            } else if (name.equals("value")) {
                value = scalar(p);
            } else if (name.equals("args") && v == JsonToken.START_ARRAY) {
                args.clear();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    args.add(value(p));
                }
            } else {
                p.skipChildren();
            }
        }
        return key == null ? Text.literal(value == null ? "" : value) : new Text(key, args, null);
    }

    /** A field's text as the tree model's {@code asText()} gave it: "" for an object or list. */
    private static String scalar(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!t.isScalarValue()) {
            p.skipChildren();
            return "";
        }
        return p.getText();
    }
}
