package org.labelbridge.format.camvid;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.labelbridge.format.common.pixels.LabelColors;
import org.labelbridge.format.common.pixels.MaskImages;
import org.labelbridge.model.AnnotationKind;

/** CVAT's "CamVid 1.0": per subset a list of image and colour-mask pairs (see package-info). */
public final class CamVidFormat implements Format {

    private static final int HEAD = 4096;

    private static final FormatDescriptor DESCRIPTOR = new FormatDescriptor(
            "camvid", "CamVid 1.0", true, true,
            EnumSet.of(AnnotationKind.MASK, AnnotationKind.POLYGON, AnnotationKind.BBOX, AnnotationKind.ELLIPSE),
            EnumSet.of(Feature.SUBSETS, Feature.Z_ORDER, Feature.ROTATION),
            "");

    @Override
    public FormatDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * Strong: a list pairs an image with a mask that exists and is a PNG (the first such line
     * in the list's first bytes decides; lines without a mask are skipped, as CVAT does).
     */
    @Override
    public Detection detect(DatasetSource source) throws IOException {
        for (String list : subsetLists(source)) {
            byte[] head = source.head(list, HEAD);
            List<String> lines = new String(head, StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
            int complete = head.length == HEAD ? lines.size() - 1 : lines.size(); // the last may be cut short
            for (int i = 0; i < complete; i++) {
                ListLine line;
                try {
                    line = ListLine.parse(lines.get(i), list, i + 1);
                } catch (FormatException e) {
                    return Detection.NONE;
                }
                if (line.mask() == null) {
                    continue;
                }
                if (!source.exists(line.mask())) {
                    return Detection.NONE;
                }
                return MaskImages.isPng(source, line.mask())
                        ? Detection.strong(list + " pairs images with PNG masks (" + line.mask() + ")")
                        : Detection.medium(list + " pairs images with masks (" + line.mask() + ")");
            }
        }
        return Detection.NONE;
    }

    @Override
    public DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        return new CamVidReader(source, problems);
    }

    @Override
    public DatasetWriter writer(DatasetOutput output, Problems problems) {
        return new CamVidWriter(output, problems);
    }

    /** The {@code <subset>.txt} lists: text files in the root other than the label table. */
    static List<String> subsetLists(DatasetSource source) {
        return source.filesIn("").stream()
                .filter(f -> f.endsWith(".txt") && !f.equals(LabelColors.FILE_NAME)).toList();
    }
}
