package org.labelbridge.format.labelstudio;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.labelbridge.format.common.SafeJson;

/**
 * What the start of a JSON file says: Label Studio's export is a list of task objects (an
 * import may be one task), each with {@code data} and its {@code annotations} or
 * {@code predictions}. COCO's, Datumaro's and LabelMe's files are one object of other keys.
 */
enum TaskProbe {
    /** A task with data and annotations or predictions. */
    TASKS,
    /** Cut off (or broken) before a task was seen whole, but it started like one. */
    LIKELY,
    NOT_TASKS;

    static TaskProbe of(byte[] head) {
        boolean data = false;
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
                data |= name.equals("data") && parser.nextToken() == JsonToken.START_OBJECT;
                results |= (name.equals("annotations") || name.equals("predictions") || name.equals("completions"))
                        && parser.nextToken() == JsonToken.START_ARRAY;
                if (parser.currentToken() == JsonToken.FIELD_NAME) {
                    parser.nextToken();
                }
                parser.skipChildren();
            }
            return data && results ? TASKS : NOT_TASKS;
        } catch (IOException | RuntimeException e) {
            // cut off by the probe's limit, or broken after it began like a task: the reader says where
            return data || results ? LIKELY : NOT_TASKS;
        }
    }
}
