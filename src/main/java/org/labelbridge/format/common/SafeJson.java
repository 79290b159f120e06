package org.labelbridge.format.common;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.labelbridge.format.FormatException;

/**
 * The one place JSON parsers come from, so that every format refuses hostile documents the
 * same way: nesting deeper than {@value #MAX_NESTING_DEPTH}, numbers longer than
 * {@value #MAX_NUMBER_LENGTH} characters, strings longer than {@value #MAX_STRING_LENGTH}
 * characters, {@code NaN} and {@code Infinity}, and (through {@link #finiteDouble}) numbers
 * too large to be a double. Jackson reports each as a parse error with its line and column,
 * which the readers turn into an error naming the file.
 */
public final class SafeJson {

    /** COCO and Datumaro nest five or six levels; a hundred is already no annotation file. */
    public static final int MAX_NESTING_DEPTH = 100;
    /** A double needs 25 characters; an id 20. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** A compressed RLE of a very large mask, or a long caption, fits many times. */
    public static final int MAX_STRING_LENGTH = 16 << 20;

    /** For reading and writing; the fast number codecs matter for files of 10^7 coordinates. */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .build())
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    /**
     * For documents read whole as a tree (a Label Studio task, a Supervisely project's per-frame
     * JSON): trees of parsers made by {@link #FACTORY}, within the same limits, written back with its generators.
     */
    public static final ObjectMapper TREES = new ObjectMapper(FACTORY);

    private SafeJson() {
    }

    /** The next value of the parser (made by {@link #FACTORY}) as a tree. */
    public static JsonNode readTree(JsonParser parser) throws IOException {
        return TREES.readTree(parser);
    }

    /**
     * A parse error (Jackson's, or a limit of this class) as an error naming the file, the line
     * and the column. Jackson leaves the place out of some errors; the parser still knows it.
     */
    public static FormatException error(String file, JsonProcessingException e, JsonParser parser) {
        JsonLocation location = e.getLocation() != null ? e.getLocation()
                : parser == null ? null : parser.currentLocation();
        String at = location == null || location.getLineNr() <= 0 ? null
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
        // Jackson names the source as "REDACTED" inside its own messages: keep only line and column.
        String detail = String.valueOf(e.getOriginalMessage()).replaceAll("\\[Source: [^;\\]]*; ", "[");
        return FormatException.at(file, at, "malformed JSON: " + detail);
    }

    /**
     * The current number as a double, refusing one too large for it ({@code 1e999} parses as
     * infinity) with a parse error at the number's place.
     */
    public static double finiteDouble(JsonParser parser) throws IOException {
        double value = parser.getDoubleValue();
        if (!Double.isFinite(value)) {
            throw new JsonParseException(parser, "number " + parser.getText() + " is out of range (not a finite double)");
        }
        return value;
    }
}
