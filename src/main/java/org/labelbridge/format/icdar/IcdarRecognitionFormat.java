package org.labelbridge.format.icdar;

import java.io.IOException;
import java.util.EnumSet;
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

/**
 * ICDAR word recognition: a caption per cropped word image, {@code <subset>/gt.txt}. A tag
 * with a {@code caption} attribute (CVAT's form: label "icdar", attribute "caption") is
 * written as a caption.
 */
public final class IcdarRecognitionFormat implements Format {

    private static final FormatDescriptor DESCRIPTOR = new FormatDescriptor("icdar_recognition",
            "ICDAR Recognition 1.0", true, true, EnumSet.of(AnnotationKind.CAPTION, AnnotationKind.TAG),
            EnumSet.of(Feature.SUBSETS, Feature.UNLABELLED, Feature.ANNOTATION_ATTRIBUTES), "");

    @Override
    public FormatDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** A {@code <subset>/gt.txt} whose first line starts with an image file name and a comma. */
    @Override
    public Detection detect(DatasetSource source) throws IOException {
        return IcdarDetector.detect(source, IcdarTask.WORD_RECOGNITION, file -> true, RecognitionLine::looksLikeOne);
    }

    @Override
    public DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        return new RecognitionReader(source, problems);
    }

    @Override
    public DatasetWriter writer(DatasetOutput output, Problems problems) {
        return new RecognitionWriter(output, problems);
    }
}
