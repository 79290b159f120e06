package org.labelbridge.format.ultralytics;

import java.io.IOException;
import org.labelbridge.format.common.ImagesMeta;
import java.util.ArrayList;
import java.util.List;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Detection;
import org.labelbridge.format.Format;
import org.labelbridge.format.FormatDescriptor;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;

/** The four tasks with data.yaml and a label file per image; they differ only in their label lines. */
abstract class LabelFilesFormat implements Format {

    private final UltralyticsTask task;

    LabelFilesFormat(UltralyticsTask task) {
        this.task = task;
    }

    @Override
    public FormatDescriptor descriptor() {
        return task.descriptor();
    }

    @Override
    public Detection detect(DatasetSource source) throws IOException {
        return TaskDetector.detect(source, task);
    }

    @Override
    public DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        DataYaml yaml = DataYaml.read(source, UltralyticsLayout.requireConfigFile(source));
        List<String> notes = new ArrayList<>(yaml.notes);
        ClassNames names;
        if (task == UltralyticsTask.POSE) {
            if (yaml.kptShape == null) {
                throw FormatException.at(yaml.file, null, "expected kpt_shape: [number of keypoints, 2 or 3]"
                        + " (values per keypoint): " + task.displayName() + " needs it to read its label lines");
            }
            names = ClassNames.skeletons(yaml, yaml.kptShape.points(), notes);
            if (yaml.flipIdx != null) {
                notes.add(yaml.file + ": flip_idx " + yaml.flipIdx + " is not kept (the model has no place for it)");
            }
        } else {
            names = ClassNames.flat(yaml, notes);
            if (yaml.kptShape != null) {
                notes.add(yaml.file + ", line " + yaml.kptShape.line() + ": kpt_shape is not used by "
                        + task.displayName());
            }
        }
        notes.forEach(problems::dataset);
        ImagesMeta meta = source.exists(UltralyticsLayout.IMAGES_META)
                ? ImagesMeta.read(source, UltralyticsLayout.IMAGES_META) : ImagesMeta.NONE;
        return new UltralyticsReader(source, problems, task, yaml, names, meta);
    }

    @Override
    public DatasetWriter writer(DatasetOutput output, Problems problems) {
        return new UltralyticsWriter(output, problems, task);
    }
}
