package org.labelbridge.format.ultralytics;

import org.labelbridge.format.FormatException;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Polygon;

/**
 * Segmentation: {@code class x1 y1 x2 y2 x3 y3 ... [track_id]}, a polygon of at least three
 * points, fractions of the image. An odd count of values after the class means the last one
 * is a track id.
 */
final class SegmentationLine {

    private SegmentationLine() {
    }

    static Polygon read(LabelLine line, ClassNames names, int width, int height) throws FormatException {
        int values = line.size() - 1;
        boolean tracked = values % 2 == 1;
        int coordinates = tracked ? values - 1 : values;
        if (coordinates < 6) {
            throw line.error("expected a class id and at least 3 points (x y), and an optional track id, got "
                    + line.size() + " fields");
        }
        AnnotationInfo info = AnnotationInfo.of(names.labelOf(line));
        double[] points = new double[coordinates];
        for (int i = 0; i < coordinates; i++) {
            boolean x = i % 2 == 0;
            points[i] = line.number(i + 1, "point " + (i / 2 + 1) + (x ? " x" : " y")) * (x ? width : height);
        }
        if (tracked) {
            info = info.withTrack(line.track(line.size() - 1));
        }
        return new Polygon(info, points);
    }

    /** The line of a polygon given flat pixel coordinates, or {@code null} when they are not finite. */
    static String write(int classId, double[] points, int width, int height) {
        double[] fractions = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            fractions[i] = points[i] / (i % 2 == 0 ? width : height);
        }
        return LineText.of(classId, fractions);
    }
}
