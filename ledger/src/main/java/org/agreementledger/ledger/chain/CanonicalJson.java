package org.agreementledger.ledger.chain;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One text per JSON value, whatever the key order or whitespace it was stored with: object keys
 * sorted, no insignificant whitespace, numbers kept exactly as decimals. Hashes are taken over it.
 */
public final class CanonicalJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // since Jackson 2.15 readTree turns 670000000.00 into 6.7E+8 unless told not to
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .addModule(new JavaTimeModule())
            .build();

    private CanonicalJson() {
    }

    public static JsonNode parse(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("stored content is not JSON", e);
        }
    }

    /** Reads a document into a type, with numbers kept as exact decimals as in {@link #parse}. */
    public static <T> T read(byte[] json, Class<T> type) throws IOException {
        return MAPPER.readValue(json, type);
    }

    public static String write(JsonNode node) {
        SegmentedStringWriter out = new SegmentedStringWriter(MAPPER.getFactory()._getBufferRecycler());
        try {
            try (JsonGenerator generator = MAPPER.createGenerator(out)) {
                write(node, generator);
            }
            return out.getAndClear();
        } catch (IOException e) {
            throw new UncheckedIOException("a tree in memory is always writable", e);
        }
    }

    /** Keys and text are escaped by the one generator as Jackson's defaults escape them, which hashes recorded before rely on. */
    private static void write(JsonNode node, JsonGenerator generator) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>(node.size());
                node.fieldNames().forEachRemaining(names::add);
                Collections.sort(names);
                generator.writeStartObject();
                for (String name : names) {
                    generator.writeFieldName(name);
                    write(node.get(name), generator);
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode element : node) {
                    write(element, generator);
                }
                generator.writeEndArray();
            }
            // as each node would write itself, without looking up its serializer
            case STRING -> generator.writeString(node.textValue());
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NULL -> generator.writeNull();
            case NUMBER -> {
                if (node.isBigDecimal()) {
                    generator.writeNumber(node.decimalValue().toPlainString());
                } else if (node.isInt()) {
                    generator.writeNumber(node.intValue());
                } else if (node.isLong()) {
                    generator.writeNumber(node.longValue());
                } else {
                    generator.writeTree(node);
                }
            }
            default -> generator.writeTree(node);
        }
    }

    /** The text of an object's field, or {@code null} when it is absent or JSON null. */
    public static String textField(JsonNode object, String field) {
        JsonNode value = object == null ? null : object.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A mutable copy without the named fields, for hashing content that excludes its own hash. */
    static JsonNode without(JsonNode object, String... fields) {
        ObjectNode copy = object.isObject() ? ((ObjectNode) object).deepCopy() : MAPPER.createObjectNode();
        for (String field : fields) {
            copy.remove(field);
        }
        return copy;
    }
}
