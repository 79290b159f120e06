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
 * ICDAR text segmentation: a mask per character, {@code <subset>/<image>_GT.txt} and
 * {@code _GT.bmp}. Boxes, polygons and ellipses are written rasterised into character masks.
 */
public final class IcdarSegmentationFormat implements Format {

    private static final FormatDescriptor DESCRIPTOR = new FormatDescriptor("icdar_segmentation",
            "ICDAR Segmentation 1.0", true, true,
            EnumSet.of(AnnotationKind.MASK, AnnotationKind.POLYGON, AnnotationKind.BBOX, AnnotationKind.ELLIPSE),
            EnumSet.of(Feature.SUBSETS, Feature.UNLABELLED, Feature.ANNOTATION_ATTRIBUTES, Feature.GROUPS,
                    Feature.ROTATION), "");

    @Override
    public FormatDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** A {@code <subset>/*_GT.txt} beside its {@code _GT.bmp}, whose first line is a character line. */
    @Override
    public Detection detect(DatasetSource source) throws IOException {
        String suffix = IcdarLayout.SEGMENTATION_SUFFIX + IcdarLayout.TEXT_EXT;
        return IcdarDetector.detect(source, IcdarTask.TEXT_SEGMENTATION,
                file -> file.endsWith(suffix) && source.exists(
                        file.substring(0, file.length() - IcdarLayout.TEXT_EXT.length()) + IcdarLayout.BITMAP_EXT),
                line -> {
                    try {
                        SegmentationLine.parse(line);
                        return true;
                    } catch (MalformedLine e) {
                        return false;
                    }
                });
    }

    @Override
    public DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        return new SegmentationReader(source, problems);
    }

    @Override
    public DatasetWriter writer(DatasetOutput output, Problems problems) {
        return new SegmentationWriter(output, problems);
    }
}
