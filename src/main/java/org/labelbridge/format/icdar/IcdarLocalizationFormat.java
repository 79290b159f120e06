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
 * ICDAR text localization: word boxes and quadrilaterals with their text,
 * {@code <subset>/gt_<image>.txt}. Rotated boxes are written as their corners (a polygon).
 */
public final class IcdarLocalizationFormat implements Format {

    private static final FormatDescriptor DESCRIPTOR = new FormatDescriptor("icdar_localization",
            "ICDAR Localization 1.0", true, true, EnumSet.of(AnnotationKind.BBOX, AnnotationKind.POLYGON),
            EnumSet.of(Feature.SUBSETS, Feature.UNLABELLED, Feature.ANNOTATION_ATTRIBUTES, Feature.ROTATION), "");

    @Override
    public FormatDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** A {@code <subset>/gt_*.txt} whose first line is a box or a quadrilateral. */
    @Override
    public Detection detect(DatasetSource source) throws IOException {
        return IcdarDetector.detect(source, IcdarTask.TEXT_LOCALIZATION,
                file -> IcdarDetector.fileName(file).startsWith(IcdarLayout.LOCALIZATION_PREFIX),
                line -> {
                    try {
                        LocalizationLine.parse(line);
                        return true;
                    } catch (MalformedLine e) {
                        return false;
                    }
                });
    }

    @Override
    public DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        return new LocalizationReader(source, problems);
    }

    @Override
    public DatasetWriter writer(DatasetOutput output, Problems problems) {
        return new LocalizationWriter(output, problems);
    }
}
