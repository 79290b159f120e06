package org.labelbridge.model;

import java.util.Arrays;

/** Flat {@code x1, y1, x2, y2, ...} coordinate arrays, compared by value. */
final class Coordinates {
    private Coordinates() {
    }

    static double[] copyPairs(double[] points, String what) {
        if (points == null || points.length % 2 != 0) {
            throw new IllegalArgumentException(what + " needs an even number of coordinates, got "
                    + (points == null ? "none" : points.length));
        }
        return points.clone();
    }

    static String toString(double[] points) {
        return Arrays.toString(points);
    }
}
