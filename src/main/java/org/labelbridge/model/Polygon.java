package org.labelbridge.model;

import java.util.Arrays;

/** A closed polygon, flat {@code x1, y1, x2, y2, ...}. */
public record Polygon(AnnotationInfo info, double[] points) implements Annotation {

    public Polygon {
        points = Coordinates.copyPairs(points, "Polygon");
    }

    @Override
    public AnnotationKind kind() {
        return AnnotationKind.POLYGON;
    }

    @Override
    public Polygon withInfo(AnnotationInfo newInfo) {
        return new Polygon(newInfo, points);
    }

    /** A copy: the record never shares its array. */
    @Override
    public double[] points() {
        return points.clone();
    }

    public int size() {
        return points.length / 2;
    }

    public double x(int i) {
        return points[2 * i];
    }

    public double y(int i) {
        return points[2 * i + 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Polygon other && info.equals(other.info) && Arrays.equals(points, other.points);
    }

    @Override
    public int hashCode() {
        return 31 * info.hashCode() + Arrays.hashCode(points);
    }

    @Override
    public String toString() {
        return "Polygon[" + info + ", " + Coordinates.toString(points) + "]";
    }
}
