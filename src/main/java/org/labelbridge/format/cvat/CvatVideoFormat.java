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

/**
 * CVAT for video 1.1: {@code annotations.xml} with {@code <track>}s of per-frame shapes, and
 * {@code images/frame_000000.png}. Read with the same reader as CVAT for images (as CVAT's one
 * importer does); written by {@link CvatVideoWriter}. The kinds and features are what CVAT's
 * video dump holds: no tags; of the item attributes, the frame number.
 */
public final class CvatVideoFormat implements Format {

    public static final String ID = "cvat_video";

    private static final FormatDescriptor DESCRIPTOR = new FormatDescriptor(ID, CvatVideoWriter.FORMAT_NAME,
            true, true,
            EnumSet.of(AnnotationKind.BBOX, AnnotationKind.POLYGON, AnnotationKind.POLYLINE, AnnotationKind.POINTS,
                    AnnotationKind.MASK, AnnotationKind.ELLIPSE, AnnotationKind.CUBOID_2D, AnnotationKind.SKELETON),
            EnumSet.of(Feature.ANNOTATION_ATTRIBUTES, Feature.ITEM_ATTRIBUTES, Feature.TRACKS, Feature.HIDDEN_SHAPES,
                    Feature.GROUPS, Feature.Z_ORDER, Feature.SUBSETS, Feature.ROTATION),
            ".xml");

    @Override
    public FormatDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Detection detect(DatasetSource source) throws IOException {
        return CvatDetector.detect(source, true);
    }

    @Override
    public DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        return new CvatReader(source, problems);
    }

    @Override
    public DatasetWriter writer(DatasetOutput output, Problems problems) {
        return new CvatVideoWriter(output, problems);
    }
}
