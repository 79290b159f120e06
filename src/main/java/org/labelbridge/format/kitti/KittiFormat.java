package org.labelbridge.format.kitti;

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
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.TextFiles;
import org.labelbridge.format.common.pixels.MaskImages;
import org.labelbridge.model.AnnotationKind;

/** CVAT's "KITTI 1.0": label_2 object lines and instance masks per subset (see package-info). */
public final class KittiFormat implements Format {

    private static final int HEAD = 4096;

    private static final FormatDescriptor DESCRIPTOR = new FormatDescriptor(
            "kitti", "KITTI 1.0", true, true,
            EnumSet.of(AnnotationKind.BBOX, AnnotationKind.MASK, AnnotationKind.POLYGON, AnnotationKind.ELLIPSE),
            EnumSet.of(Feature.SUBSETS, Feature.Z_ORDER, Feature.ROTATION, Feature.ANNOTATION_ATTRIBUTES),
            "");

    @Override
    public FormatDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * Strong: a subset's first label_2 file starts with a 15/16-value object line, or its
     * instance masks are PNGs. A subset beside KITTI 3D folders (calib/, velodyne/) is not
     * claimed: that is KITTI's 3D object data, another format.
     */
    @Override
    public Detection detect(DatasetSource source) throws IOException {
        for (String prefix : KittiFiles.subsetFolders(source)) {
            if (KittiFiles.holdsThreeD(source, prefix)) {
                continue;
            }
            List<String> labels = source.filesUnder(prefix + KittiFiles.LABELS).stream()
                    .filter(f -> f.endsWith(".txt")).toList();
            for (String file : labels) {
                String text = TextFiles.head(source, file, HEAD);
                String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse(null);
                if (first == null) {
                    continue;
                }
                try {
                    KittiLine.parse(first, file, 1);
                    return Detection.strong("KITTI object lines (" + file + ")");
                } catch (FormatException e) {
                    return Detection.NONE;
                }
            }
            List<String> masks = source.filesUnder(prefix + KittiFiles.INSTANCES).stream()
                    .filter(f -> f.endsWith(".png")).toList();
            if (!masks.isEmpty()) {
                return MaskImages.isPng(source, masks.get(0))
                        ? Detection.strong("KITTI instance masks (" + masks.get(0) + ")")
                        : Detection.medium("KITTI instance mask names (" + masks.get(0) + ")");
            }
            if (!labels.isEmpty()) {
                return Detection.medium("empty KITTI label files (" + labels.get(0) + ")");
            }
        }
        return Detection.NONE;
    }

    @Override
    public DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        return new KittiReader(source, problems);
    }

    @Override
    public DatasetWriter writer(DatasetOutput output, Problems problems) {
        return new KittiWriter(output, problems);
    }
}
