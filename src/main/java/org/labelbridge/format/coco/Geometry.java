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
}
