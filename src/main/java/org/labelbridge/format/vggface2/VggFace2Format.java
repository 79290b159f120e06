package org.labelbridge.format.vggface2;

import java.io.IOException;
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

/** VGGFace2 1.0: a face box and 5 landmarks per image, labelled by identity folders. */
public final class VggFace2Format implements Format {

    private static final FormatDescriptor DESCRIPTOR = new FormatDescriptor("vggface2", "VGGFace2 1.0", true, true,
            Set.of(AnnotationKind.BBOX, AnnotationKind.POINTS, AnnotationKind.TAG), Set.of(Feature.SUBSETS), "");

    @Override
    public FormatDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** A {@code bb_landmark/loose_*_<subset>.csv}; strong when it starts with the {@code NAME_ID} header. */
    @Override
    public Detection detect(DatasetSource source) throws IOException {
        for (String file : source.filesIn(VggFace2Files.ANNOTATIONS_DIR)) {
            if (VggFace2Files.subsetOf(file) != null) {
                String head = TextFiles.head(source, file, 64);
                return head.startsWith(VggFace2Files.NAME_ID + ",")
                        ? Detection.strong(file + " (NAME_ID header)") : Detection.medium(file);
            }
        }
        return Detection.NONE;
    }

    @Override
    public DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        return new VggFace2Reader(source, problems);
    }

    @Override
    public DatasetWriter writer(DatasetOutput output, Problems problems) {
        return new VggFace2Writer(output, problems);
    }
}
