package org.labelbridge.format.ultralytics;

import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;

/**
 * A rotated box and its four corners, in pixels. The corners go as CVAT writes them: the box's
 * top-left, top-right, bottom-right and bottom-left corners, each turned clockwise (on screen,
 * y down) by the box's rotation around its centre. Read back, the first side gives the
 * rotation and the width, the second the height.
 */
final class OrientedBox {

    /** Rotations closer to 0 or 360 degrees than this are none: they are rounding, not turning. */
    private static final double NO_ROTATION = 1e-5;

    /** A box read from corners: {@code exact} when they were a rectangle's. */
    record Fit(double cx, double cy, double w, double h, double rotation, boolean exact) {

        Bbox toBbox(AnnotationInfo info) {
            return new Bbox(info, cx - w / 2, cy - h / 2, w, h, rotation);
        }
    }

    private OrientedBox() {
    }

    /** The corners {@code x1 y1 ... x4 y4}. */
    static double[] corners(Bbox box) {
        double cx = box.x() + box.w() / 2;
        double cy = box.y() + box.h() / 2;
        double radians = Math.toRadians(box.rotation());
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        double hw = box.w() / 2;
        double hh = box.h() / 2;
        double[] local = {-hw, -hh, hw, -hh, hw, hh, -hw, hh};
        double[] out = new double[8];
        for (int i = 0; i < 8; i += 2) {
            out[i] = cx + cos * local[i] - sin * local[i + 1];
            out[i + 1] = cy + sin * local[i] + cos * local[i + 1];
        }
        return out;
    }

    /**
     * The box whose corners the four points {@code p} are, within {@code tolerance} pixels.
     * Points that are no rectangle give the smallest rotated box around them, turned as close
     * as it can be to the direction of their first side.
     */
    static Fit fromCorners(double[] p, double tolerance) {
        double ax = p[2] - p[0];
        double ay = p[3] - p[1];
        double bx = p[4] - p[2];
        double by = p[5] - p[3];
        double a = Math.hypot(ax, ay);
        double b = Math.hypot(bx, by);
        boolean parallelogram = Math.hypot(p[0] + p[4] - p[2] - p[6], p[1] + p[5] - p[3] - p[7]) <= 2 * tolerance;
        boolean rightAngle = Math.abs(ax * bx + ay * by) <= tolerance * (a + b);
        double cx = (p[0] + p[2] + p[4] + p[6]) / 4;
        double cy = (p[1] + p[3] + p[5] + p[7]) / 4;
        if (parallelogram && rightAngle) {
            double w = (a + Math.hypot(p[4] - p[6], p[5] - p[7])) / 2;
            double h = (b + Math.hypot(p[6] - p[0], p[7] - p[1])) / 2;
            double angle = Math.atan2(ay + p[5] - p[7], ax + p[4] - p[6]); // both long sides, averaged
            return new Fit(cx, cy, w, h, degrees(angle), true);
        }
        return smallestAround(p, Math.atan2(ay, ax));
    }

    /** The smallest rectangle around the points has a side along a side of their hull: try each pair. */
    private static Fit smallestAround(double[] p, double firstSide) {
        double bestArea = Double.POSITIVE_INFINITY;
        double[] best = {(p[0] + p[2] + p[4] + p[6]) / 4, (p[1] + p[3] + p[5] + p[7]) / 4, 0, 0, 0};
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                double dx = p[2 * j] - p[2 * i];
                double dy = p[2 * j + 1] - p[2 * i + 1];
                double length = Math.hypot(dx, dy);
                if (length == 0) {
                    continue;
                }
                double ux = dx / length;
                double uy = dy / length;
                double minU = Double.POSITIVE_INFINITY, maxU = Double.NEGATIVE_INFINITY;
                double minV = Double.POSITIVE_INFINITY, maxV = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < 4; k++) {
                    double u = p[2 * k] * ux + p[2 * k + 1] * uy;
                    double v = -p[2 * k] * uy + p[2 * k + 1] * ux;
                    minU = Math.min(minU, u);
                    maxU = Math.max(maxU, u);
                    minV = Math.min(minV, v);
                    maxV = Math.max(maxV, v);
                }
                double area = (maxU - minU) * (maxV - minV);
                if (area < bestArea) {
                    bestArea = area;
                    double mu = (minU + maxU) / 2;
                    double mv = (minV + maxV) / 2;
                    best = new double[] {mu * ux - mv * uy, mu * uy + mv * ux, maxU - minU, maxV - minV,
                            Math.atan2(uy, ux)};
                }
            }
        }
        // Of the four ways to name the same rectangle, the one turned most like the first side.
        double angle = best[4];
        double w = best[2];
        double h = best[3];
        double chosenAngle = angle;
        double chosenW = w;
        double chosenH = h;
        double closest = Double.POSITIVE_INFINITY;
        for (int quarter = 0; quarter < 4; quarter++) {
            double candidate = angle + quarter * Math.PI / 2;
            double distance = Math.abs(Math.IEEEremainder(candidate - firstSide, 2 * Math.PI));
            if (distance < closest - 1e-12) {
                closest = distance;
                chosenAngle = candidate;
                chosenW = quarter % 2 == 0 ? w : h;
                chosenH = quarter % 2 == 0 ? h : w;
            }
        }
        return new Fit(best[0], best[1], chosenW, chosenH, degrees(chosenAngle), false);
    }

    /** Radians as degrees in [0, 360), with rounding noise around 0 taken as no rotation. */
    private static double degrees(double radians) {
        double degrees = Math.toDegrees(radians) % 360;
        if (degrees < 0) {
            degrees += 360;
        }
        return degrees < NO_ROTATION || 360 - degrees < NO_ROTATION ? 0 : degrees;
    }
}
