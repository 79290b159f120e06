package org.labelbridge.format.lfw;

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
import org.labelbridge.model.AnnotationKind;

/** LFW 1.0: a person per image, matched and mismatched pairs, 5-point landmarks. */
public final class LfwFormat implements Format {

    private static final FormatDescriptor DESCRIPTOR = new FormatDescriptor("lfw", "LFW 1.0", true, true,
            Set.of(AnnotationKind.TAG, AnnotationKind.POINTS), Set.of(Feature.ANNOTATION_ATTRIBUTES, Feature.SUBSETS), "");

    @Override
    public FormatDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** An {@code annotations/pairs.txt} in a subset folder (or the root); strong with a sibling people or landmarks file. */
    @Override
    public Detection detect(DatasetSource source) throws IOException {
        List<LfwFiles.Subset> subsets = LfwFiles.subsets(source);
        if (subsets.isEmpty()) {
            return Detection.NONE;
        }
        LfwFiles.Subset first = subsets.get(0);
        String pairs = first.annotations(LfwFiles.PAIRS_FILE);
        boolean sibling = source.exists(first.annotations(LfwFiles.PEOPLE_FILE))
                || source.exists(first.annotations(LfwFiles.LANDMARKS_FILE));
        return sibling ? Detection.strong(pairs + " with people.txt or landmarks.txt") : Detection.medium(pairs);
    }

    @Override
    public DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        return new LfwReader(source);
    }

    @Override
    public DatasetWriter writer(DatasetOutput output, Problems problems) {
        return new LfwWriter(output, problems);
    }
}
