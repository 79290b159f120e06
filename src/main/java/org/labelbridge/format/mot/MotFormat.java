package org.labelbridge.format.mot;

import java.io.IOException;
import java.util.EnumSet;
import java.util.regex.Pattern;
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

/** MOT 1.1: a MOT Challenge sequence, {@code gt/gt.txt} with its labels and frames (see package-info). */
public final class MotFormat implements Format {

    public static final String ID = "mot";

    private static final FormatDescriptor DESCRIPTOR = new FormatDescriptor(ID, "MOT 1.1", true, true,
            EnumSet.of(AnnotationKind.BBOX),
            EnumSet.of(Feature.TRACKS, Feature.ANNOTATION_ATTRIBUTES, Feature.ITEM_ATTRIBUTES, Feature.UNLABELLED),
            "");

    /** A gt.txt row: frame, track, then at least four numbers. */
    private static final Pattern ROW = Pattern.compile(
            "\\s*\\d+\\s*,\\s*-?\\d+\\s*(,\\s*[-+0-9.eE]+\\s*){4}(,.*)?");

    @Override
    public FormatDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Strong when gt/gt.txt starts with a MOT row, medium when it is there but starts otherwise. */
    @Override
    public Detection detect(DatasetSource source) throws IOException {
        if (!source.exists(MotLayout.GT_FILE)) {
            return Detection.NONE;
        }
        String head = TextFiles.head(source, MotLayout.GT_FILE, 512);
        String first = head.strip().lines().findFirst().orElse("");
        if (ROW.matcher(first).matches()) {
            return Detection.strong(MotLayout.GT_FILE + ": MOT rows (frame, track, x, y, w, h, ...)");
        }
        return Detection.medium(MotLayout.GT_FILE);
    }

    @Override
    public DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        return new MotReader(source, problems);
    }

    @Override
    public DatasetWriter writer(DatasetOutput output, Problems problems) {
        return new MotWriter(output, problems);
    }
}
