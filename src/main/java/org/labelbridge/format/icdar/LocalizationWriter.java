package org.labelbridge.format.icdar;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.FileNames;
import org.labelbridge.format.common.NumberText;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Item;
import org.labelbridge.model.Polygon;

/**
 * Writes a {@code gt_<image>.txt} per item (empty when it has no text regions): boxes as
 * {@code xmin ymin xmax ymax "text"}, polygons as {@code x1,y1,...,"text"}, as Datumaro does.
 * A rotated box is written as its four corners and so reads back as a polygon. A triangle is
 * written as four points, its last repeated: Datumaro's reader (CVAT's) takes 8 or more values
 * as a quadrilateral and 4 to 7 as a box, so its 6 values would read as a wrong box.
 */
final class LocalizationWriter extends IcdarWriter {

    private static final Set<String> KEPT = Set.of(IcdarAttributes.TEXT);

    LocalizationWriter(DatasetOutput output, Problems problems) {
        super(output, problems, IcdarTask.TEXT_LOCALIZATION, "ICDAR Localization 1.0");
    }

    @Override
    public void write(Item given) throws IOException {
        Item item = FileNames.withPathId(given, problems, "ICDAR");
        String folder = subsetFolder(item);
        int slash = item.id().lastIndexOf('/');
        String file = folder + "/" + item.id().substring(0, slash + 1) + IcdarLayout.LOCALIZATION_PREFIX
                + item.id().substring(slash + 1) + IcdarLayout.TEXT_EXT;
        try (Writer out = new OutputStreamWriter(output.entry(file), StandardCharsets.UTF_8)) {
            for (Annotation a : item.annotations()) {
                String line = line(item, a);
                if (line != null) {
                    IcdarText.writeLine(out, line);
                }
            }
        }
        copyImage(item, imageFile(item));
    }

    private String line(Item item, Annotation a) {
        String coordinates;
        if (a instanceof Bbox b && b.rotation() == 0) {
            coordinates = NumberText.of(b.x()) + " " + NumberText.of(b.y()) + " " + NumberText.of(b.x2())
                    + " " + NumberText.of(b.y2());
        } else if (a instanceof Bbox b) {
            problems.converted(item.id(), AnnotationKind.BBOX, 1, AnnotationKind.POLYGON, 1,
                    "rotated box written as its four corners: it reads back as a polygon");
            coordinates = joined(corners(b));
        } else if (a instanceof Polygon p && p.size() == 3) {
            problems.changed(item.id(), a.kind(), "a triangle written with its last point repeated: CVAT's importer"
                    + " reads 6 values as a box and 8 as a quadrilateral");
            double[] xy = p.points();
            coordinates = joined(new double[] {xy[0], xy[1], xy[2], xy[3], xy[4], xy[5], xy[4], xy[5]});
        } else if (a instanceof Polygon p && p.size() > 3) {
            if (p.size() != 4) {
                problems.changed(item.id(), a.kind(), "a " + p.size() + "-point polygon is written whole, but ICDAR"
                        + " regions are quadrilaterals: other ICDAR readers (CVAT's too) keep only its first 4 points");
            }
            coordinates = joined(p.points());
        } else {
            // the pipeline gives only boxes and polygons
            problems.dropped(item.id(), a.kind(), "a polygon needs at least 3 points");
            return null;
        }
        reportLost(item, a, KEPT);
        Object text = a.attributes().get(IcdarAttributes.TEXT);
        if (text == null) {
            return coordinates;
        }
        String value = text(text);
        if (IcdarText.hasLineBreak(value)) {
            problems.changed(item.id(), a.kind(), "line breaks in the text written as spaces: a region is one line");
            value = IcdarText.withoutLineBreaks(value);
        }
        return coordinates + (a.kind() == AnnotationKind.BBOX && coordinates.indexOf(',') < 0 ? " " : ",")
                + "\"" + value + "\"";
    }

    private static String joined(double[] xy) {
        StringBuilder out = new StringBuilder();
        for (double v : xy) {
            out.append(out.length() == 0 ? "" : ",").append(NumberText.of(v));
        }
        return out.toString();
    }

    /** The corners of a box rotated clockwise about its centre: top left, top right, bottom right, bottom left. */
    static double[] corners(Bbox b) {
        double cx = b.x() + b.w() / 2, cy = b.y() + b.h() / 2;
        double t = Math.toRadians(b.rotation()), cos = Math.cos(t), sin = Math.sin(t);
        double[] offsets = {-b.w() / 2, -b.h() / 2, b.w() / 2, -b.h() / 2, b.w() / 2, b.h() / 2, -b.w() / 2, b.h() / 2};
        double[] xy = new double[8];
        for (int i = 0; i < 4; i++) {
            double dx = offsets[2 * i], dy = offsets[2 * i + 1];
            xy[2 * i] = cx + dx * cos - dy * sin;
            xy[2 * i + 1] = cy + dx * sin + dy * cos;
        }
        return xy;
    }
}
