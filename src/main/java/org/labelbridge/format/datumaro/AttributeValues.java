package org.labelbridge.format.datumaro;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Attribute values between JSON and the model: booleans stay Boolean, integers Long, other
 * numbers Double, strings String and arrays List, so a value keeps its type both ways.
 */
final class AttributeValues {

    private AttributeValues() {
    }

    /**
     * Reads the object the parser is about to give ({@code {"name": value, ...}}). Values the
     * model cannot hold (null, nested objects) are left out and named to {@code lost}.
     */
    static Map<String, Object> read(JsonInput in, String where, Consumer<String> lost) throws IOException {
        in.next();
        return readCurrent(in, where, lost);
    }

    /** Reads the attributes object the parser stands on (null counts as empty). */
    static Map<String, Object> readCurrent(JsonInput in, String where, Consumer<String> lost) throws IOException {
        if (in.current() == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        in.expect(JsonToken.START_OBJECT, where, "an attributes object");
        Map<String, Object> values = new LinkedHashMap<>();
        for (JsonToken token = in.next(); token != JsonToken.END_OBJECT; token = in.next()) {
            String name = in.fieldName();
            in.next();
            Object value = value(in);
            if (value == null) {
                in.skipValue();
                lost.accept("attribute '" + name + "' is null or a JSON object (or holds one),"
                        + " which no attribute type can hold; dropped");
            } else {
                values.put(name, value);
            }
        }
        return values;
    }

    /** The value the parser stands on, or null when the model has no type for it. */
    private static Object value(JsonInput in) throws IOException {
        JsonToken token = in.current();
        switch (token) {
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_STRING:
                return in.text();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return in.numberValue();
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                for (JsonToken item = in.next(); item != JsonToken.END_ARRAY; item = in.next()) {
                    Object element = value(in);
                    if (element == null) {
                        in.skipValue();
                        skipRestOfArray(in);
                        return null;
                    }
                    list.add(element);
                }
                return List.copyOf(list);
            default:
                return null;
        }
    }

    private static void skipRestOfArray(JsonInput in) throws IOException {
        for (JsonToken item = in.next(); item != JsonToken.END_ARRAY; item = in.next()) {
            in.skipValue();
        }
    }

    /** Writes one value; false when it had to be written as text (an unknown type, NaN). */
    static boolean write(JsonGenerator json, Object value) throws IOException {
        if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number n) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                json.writeString(Double.toString(d));
                return false;
            }
            json.writeNumber(d);
        } else if (value instanceof String s) {
            json.writeString(s);
        } else if (value instanceof List<?> list) {
            boolean exact = true;
            json.writeStartArray();
            for (Object element : list) {
                exact &= write(json, element);
            }
            json.writeEndArray();
            return exact;
        } else {
            json.writeString(String.valueOf(value));
            return false;
        }
        return true;
    }
}
