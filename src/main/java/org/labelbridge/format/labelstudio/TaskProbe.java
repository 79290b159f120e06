package org.labelbridge.format.labelstudio;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.format.common.SafeJson;

/**
 * What the start of a JSON file says: Label Studio's export is a list of task objects (an
 * import may be one task), each with {@code data} and its {@code annotations} or
 * {@code predictions}. COCO's, Datumaro's and LabelMe's files are one object of other keys.
 */
enum TaskProbe {
    /** An image task: data naming an image, and annotations or predictions. */
    TASKS,
    /** Cut off (or broken) before a task was seen whole, but it started like one. */
    LIKELY,
    /** Tasks of no image (text, audio, a table row): the reader says so; not a dataset of images to detect. */
    OTHER_TASKS,
    NOT_TASKS;

    /** Reads the data object the parser is at the start of; whether it names an image as the reader finds one. */
    private static boolean hasImage(JsonParser parser) throws IOException {
        boolean image = false;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_STRING) {
                String text = parser.getText();
                image |= key.equals(LabelStudioLayout.IMAGE_KEY) && !text.isBlank()
                        || ImageFiles.isImage(ImageReferences.path(text));
            } else {
                parser.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new IOException("data is no object");
        }
        return image;
    }

    static TaskProbe of(byte[] head) {
        boolean data = false;
        boolean image = false;
        boolean results = false;
        try (JsonParser parser = SafeJson.FACTORY.createParser(head)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY && parser.nextToken() != JsonToken.START_OBJECT) {
                return NOT_TASKS;
            } else if (first != JsonToken.START_ARRAY && first != JsonToken.START_OBJECT) {
                return NOT_TASKS;
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
                if (token != JsonToken.FIELD_NAME) {
                    return NOT_TASKS;
                }
                String name = parser.currentName();
                if (name.equals("data") && parser.nextToken() == JsonToken.START_OBJECT) {
                    image = hasImage(parser);
                    data = true;
                    continue;
                }
                results |= (name.equals("annotations") || name.equals("predictions") || name.equals("completions"))
                        && parser.nextToken() == JsonToken.START_ARRAY;
                if (parser.currentToken() == JsonToken.FIELD_NAME) {
                    parser.nextToken();
                }
                parser.skipChildren();
            }
            return data && results ? (image ? TASKS : OTHER_TASKS) : NOT_TASKS;
        } catch (IOException | RuntimeException e) {
            // cut off by the probe's limit, or broken after it began like a task: the reader says where
            return data && !image ? OTHER_TASKS : data || results ? LIKELY : NOT_TASKS;
        }
    }
}
