package org.labelbridge.format.coco;

import java.util.List;
import org.labelbridge.model.Polygon;

/** The {@code bbox} and {@code area} COCO stores beside an object's polygons. */
final class Geometry {

    private Geometry() {
    }

    /** The tight box {@code [x, y, w, h]} around all the polygons' points. */
    static double[] bounds(List<Polygon> polygons) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Polygon polygon : polygons) {
            for (int i = 0; i < polygon.size(); i++) {
                minX = Math.min(minX, polygon.x(i));
                minY = Math.min(minY, polygon.y(i));
                maxX = Math.max(maxX, polygon.x(i));
                maxY = Math.max(maxY, polygon.y(i));
            }
        }
        return minX > maxX ? new double[4] : new double[] {minX, minY, maxX - minX, maxY - minY};
    }

    /** The tight box {@code [x, y, w, h]} around the first {@code count} flat coordinates. */
    static double[] bounds(double[] xy, int count) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i + 1 < count; i += 2) {
            minX = Math.min(minX, xy[i]);
            minY = Math.min(minY, xy[i + 1]);
            maxX = Math.max(maxX, xy[i]);
            maxY = Math.max(maxY, xy[i + 1]);
        }
        return minX > maxX ? new double[4] : new double[] {minX, minY, maxX - minX, maxY - minY};
    }

    /** The summed shoelace area of the polygons. */
    static double area(List<Polygon> polygons) {
        double total = 0;
        for (Polygon polygon : polygons) {
            double twice = 0;
            int n = polygon.size();
            for (int i = 0; i < n; i++) {
                int j = (i + 1) % n;
                twice += polygon.x(i) * polygon.y(j) - polygon.x(j) * polygon.y(i);
            }
            total += Math.abs(twice) / 2;
        }
        return total;
    }

    /**
     * The box {@code [x, y, w, h]} framing the labelled points (visibility above 0), or all of them
     * when none is labelled.
     *
     * @param keypoints x, y, v triplets; {@code count} numbers of them are used
     */
    static double[] keypointBounds(double[] keypoints, int count) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        boolean anyLabelled = false;
        for (int k = 0; k + 2 < count; k += 3) {
            anyLabelled |= keypoints[k + 2] > 0;
        }
        for (int k = 0; k + 2 < count; k += 3) {
            if (keypoints[k + 2] > 0 || !anyLabelled) {
                minX = Math.min(minX, keypoints[k]);
                minY = Math.min(minY, keypoints[k + 1]);
                maxX = Math.max(maxX, keypoints[k]);
                maxY = Math.max(maxY, keypoints[k + 1]);
            }
        }
        return minX > maxX ? new double[4] : new double[] {minX, minY, maxX - minX, maxY - minY};
    }

    /**
     * The bbox a keypoints object gets when its group has no box: the frame of its polygons, else
     * of its labelled keypoints.
     */
    static double[] derivedKeypointBox(List<Polygon> polygons, double[] keypoints) {
        return polygons.isEmpty() ? keypointBounds(keypoints, keypoints.length) : bounds(polygons);
    }
}
