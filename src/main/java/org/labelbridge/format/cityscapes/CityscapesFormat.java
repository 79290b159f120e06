package org.labelbridge.format.cityscapes;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Detection;
import org.labelbridge.format.Feature;
import org.labelbridge.format.Format;
import org.labelbridge.format.FormatDescriptor;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.pixels.MaskImages;
import org.labelbridge.model.AnnotationKind;

/** CVAT's "Cityscapes 1.0": gtFine id masks and imgsFine images (see package-info). */
public final class CityscapesFormat implements Format {

    private static final List<String> ID_MASKS = List.of(CityscapesFiles.INSTANCE_IDS, CityscapesFiles.LABEL_TRAIN_IDS,
            CityscapesFiles.LABEL_IDS);

    private static final FormatDescriptor DESCRIPTOR = new FormatDescriptor(
            "cityscapes", "Cityscapes 1.0", true, true,
            EnumSet.of(AnnotationKind.MASK, AnnotationKind.POLYGON, AnnotationKind.BBOX, AnnotationKind.ELLIPSE),
            EnumSet.of(Feature.SUBSETS, Feature.Z_ORDER, Feature.ROTATION, Feature.ANNOTATION_ATTRIBUTES),
            "");

    @Override
    public FormatDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Strong: a gtFine id mask that is a PNG; weak: only imgsFine/leftImg8bit images. */
    @Override
    public Detection detect(DatasetSource source) throws IOException {
        for (String file : source.filesUnder(CityscapesFiles.GT_FINE)) {
            if (ID_MASKS.stream().anyMatch(file::endsWith)) {
                return MaskImages.isPng(source, file)
                        ? Detection.strong("Cityscapes id masks (" + file + ")")
                        : Detection.medium("Cityscapes mask names (" + file + ")");
            }
        }
        for (String file : source.filesUnder(CityscapesFiles.IMAGES)) {
            if (file.contains(CityscapesFiles.IMAGE_SUFFIX + ".")) {
                return Detection.weak("Cityscapes images without masks (" + file + ")");
            }
        }
        return Detection.NONE;
    }

    @Override
    public DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        return new CityscapesReader(source, problems);
    }

    @Override
    public DatasetWriter writer(DatasetOutput output, Problems problems) {
        return new CityscapesWriter(output, problems);
    }
}
