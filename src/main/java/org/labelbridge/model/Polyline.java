package org.labelbridge.model;

import java.util.Arrays;

/** An open polyline, flat {@code x1, y1, x2, y2, ...}. */
public record Polyline(AnnotationInfo info, double[] points) implements Annotation {

    public Polyline {
        points = Coordinates.copyPairs(points, "Polyline");
    }

    @Override
    public AnnotationKind kind() {
        return AnnotationKind.POLYLINE;
    }

    @Override
    public Polyline withInfo(AnnotationInfo newInfo) {
        return new Polyline(newInfo, points);
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
        return o instanceof Polyline other && info.equals(other.info) && Arrays.equals(points, other.points);
    }

    @Override
    public int hashCode() {
        return 31 * info.hashCode() + Arrays.hashCode(points);
    }

    @Override
    public String toString() {
        return "Polyline[" + info + ", " + Coordinates.toString(points) + "]";
    }
}
