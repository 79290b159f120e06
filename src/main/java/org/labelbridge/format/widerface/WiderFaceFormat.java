package org.labelbridge.format.widerface;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Detection;
import org.labelbridge.format.Feature;
import org.labelbridge.format.Format;
import org.labelbridge.format.FormatDescriptor;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.TextFiles;
import org.labelbridge.model.AnnotationKind;

/** WIDER Face 1.0: face boxes with flags, an event-folder tag per image. */
public final class WiderFaceFormat implements Format {

    private static final FormatDescriptor DESCRIPTOR = new FormatDescriptor("wider_face", "WiderFace 1.0", true, true,
            Set.of(AnnotationKind.BBOX, AnnotationKind.TAG), Set.of(Feature.ANNOTATION_ATTRIBUTES, Feature.SUBSETS), "");

    @Override
    public FormatDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** A {@code wider_face_split/wider_face_*_bbx_gt.txt}; strong when its first line names an image. */
    @Override
    public Detection detect(DatasetSource source) throws IOException {
        List<String> files = source.filesIn(WiderFaceFiles.ANNOTATIONS_DIR).stream()
                .filter(WiderFaceFiles::isAnnotationFile).toList();
        if (files.isEmpty()) {
            return Detection.NONE;
        }
        String first = TextFiles.head(source, files.get(0), 1024).strip().split("\n", 2)[0].strip();
        boolean looksLikeImage = first.contains("/") && first.contains(".");
        return looksLikeImage ? Detection.strong(files.get(0) + " (starts with an image path)")
                : Detection.medium(files.get(0));
    }

    @Override
    public DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        return new WiderFaceReader(source, problems);
    }

    @Override
    public DatasetWriter writer(DatasetOutput output, Problems problems) {
        return new WiderFaceWriter(output, problems);
    }
}
