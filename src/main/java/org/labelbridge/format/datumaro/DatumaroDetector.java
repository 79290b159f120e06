package org.labelbridge.format.datumaro;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.Detection;

/**
 * Tells a Datumaro file from the other JSON under {@code annotations/} (COCO's above all) by
 * the shape of its top level, read from the first bytes only: Datumaro's {@code categories} is
 * an object ({@code label}, {@code points}, {@code mask}) and its {@code items} an array, where
 * COCO has a {@code categories} array beside {@code images} and {@code annotations}.
 */
final class DatumaroDetector {

    private static final int HEAD = 64 * 1024;
    private static final Set<String> COCO_FIELDS = Set.of("images", "annotations", "licenses");

    private DatumaroDetector() {
    }

    static Detection detect(DatasetSource source) throws IOException {
        List<String> files = DatumaroLayout.annotationFiles(source);
        if (files.isEmpty()) {
            return Detection.NONE;
        }
        String file = files.get(0);
        byte[] head = source.head(file, HEAD);
        boolean categories = false;
        boolean items = false;
        try (JsonParser parser = JsonInput.FACTORY.createParser(head)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Detection.NONE;
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (COCO_FIELDS.contains(field)) {
                    return Detection.NONE;
                }
                if (field.equals("categories")) {
                    if (value != JsonToken.START_OBJECT) {
                        return Detection.NONE;
                    }
                    categories = true;
                } else if (field.equals("items")) {
                    if (value != JsonToken.START_ARRAY) {
                        return Detection.NONE;
                    }
                    items = true;
                }
                if (categories && items) {
                    break;
                }
                parser.skipChildren();
            }
        } catch (JsonProcessingException e) {
            // The head ends mid-file (or the file is broken): judge by what was seen.
        }
        if (categories && items) {
            return Detection.strong(file + " has a 'categories' object and an 'items' array");
        }
        if (categories || items) {
            return Detection.medium(file + " has " + (categories ? "a 'categories' object" : "an 'items' array")
                    + " (the rest is beyond the first " + HEAD / 1024 + " KiB)");
        }
        return Detection.NONE;
    }
}
