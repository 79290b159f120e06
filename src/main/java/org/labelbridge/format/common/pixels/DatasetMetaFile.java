package org.labelbridge.format.common.pixels;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.labelbridge.format.common.SafeJson;

/**
 * Datumaro's {@code dataset_meta.json} at a dataset's root: {@code label_map} (class index as
 * text to name), {@code segmentation_colors} ([r, g, b] by class) and {@code background_label}.
 * Where it exists, Datumaro's importers take every part's labels from it, so parts that would
 * otherwise each build their own label list (KITTI's per-subset detection files) agree.
 */
public final class DatasetMetaFile {

    public static final String FILE_NAME = "dataset_meta.json";

    private DatasetMetaFile() {
    }

    /** Writes the classes in class order; class 0 is the background. */
    public static void write(List<LabelColors.Entry> classes, OutputStream out) throws IOException {
        try (JsonGenerator json = SafeJson.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeObjectFieldStart("label_map");
            for (int i = 0; i < classes.size(); i++) {
                json.writeStringField(Integer.toString(i), classes.get(i).name());
            }
            json.writeEndObject();
            json.writeArrayFieldStart("segmentation_colors");
            for (LabelColors.Entry entry : classes) {
                json.writeArray(new int[] {entry.colour().r(), entry.colour().g(), entry.colour().b()}, 0, 3);
            }
            json.writeEndArray();
            json.writeStringField("background_label", "0");
            json.writeEndObject();
        }
    }
}
