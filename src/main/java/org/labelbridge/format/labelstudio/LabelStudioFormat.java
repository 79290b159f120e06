package org.labelbridge.format.labelstudio;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Detection;
import org.labelbridge.format.Feature;
import org.labelbridge.format.Format;
import org.labelbridge.format.FormatDescriptor;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.model.AnnotationKind;

/** Label Studio's JSON export of image tasks (see package-info). */
public final class LabelStudioFormat implements Format {

    private static final FormatDescriptor DESCRIPTOR = new FormatDescriptor("label_studio",
            "Label Studio JSON (not a CVAT format)", true, true,
            EnumSet.of(AnnotationKind.BBOX, AnnotationKind.POLYGON, AnnotationKind.POINTS, AnnotationKind.MASK,
                    AnnotationKind.TAG, AnnotationKind.CAPTION),
            EnumSet.of(Feature.ANNOTATION_ATTRIBUTES, Feature.ITEM_ATTRIBUTES, Feature.GROUPS, Feature.ROTATION,
                    Feature.UNLABELLED), ".json");

    /** How far into a JSON file the detector and the reader look to tell a tasks file. */
    private static final int PROBED_BYTES = 1 << 16;

    @Override
    public FormatDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Strong when a JSON file starts with a task ({@code data} and {@code annotations} or {@code predictions}). */
    @Override
    public Detection detect(DatasetSource source) throws IOException {
        boolean likely = false;
        String example = null;
        for (String file : jsonFiles(source)) {
            TaskProbe probe = probe(source, file);
            if (probe == TaskProbe.TASKS) {
                return Detection.strong(file + " is a list of tasks with data and annotations");
            }
            if (probe == TaskProbe.LIKELY && example == null) {
                likely = true;
                example = file;
            }
        }
        return likely ? Detection.medium(example + " starts like a list of tasks") : Detection.NONE;
    }

    @Override
    public DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        List<String> tasks = new ArrayList<>();
        for (String file : jsonFiles(source)) {
            if (probe(source, file) != TaskProbe.NOT_TASKS) {
                tasks.add(file);
            } else {
                problems.dataset("'" + file + "' is not read: it is no list of Label Studio tasks");
            }
        }
        if (tasks.isEmpty()) {
            throw new FormatException("no Label Studio tasks file: expected a .json file holding a list of tasks"
                    + " ([{\"data\": {\"image\": ...}, \"annotations\": [...]}, ...]); looked at "
                    + (jsonFiles(source).isEmpty() ? "no .json file" : String.join(", ", jsonFiles(source))));
        }
        return new LabelStudioReader(source, tasks, problems);
    }

    @Override
    public DatasetWriter writer(DatasetOutput output, Problems problems) {
        return new LabelStudioWriter(output, problems);
    }

    private static List<String> jsonFiles(DatasetSource source) {
        return source.files().stream().filter(f -> f.toLowerCase(Locale.ROOT).endsWith(".json")).toList();
    }

    private static TaskProbe probe(DatasetSource source, String file) throws IOException {
        return TaskProbe.of(source.head(file, PROBED_BYTES));
    }
}
