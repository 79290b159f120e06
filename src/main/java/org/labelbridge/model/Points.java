package org.labelbridge.model;

import java.util.Arrays;

/**
 * A set of points, flat {@code x1, y1, x2, y2, ...}, each with a visibility.
 *
 * @param visibility per point: {@link #ABSENT}, {@link #HIDDEN} or {@link #VISIBLE}
 */
public record Points(AnnotationInfo info, double[] points, byte[] visibility) implements Annotation {

    public static final byte ABSENT = 0;
    public static final byte HIDDEN = 1;
    public static final byte VISIBLE = 2;

    public Points {
        points = Coordinates.copyPairs(points, "Points");
        if (visibility == null) {
            visibility = new byte[points.length / 2];
            Arrays.fill(visibility, VISIBLE);
        } else if (visibility.length != points.length / 2) {
            throw new IllegalArgumentException("Points has " + points.length / 2 + " points but "
                    + visibility.length + " visibility flags");
        } else {
            visibility = visibility.clone();
        }
    }

    /** All points visible. */
    public Points(AnnotationInfo info, double[] points) {
        this(info, points, null);
    }

    @Override
    public AnnotationKind kind() {
        return AnnotationKind.POINTS;
    }

    @Override
    public Points withInfo(AnnotationInfo newInfo) {
        return new Points(newInfo, points, visibility);
    }

    @Override
    public double[] points() {
        return points.clone();
    }

    @Override
    public byte[] visibility() {
        return visibility.clone();
    }

    public int size() {
        return visibility.length;
    }

    public double x(int i) {
        return points[2 * i];
    }

    public double y(int i) {
        return points[2 * i + 1];
    }

    public byte visibility(int i) {
        return visibility[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Points other && info.equals(other.info)
                && Arrays.equals(points, other.points) && Arrays.equals(visibility, other.visibility);
    }

    @Override
    public int hashCode() {
        return (31 * info.hashCode() + Arrays.hashCode(points)) * 31 + Arrays.hashCode(visibility);
    }

    @Override
    public String toString() {
        return "Points[" + info + ", " + Coordinates.toString(points) + ", v=" + Arrays.toString(visibility) + "]";
    }
}
