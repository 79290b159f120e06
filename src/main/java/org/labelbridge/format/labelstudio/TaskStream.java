package org.labelbridge.format.labelstudio;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.common.SafeJson;
import org.labelbridge.format.common.TextFiles;

/** The tasks of one file, one at a time: a list of tasks, or one task object. */
final class TaskStream implements Closeable {


    private final String file;
    private final JsonParser parser;
    private final boolean single;
    private boolean done;

    TaskStream(DatasetSource source, String path) throws IOException {
        this.file = source.describe(path);
        this.parser = SafeJson.FACTORY.createParser(TextFiles.withoutBom(source.open(path)));
        try {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY && first != JsonToken.START_OBJECT) {
                throw FormatException.at(file, null, "expected a list of Label Studio tasks"
                        + " ([{\"data\": {\"image\": ...}, \"annotations\": [...]}, ...]), got " + first);
            }
            this.single = first == JsonToken.START_OBJECT;
        } catch (IOException e) {
            parser.close();
            throw e instanceof JsonProcessingException j ? SafeJson.error(file, j, parser) : e;
        }
    }

    /** The next task, or {@code null} after the last. */
    JsonNode next() throws IOException {
        if (done) {
            return null;
        }
        try {
            if (single) {
                done = true;
                return SafeJson.TREES.readTree(parser);
            }
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY || token == null) {
                done = true;
                return null;
            }
            if (token != JsonToken.START_OBJECT) {
                throw FormatException.at(file, "line " + parser.currentLocation().getLineNr(),
                        "expected a task object in the list, got " + token);
            }
            return SafeJson.TREES.readTree(parser);
        } catch (JsonProcessingException e) {
            throw SafeJson.error(file, e, parser);
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
