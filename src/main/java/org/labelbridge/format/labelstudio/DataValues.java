package org.labelbridge.format.labelstudio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/** A task's data field as an item attribute value (text, whole number, number, yes/no, or a list of them) and back. */
final class DataValues {

    private DataValues() {
    }

    /** The value, or {@code null} when it is none of those (an object, null, a nested list). */
    static Object of(JsonNode node) {
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            for (JsonNode element : node) {
                Object value = element.isArray() ? null : of(element);
                if (value == null) {
                    return null;
                }
                list.add(value);
            }
            return List.copyOf(list);
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        return null;
    }

    static JsonNode node(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value instanceof List<?> list) {
            ArrayNode array = nodes.arrayNode();
            list.forEach(v -> array.add(node(v)));
            return array;
        }
        if (value instanceof Boolean b) {
            return nodes.booleanNode(b);
        }
        if (value instanceof Long || value instanceof Integer) {
            return nodes.numberNode(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return nodes.numberNode(n.doubleValue());
        }
        return nodes.textNode(String.valueOf(value));
    }
}
