package org.labelbridge.format.ultralytics;

import org.labelbridge.format.FormatException;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;

/**
 * Oriented bounding boxes: {@code class x1 y1 x2 y2 x3 y3 x4 y4 [track_id]}, the four corners
 * of a rotated box, fractions of the image (see {@link OrientedBox} for their order).
 */
final class ObbLine {

    /** How far from a rectangle's, relative to the image's larger side, corners may lie: 6-decimal fractions. */
    private static final double TOLERANCE = 1e-5;

    private ObbLine() {
    }

    static OrientedBox.Fit fit(LabelLine line, int width, int height) throws FormatException {
        if (line.size() != 9 && line.size() != 10) {
            throw line.error("expected 9 fields (class x1 y1 x2 y2 x3 y3 x4 y4) and an optional track id, got "
                    + line.size());
        }
        double[] corners = new double[8];
        for (int i = 0; i < 8; i++) {
            boolean x = i % 2 == 0;
            corners[i] = line.number(i + 1, "corner " + (i / 2 + 1) + (x ? " x" : " y")) * (x ? width : height);
        }
        return OrientedBox.fromCorners(corners, TOLERANCE * Math.max(width, height));
    }

    static AnnotationInfo info(LabelLine line, ClassNames names) throws FormatException {
        AnnotationInfo info = AnnotationInfo.of(names.labelOf(line));
        return line.size() == 10 ? info.withTrack(line.track(9)) : info;
    }

    /** The line of a (rotated) box, or {@code null} when its numbers are not finite. */
    static String write(int classId, Bbox box, int width, int height) {
        double[] corners = OrientedBox.corners(box);
        for (int i = 0; i < 8; i++) {
            corners[i] /= i % 2 == 0 ? width : height;
        }
        return LineText.of(classId, corners);
    }
}
