package org.labelbridge.format.coco;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.function.Supplier;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.common.SafeJson;

/**
 * Typed reads of the current value of Jackson's streaming parser. Errors name the file, the
 * entry being read and the line, and say what was expected.
 */
final class JsonFields {

    private final JsonParser p;
    private final String fileName;
    private final Supplier<String> where;

    /** @param where the entry being read ({@code annotations[17] (id 42)}), or {@code null} */
    JsonFields(JsonParser parser, String fileName, Supplier<String> where) {
        this.p = parser;
        this.fileName = fileName;
        this.where = where;
    }

    JsonParser parser() {
        return p;
    }

    /** The entry being read, for messages, or {@code null}. */
    String where() {
        return where.get();
    }

    long integer(String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return p.getLongValue();
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            double value = p.getDoubleValue();
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return (long) value;
            }
        }
        throw error("'" + field + "' must be an integer, got " + describe(t));
    }

    int size(String field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return 0;
        }
        long value = integer(field);
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw error("'" + field + "' must be a number of pixels, got " + value);
        }
        return (int) value;
    }

    double number(String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            return SafeJson.finiteDouble(p);
        }
        throw error("'" + field + "' must hold numbers, got " + describe(t));
    }

    String text(String field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        throw error("'" + field + "' must be a string, got " + describe(p.currentToken()));
    }

    void expectArray(String field) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw error("'" + field + "' must be a list, got " + describe(p.currentToken()));
        }
    }

    void expectObject() throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw error("expected an object, got " + describe(p.currentToken()));
        }
    }

    private String describe(JsonToken t) throws IOException {
        if (t == null) {
            return "the end of the file";
        }
        return switch (t) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "the string \"" + abbreviate(p.getText()) + "\"";
            case VALUE_NULL -> "null";
            default -> p.getText();
        };
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    /** An error at the parser's place: the entry and the line. */
    FormatException error(String message) {
        String where = this.where.get();
        String line = "line " + p.currentTokenLocation().getLineNr();
        return FormatException.at(fileName, where == null ? line : where + ", " + line, message);
    }
}
