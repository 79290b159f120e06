package org.labelbridge.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark's floor: one bare Jackson streaming pass over a JSON file, touching every
 * token (numbers parsed, strings read), run as its own process like the CLI. No conversion
 * can be faster than reading its input once.
 */
public final class JsonFloor {

    private JsonFloor() {
    }

    public static void main(String[] args) throws IOException {
        long tokens = 0;
        double sum = 0;
        long chars = 0;
        try (InputStream in = Files.newInputStream(Path.of(args[0]));
             JsonParser parser = new JsonFactory().createParser(in)) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                tokens++;
                if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
                    sum += parser.getDoubleValue();
                } else if (t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) {
                    chars += parser.getTextLength();
                }
            }
        }
        System.out.println(tokens + " tokens, " + chars + " chars, checksum " + sum);
    }
}
