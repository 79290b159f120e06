package org.labelbridge.format.cvat;

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

/** CVAT for images 1.1: {@code annotations.xml} with one {@code <image>} per item, and {@code images/}. */
public final class CvatImagesFormat implements Format {

    public static final String ID = "cvat_images";

    private static final FormatDescriptor DESCRIPTOR = new FormatDescriptor(ID, "CVAT for images 1.1", true, true,
            EnumSet.of(AnnotationKind.TAG, AnnotationKind.BBOX, AnnotationKind.POLYGON, AnnotationKind.POLYLINE,
                    AnnotationKind.POINTS, AnnotationKind.MASK, AnnotationKind.ELLIPSE, AnnotationKind.CUBOID_2D,
                    AnnotationKind.SKELETON),
            EnumSet.of(Feature.ANNOTATION_ATTRIBUTES, Feature.GROUPS, Feature.Z_ORDER, Feature.SUBSETS, Feature.ROTATION),
            ".xml");

    @Override
    public FormatDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Detection detect(DatasetSource source) throws IOException {
        return CvatDetector.detect(source, false);
    }

    @Override
    public DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        return new CvatReader(source, problems);
    }

    @Override
    public DatasetWriter writer(DatasetOutput output, Problems problems) {
        return new CvatImagesWriter(output, problems);
    }
}
