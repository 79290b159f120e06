package org.labelbridge.model;

import java.util.Arrays;

/**
 * A projected cuboid: 8 points, flat, in CVAT's order: front face top-left, bottom-left,
 * top-right, bottom-right ({@code xtl1 ytl1 xbl1 ybl1 xtr1 ytr1 xbr1 ybr1}), then the back face
 * the same way ({@code xtl2 ... ybr2}).
 */
public record Cuboid2d(AnnotationInfo info, double[] points) implements Annotation {

    public Cuboid2d {
        if (points == null || points.length != 16) {
            throw new IllegalArgumentException("Cuboid2d needs 16 coordinates, got "
                    + (points == null ? "none" : points.length));
        }
        points = points.clone();
    }

    @Override
    public AnnotationKind kind() {
        return AnnotationKind.CUBOID_2D;
    }

    @Override
    public Cuboid2d withInfo(AnnotationInfo newInfo) {
        return new Cuboid2d(newInfo, points);
    }

    @Override
    public double[] points() {
        return points.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cuboid2d other && info.equals(other.info) && Arrays.equals(points, other.points);
    }

    @Override
    public int hashCode() {
        return 31 * info.hashCode() + Arrays.hashCode(points);
    }

    @Override
    public String toString() {
        return "Cuboid2d[" + info + ", " + Coordinates.toString(points) + "]";
    }
}
