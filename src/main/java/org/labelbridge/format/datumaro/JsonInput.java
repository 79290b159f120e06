package org.labelbridge.format.datumaro;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.common.SafeJson;

/**
 * A streaming JSON parser over one annotation file that turns every failure into a
 * {@link FormatException} naming the file, the entry ({@code items[3].annotations[1]}) and the
 * line, so that the readers can stay about the format rather than about Jackson.
 */
final class JsonInput implements Closeable {

    static final JsonFactory FACTORY = SafeJson.FACTORY;

    private final JsonParser parser;
    private final String file;

    private JsonInput(JsonParser parser, String file) {
        this.parser = parser;
        this.file = file;
    }

    static JsonInput open(DatasetSource source, String path) throws IOException {
        InputStream in = source.open(path);
        try {
            return new JsonInput(FACTORY.createParser(in), source.describe(path));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    String file() {
        return file;
    }

    /** Advances to the next token; {@code null} at the end of the input. */
    JsonToken next() throws IOException {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    JsonToken current() {
        return parser.currentToken();
    }

    /** Advances and checks the token is {@code expected}. */
    void nextExpect(JsonToken expected, String where, String what) throws IOException {
        next();
        expect(expected, where, what);
    }

    void expect(JsonToken expected, String where, String what) throws FormatException {
        if (parser.currentToken() != expected) {
            throw fail(where, "expected " + what + ", got " + describeCurrent());
        }
    }

    /** The name of the current field (the current token is a field name). */
    String fieldName() throws IOException {
        try {
            return parser.currentName();
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    /** Skips the value the parser stands on (an object or array with all it holds). */
    void skipValue() throws IOException {
        try {
            parser.skipChildren();
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    /** Skips the current value; true when it was null or an empty object or array. */
    boolean skipValueReportingEmpty() throws IOException {
        JsonToken start = parser.currentToken();
        if (start != JsonToken.START_OBJECT && start != JsonToken.START_ARRAY) {
            return start == JsonToken.VALUE_NULL;
        }
        JsonToken token = next();
        if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
            return true;
        }
        int depth = 1;
        while (true) {
            if (token == null) {
                throw fail(null, "the JSON ends inside an unfinished value");
            }
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                depth++;
            } else if ((token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) && --depth == 0) {
                return false;
            }
            token = next();
        }
    }

    String readString(String where, String what) throws IOException {
        next();
        return string(where, what);
    }

    /** The current token as text (a string value). */
    String string(String where, String what) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw fail(where, "expected " + what + " (a string), got " + describeCurrent());
        }
        return text();
    }

    String text() throws IOException {
        try {
            return parser.getText();
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    long readLong(String where, String what) throws IOException {
        next();
        return longValue(where, what);
    }

    long longValue(String where, String what) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw fail(where, "expected " + what + " (an integer), got " + describeCurrent());
        }
        try {
            return parser.getLongValue();
        } catch (JsonProcessingException e) {
            throw fail(where, "expected " + what + " (an integer), got the out-of-range " + parser.getText());
        }
    }

    int readInt(String where, String what) throws IOException {
        long value = readLong(where, what);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw fail(where, "expected " + what + " (an integer), got the out-of-range " + value);
        }
        return (int) value;
    }

    /** An integer, or {@code null} for a JSON null. */
    Integer readOptionalInt(String where, String what) throws IOException {
        if (next() == JsonToken.VALUE_NULL) {
            return null;
        }
        long value = longValue(where, what);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw fail(where, "expected " + what + " (an integer), got the out-of-range " + value);
        }
        return (int) value;
    }

    boolean isNumber() {
        JsonToken token = parser.currentToken();
        return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
    }

    double doubleValue(String where, String what) throws IOException {
        if (!isNumber()) {
            throw fail(where, "expected " + what + " (a number), got " + describeCurrent());
        }
        try {
            return SafeJson.finiteDouble(parser);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    /** The current number as Long when integral and in range, else as Double. */
    Object numberValue() throws IOException {
        try {
            if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                    && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                return parser.getLongValue();
            }
            return SafeJson.finiteDouble(parser);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    /**
     * A flat array of numbers; an array of {@code [x, y]} pairs is flattened too, as some
     * Datumaro versions write points that way.
     */
    double[] readNumbers(String where, String what) throws IOException {
        nextExpect(JsonToken.START_ARRAY, where, what + " (an array of numbers)");
        double[] values = new double[16];
        int n = 0;
        for (JsonToken token = next(); token != JsonToken.END_ARRAY; token = next()) {
            if (token == JsonToken.START_ARRAY) {
                for (JsonToken inner = next(); inner != JsonToken.END_ARRAY; inner = next()) {
                    if (n == values.length) {
                        values = Arrays.copyOf(values, n * 2);
                    }
                    values[n++] = doubleValue(where, what + " coordinate");
                }
                continue;
            }
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
            }
            values[n++] = doubleValue(where, what + " value");
        }
        return Arrays.copyOf(values, n);
    }

    /** An array of integers. */
    int[] readInts(String where, String what) throws IOException {
        next();
        return ints(where, what);
    }

    /** The array of integers the parser stands on. */
    int[] ints(String where, String what) throws IOException {
        expect(JsonToken.START_ARRAY, where, what + " (an array of integers)");
        int[] values = new int[16];
        int n = 0;
        for (JsonToken token = next(); token != JsonToken.END_ARRAY; token = next()) {
            long value = longValue(where, what + " value");
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw fail(where, what + " value " + value + " is out of range");
            }
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
            }
            values[n++] = (int) value;
        }
        return Arrays.copyOf(values, n);
    }

    /** An array of strings. */
    List<String> readStrings(String where, String what) throws IOException {
        nextExpect(JsonToken.START_ARRAY, where, what + " (an array of strings)");
        List<String> values = new ArrayList<>();
        for (JsonToken token = next(); token != JsonToken.END_ARRAY; token = next()) {
            values.add(string(where, what + " entry"));
        }
        return values;
    }

    /** A failure at the current token: file, entry and line. */
    FormatException fail(String where, String message) {
        JsonLocation location = parser.currentTokenLocation();
        String line = location.getLineNr() > 0
                ? "line " + location.getLineNr() + ", column " + location.getColumnNr() : null;
        String at = where == null || where.isEmpty() ? line
                : line == null ? where : where + " (" + line + ")";
        return FormatException.at(file, at, message);
    }

    private FormatException malformed(JsonProcessingException e) {
        return SafeJson.error(file, e, parser);
    }

    private String describeCurrent() {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return "the end of the file";
        }
        switch (token) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "the string \"" + abbreviated() + "\"";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "the number " + abbreviated();
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "the boolean " + abbreviated();
            case VALUE_NULL:
                return "null";
            case END_OBJECT:
                return "the end of an object";
            case END_ARRAY:
                return "the end of an array";
            default:
                return token.asString() == null ? token.name() : token.asString();
        }
    }

    private String abbreviated() {
        try {
            String text = parser.getText();
            return text.length() > 40 ? text.substring(0, 40) + "..." : text;
        } catch (IOException e) {
            return "?";
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
