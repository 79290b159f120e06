package org.labelbridge.format.ultralytics;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.common.SafeJson;

/**
 * CVAT's {@code <subset>/labels.json} beside the classification folders: per item id its
 * labels and its image path below the subset folder,
 * {@code {"<id>": {"labels": ["cat"], "path": "cat/1.jpg"}, ...}}. Ultralytics does not read
 * it; it keeps ids and images with several labels (or none) across a round trip. Read and
 * written one entry at a time.
 */
final class LabelsJson {

    static final String FILE = "labels.json";

    /** One item's entry. */
    record Entry(String id, List<String> labels, String path) {
    }

    private LabelsJson() {
    }

    /** Reads the entries of one file in order. */
    static final class Cursor implements Closeable {
        private final JsonParser parser;
        private final String file;
        private boolean started;

        Cursor(DatasetSource source, String path) throws IOException {
            InputStream in = source.open(path);
            try {
                this.parser = SafeJson.FACTORY.createParser(in);
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
            this.file = source.describe(path);
        }

        /** The next entry, or {@code null} after the last. */
        Entry next() throws IOException {
            try {
                if (!started) {
                    started = true;
                    if (parser.nextToken() != JsonToken.START_OBJECT) {
                        throw error(null, "expected an object of item ids");
                    }
                }
                JsonToken token = parser.nextToken();
                if (token == JsonToken.END_OBJECT) {
                    return null;
                }
                String id = parser.currentName();
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw error(id, "expected {\"labels\": [...], \"path\": \"...\"}");
                }
                List<String> labels = null;
                String path = null;
                for (token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (field.equals("labels")) {
                        labels = labels(id, value);
                    } else if (field.equals("path") && value == JsonToken.VALUE_STRING) {
                        path = parser.getText();
                    } else if (field.equals("path")) {
                        throw error(id, "expected \"path\" to be a string");
                    } else {
                        parser.skipChildren();
                    }
                }
                if (labels == null || path == null) {
                    throw error(id, "expected both \"labels\" and \"path\"");
                }
                return new Entry(id, labels, path);
            } catch (JsonProcessingException e) {
                throw FormatException.at(file, "line " + e.getLocation().getLineNr(), "not valid JSON: "
                        + e.getOriginalMessage());
            }
        }

        private List<String> labels(String id, JsonToken value) throws IOException {
            if (value != JsonToken.START_ARRAY) {
                throw error(id, "expected \"labels\" to be a list of label names");
            }
            List<String> labels = new ArrayList<>();
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                if (t != JsonToken.VALUE_STRING) {
                    throw error(id, "expected \"labels\" to be a list of label names");
                }
                labels.add(parser.getText());
            }
            return labels;
        }

        private FormatException error(String id, String message) {
            return FormatException.at(file, (id == null ? "" : "entry '" + id + "', ") + "line "
                    + parser.currentLocation().getLineNr(), message);
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    /** Writes the entries of one file as items stream; {@link #close} ends the object. */
    static final class Out implements Closeable {
        private final JsonGenerator json;

        Out(OutputStream out) throws IOException {
            json = SafeJson.FACTORY.createGenerator(out, JsonEncoding.UTF8);
            json.writeStartObject();
        }

        void write(String id, List<String> labels, String path) throws IOException {
            json.writeObjectFieldStart(id);
            json.writeArrayFieldStart("labels");
            for (String label : labels) {
                json.writeString(label);
            }
            json.writeEndArray();
            json.writeStringField("path", path);
            json.writeEndObject();
        }

        @Override
        public void close() throws IOException {
            json.writeEndObject();
            json.close();
        }
    }
}
