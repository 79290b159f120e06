package org.labelbridge.format.ultralytics;

import java.util.ArrayList;
import java.util.List;
import org.labelbridge.format.FormatException;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Points;
import org.labelbridge.model.Skeleton;
import org.labelbridge.model.SkeletonDef;

/**
 * Pose: {@code class cx cy w h px1 py1 [v1] px2 py2 [v2] ... [track_id]}, a box and then the
 * keypoints, {@code kpt_shape} of them with 2 or 3 values each, fractions of the image;
 * visibility 0 absent, 1 hidden, 2 visible (2 when not given). The model's skeleton has no box:
 * the writer gives the box around the points that are not absent, as CVAT does.
 */
final class PoseLine {

    /** How far (as a fraction of the image) a file's box may lie from the points' box and still be theirs. */
    private static final double SAME_BOX = 1e-5;

    /** A skeleton read from a line, and whether the line's box was other than the points' box. */
    record Read(Skeleton skeleton, boolean otherBox) {
    }

    private PoseLine() {
    }

    static Read read(LabelLine line, ClassNames names, DataYaml.KptShape shape, int width, int height)
            throws FormatException {
        int expected = 5 + shape.points() * shape.values();
        if (line.size() != expected && line.size() != expected + 1) {
            throw line.error("expected " + expected + " fields (class cx cy w h, then " + shape.values()
                    + " values for each of " + shape.points() + " keypoints, as kpt_shape says) and an optional"
                    + " track id, got " + line.size());
        }
        int label = names.labelOf(line);
        double[] box = new double[4];
        String[] boxFields = {"the box centre x", "the box centre y", "the box width", "the box height"};
        for (int i = 0; i < 4; i++) {
            box[i] = line.number(i + 1, boxFields[i]);
        }
        SkeletonDef def = names.categories().skeletons().get(label);
        List<Points> nodes = new ArrayList<>(shape.points());
        double[] seen = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int p = 0; p < shape.points(); p++) {
            int at = 5 + p * shape.values();
            double x = line.number(at, "keypoint " + (p + 1) + " x");
            double y = line.number(at + 1, "keypoint " + (p + 1) + " y");
            byte visibility = shape.values() == 3 ? visibility(line, at + 2, p) : Points.VISIBLE;
            if (visibility != Points.ABSENT) {
                seen[0] = Math.min(seen[0], x);
                seen[1] = Math.min(seen[1], y);
                seen[2] = Math.max(seen[2], x);
                seen[3] = Math.max(seen[3], y);
            }
            nodes.add(new Points(AnnotationInfo.of(def.nodeLabels().get(p)), new double[] {x * width, y * height},
                    new byte[] {visibility}));
        }
        AnnotationInfo info = AnnotationInfo.of(label);
        if (line.size() == expected + 1) {
            info = info.withTrack(line.track(expected));
        }
        return new Read(new Skeleton(info, nodes), !sameBox(box, seen));
    }

    private static byte visibility(LabelLine line, int field, int point) throws FormatException {
        double value = line.number(field, "keypoint " + (point + 1) + " visibility");
        if (value != 0 && value != 1 && value != 2) {
            throw line.error("expected keypoint " + (point + 1) + " visibility 0 (absent), 1 (hidden) or 2 (visible)");
        }
        return (byte) value;
    }

    /** Whether the line's box ({@code cx cy w h}) is the box around the points ({@code x1 y1 x2 y2}). */
    private static boolean sameBox(double[] box, double[] points) {
        if (points[0] > points[2]) {
            points = new double[4]; // no point: Datumaro's empty box
        }
        return Math.abs(box[0] - box[2] / 2 - points[0]) <= SAME_BOX
                && Math.abs(box[1] - box[3] / 2 - points[1]) <= SAME_BOX
                && Math.abs(box[0] + box[2] / 2 - points[2]) <= SAME_BOX
                && Math.abs(box[1] + box[3] / 2 - points[3]) <= SAME_BOX;
    }

    /**
     * The line of a skeleton whose points are already in keypoint order ({@code null} for a
     * missing point, written absent), padded with absent points to {@code points}; or
     * {@code null} when its numbers are not finite.
     */
    static String write(int classId, List<Points> ordered, int points, int width, int height) {
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        double[] values = new double[4 + 3 * points];
        for (int p = 0; p < points; p++) {
            Points node = p < ordered.size() ? ordered.get(p) : null;
            if (node == null || node.size() == 0) {
                continue; // 0 0 0: absent
            }
            double x = node.x(0);
            double y = node.y(0);
            byte visibility = node.visibility(0);
            values[4 + 3 * p] = x / width;
            values[5 + 3 * p] = y / height;
            values[6 + 3 * p] = visibility;
            if (visibility != Points.ABSENT) {
                minX = Math.min(minX, x);
                minY = Math.min(minY, y);
                maxX = Math.max(maxX, x);
                maxY = Math.max(maxY, y);
            }
        }
        if (minX <= maxX) {
            values[0] = (minX + maxX) / 2 / width;
            values[1] = (minY + maxY) / 2 / height;
            values[2] = (maxX - minX) / width;
            values[3] = (maxY - minY) / height;
        }
        return LineText.of(classId, values);
    }
}
