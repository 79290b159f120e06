package org.labelbridge.format.segmask;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
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
import org.labelbridge.format.common.pixels.VocLabelMap;
import org.labelbridge.model.AnnotationKind;

/** CVAT's "Segmentation mask 1.1": VOC-style class and instance PNGs (see package-info). */
public final class SegmentationMaskFormat implements Format {

    static final String LISTS_DIR = "ImageSets/Segmentation";
    static final String CLASS_DIR = "SegmentationClass";
    static final String OBJECT_DIR = "SegmentationObject";
    static final String IMAGES_DIR = "JPEGImages";
    static final String MASK_EXT = ".png";


    private static final FormatDescriptor DESCRIPTOR = new FormatDescriptor(
            "segmentation_mask", "Segmentation mask 1.1", true, true,
            EnumSet.of(AnnotationKind.MASK, AnnotationKind.POLYGON, AnnotationKind.BBOX, AnnotationKind.ELLIPSE),
            EnumSet.of(Feature.SUBSETS, Feature.GROUPS, Feature.Z_ORDER, Feature.ROTATION),
            "");

    @Override
    public FormatDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Detection detect(DatasetSource source) throws IOException {
        List<String> lists = subsetLists(source);
        List<String> masks = maskFiles(source);
        if (lists.isEmpty() && masks.isEmpty()) {
            return Detection.NONE;
        }
        // A full Pascal VOC dataset has these too; the voc format reads it whole.
        if (!source.filesIn("Annotations").isEmpty() || !source.filesIn("ImageSets/Main").isEmpty()) {
            return Detection.NONE;
        }
        if (lists.isEmpty()) {
            return Detection.weak(CLASS_DIR + "/ or " + OBJECT_DIR + "/ PNGs without " + LISTS_DIR + " lists");
        }
        if (masks.isEmpty()) {
            return source.exists(VocLabelMap.FILE_NAME)
                    ? Detection.medium(lists.get(0) + " and " + VocLabelMap.FILE_NAME)
                    : Detection.weak(lists.get(0) + " without masks");
        }
        return MaskImages.isPng(source, masks.get(0))
                ? Detection.strong(lists.get(0) + " and PNG masks (" + masks.get(0) + ")")
                : Detection.medium(lists.get(0) + " and " + masks.get(0));
    }

    @Override
    public DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        return new SegmentationMaskReader(source, problems);
    }

    @Override
    public DatasetWriter writer(DatasetOutput output, Problems problems) {
        return new SegmentationMaskWriter(output, problems);
    }

    static List<String> subsetLists(DatasetSource source) {
        return source.filesIn(LISTS_DIR).stream().filter(f -> f.endsWith(".txt")).toList();
    }

    static List<String> maskFiles(DatasetSource source) {
        return Stream.concat(source.filesUnder(CLASS_DIR).stream(), source.filesUnder(OBJECT_DIR).stream())
                .filter(f -> f.toLowerCase(Locale.ROOT).endsWith(MASK_EXT)).toList();
    }
}
