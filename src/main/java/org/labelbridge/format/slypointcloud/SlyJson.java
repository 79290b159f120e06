package org.labelbridge.format.slypointcloud;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.common.SafeJson;

/** The small JSON files of a Supervisely project, read whole (within {@link SafeJson}'s limits). */
final class SlyJson {

    private SlyJson() {
    }

    /** The file's top-level object; anything else is an error naming the file. */
    static ObjectNode read(DatasetSource source, String path) throws IOException {
        String file = source.describe(path);
        JsonNode node;
        try (InputStream in = source.open(path); JsonParser parser = SafeJson.FACTORY.createParser(in)) {
            try {
                node = SafeJson.readTree(parser);
            } catch (JsonProcessingException e) {
                throw SafeJson.error(file, e, parser);
            }
        }
        if (!(node instanceof ObjectNode object)) {
            throw FormatException.at(file, null, "expected a JSON object");
        }
        return object;
    }

    /** The field as text, or an error naming the file and the field. */
    static String text(JsonNode node, String field, String file, String where) throws FormatException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw FormatException.at(file, where, "'" + field + "' must be a string");
        }
        return value.asText();
    }

    /** The field as an array (empty when absent), or an error. */
    static Iterable<JsonNode> array(JsonNode node, String field, String file, String where) throws FormatException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return java.util.List.of();
        }
        if (!value.isArray()) {
            throw FormatException.at(file, where, "'" + field + "' must be an array");
        }
        return value;
    }

    /** A tag's value as Datumaro reads it: {@code "true"}/{@code "false"} as booleans, numbers as numbers. */
    static Object tagValue(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        String text = value.asText();
        return text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : text;
    }
}
