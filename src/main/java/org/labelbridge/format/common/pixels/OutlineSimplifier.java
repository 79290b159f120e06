package org.labelbridge.format.common.pixels;

import java.util.Arrays;

/**
 * Simplifies a closed outline (flat {@code x1, y1, ...}) by Douglas-Peucker: a vertex is
 * dropped when it lies within {@code tolerance} of the chord that replaces it. The ring is
 * split at its first vertex and the vertex farthest from it, and each half is simplified.
 * A traced outline simplified so no longer rasterises to exactly its mask; a tolerance of 0
 * leaves it as it is.
 */
public final class OutlineSimplifier {

    private OutlineSimplifier() {
    }

    /** The simplified ring; the ring itself when nothing can go or fewer than 3 vertices would stay. */
    public static double[] simplify(double[] ring, double tolerance) {
        int n = ring.length / 2;
        if (tolerance <= 0 || n <= 3) {
            return ring;
        }
        int far = 1;
        double farthest = -1;
        for (int i = 1; i < n; i++) {
            double dx = ring[2 * i] - ring[0], dy = ring[2 * i + 1] - ring[1];
            double d = dx * dx + dy * dy;
            if (d > farthest) {
                farthest = d;
                far = i;
            }
        }
        boolean[] keep = new boolean[n + 1];
        keep[0] = keep[far] = keep[n] = true;
        mark(ring, 0, far, tolerance, keep);
        mark(ring, far, n, tolerance, keep); // vertex n is vertex 0 again
        int kept = 0;
        for (int i = 0; i < n; i++) {
            kept += keep[i] ? 1 : 0;
        }
        if (kept < 3 || kept == n) {
            return ring;
        }
        double[] out = new double[2 * kept];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                out[k++] = ring[2 * i];
                out[k++] = ring[2 * i + 1];
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** Keeps, between vertices a and b (b may be n, the first vertex again), those beyond the tolerance. */
    private static void mark(double[] ring, int a, int b, double tolerance, boolean[] keep) {
        int n = ring.length / 2;
        int[] stack = new int[2 * Math.max(2, b - a + 1)];
        int top = 0;
        stack[top++] = a;
        stack[top++] = b;
        while (top > 0) {
            int to = stack[--top], from = stack[--top];
            double ax = ring[2 * (from % n)], ay = ring[2 * (from % n) + 1];
            double bx = ring[2 * (to % n)], by = ring[2 * (to % n) + 1];
            double dx = bx - ax, dy = by - ay, length = Math.hypot(dx, dy);
            int worst = -1;
            double worstDistance = tolerance;
            for (int i = from + 1; i < to; i++) {
                double px = ring[2 * i] - ax, py = ring[2 * i + 1] - ay;
                double d = length == 0 ? Math.hypot(px, py) : Math.abs(dx * py - dy * px) / length;
                if (d > worstDistance) {
                    worstDistance = d;
                    worst = i;
                }
            }
            if (worst >= 0) {
                keep[worst] = true;
                stack[top++] = from;
                stack[top++] = worst;
                stack[top++] = worst;
                stack[top++] = to;
            }
        }
    }
}
