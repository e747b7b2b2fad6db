package org.printmail.jobs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.printmail.i18n.Text;

/**
 * The one JSON mapper for the outbox and the job log. A {@link Text} is written as
 * {@code {"key":..,"args":[..]}} or {@code {"value":..}}; a plain string where a text is expected
 * (outbox entries and job-log lines written before texts existed) reads as a literal.
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule("texts").addSerializer(Text.class, new TextWriter())
                    .addDeserializer(Text.class, new TextReader()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() { }

    private static final class TextWriter extends JsonSerializer<Text> {
        @Override
        public void serialize(Text t, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartObject();
            if (t.isLiteral()) {
                g.writeStringField("value", t.value());
            } else {
                g.writeStringField("key", t.key());
                if (!t.args().isEmpty()) {
                    g.writeArrayFieldStart("args");
                    for (Text a : t.args()) {
                        serialize(a, g, p);
                    }
                    g.writeEndArray();
                }
            }
            g.writeEndObject();
        }
    }

    private static final class TextReader extends JsonDeserializer<Text> {
        @Override
        public Text deserialize(JsonParser p, DeserializationContext c) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return Text.literal(p.getText());
            }
            return of(p.readValueAsTree());
        }

        private static Text of(JsonNode n) {
            if (n == null || n.isNull()) {
                return Text.literal("");
            }
            if (n.isTextual()) {
                return Text.literal(n.asText());
            }
            JsonNode key = n.get("key");
            if (key == null || key.isNull()) {
                JsonNode value = n.get("value");
                return Text.literal(value == null || value.isNull() ? "" : value.asText());
            }
            List<Text> args = new ArrayList<>();
            JsonNode a = n.get("args");
            if (a != null && a.isArray()) {
                a.forEach(x -> args.add(of(x)));
            }
            return new Text(key.asText(), args, null);
        }
    }
}
