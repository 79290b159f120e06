package org.labelbridge.format.common.pixels;

import java.util.Arrays;
import java.util.List;
import org.labelbridge.model.Rle;

/**
 * Turns shapes into pixels, by the rule stated in {@code package-info}: a pixel is covered
 * when its centre lies inside the shape. Polygon vertices are first rounded to the nearest
 * 1/5 pixel, as pycocotools' {@code frPyObjects} does; the test is then exact (integer
 * arithmetic in tenths of a pixel), so no floating-point tie decides a pixel.
 */
public final class Rasterizer {

    /** Coordinates are clamped to this many fifths of a pixel (50 million pixels), so products fit a long. */
    private static final long LIMIT = 1L << 28;

    private Rasterizer() {
    }

    /**
     * A closed polygon, flat {@code x1, y1, x2, y2, ...}: pixel {@code (x, y)} is covered when
     * an odd number of the polygon's edges cross row {@code y + 0.5} left of {@code x + 0.5}
     * (even-odd rule); an edge through the centre itself is decided as for a point just below
     * the centre. Fewer than 3 vertices cover nothing.
     */
    public static Coverage polygon(double[] xy) {
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("polygon needs an even number of coordinates, got " + xy.length);
        }
        long[] tenths = new long[xy.length];
        for (int i = 0; i < xy.length; i++) {
            tenths[i] = snapToTenths(xy[i]);
        }
        return (height, width, sink) -> fillPolygon(tenths, height, width, sink);
    }

    /** Several rings filled together by the even-odd rule (an outer ring and its holes). */
    public static Coverage evenOdd(List<double[]> rings) {
        long[][] snapped = new long[rings.size()][];
        for (int r = 0; r < rings.size(); r++) {
            double[] ring = rings.get(r);
            if (ring.length % 2 != 0) {
                throw new IllegalArgumentException("ring needs an even number of coordinates, got " + ring.length);
            }
            snapped[r] = new long[ring.length];
            for (int i = 0; i < ring.length; i++) {
                snapped[r][i] = snapToTenths(ring[i]);
            }
        }
        return (height, width, sink) -> fillRings(snapped, height, width, sink);
    }

    /**
     * A box {@code x, y, w, h} rotated clockwise by {@code degrees} about its centre: the
     * polygon of its four corners (pycocotools' {@code frBbox} does the same unrotated).
     */
    public static Coverage box(double x, double y, double w, double h, double degrees) {
        if (degrees == 0) {
            return polygon(new double[] {x, y, x + w, y, x + w, y + h, x, y + h});
        }
        double cx = x + w / 2, cy = y + h / 2;
        double t = Math.toRadians(degrees), cos = Math.cos(t), sin = Math.sin(t);
        double[] corners = {-w / 2, -h / 2, w / 2, -h / 2, w / 2, h / 2, -w / 2, h / 2};
        double[] xy = new double[8];
        for (int i = 0; i < 4; i++) {
            double dx = corners[2 * i], dy = corners[2 * i + 1];
            xy[2 * i] = cx + dx * cos - dy * sin;
            xy[2 * i + 1] = cy + dx * sin + dy * cos;
        }
        return polygon(xy);
    }

    /**
     * An ellipse with centre {@code cx, cy}, radii {@code rx, ry}, rotated clockwise by
     * {@code degrees}: pixels whose centre is inside or on it.
     */
    public static Coverage ellipse(double cx, double cy, double rx, double ry, double degrees) {
        return (height, width, sink) -> {
            if (!(rx > 0 && ry > 0)) {
                return;
            }
            double t = Math.toRadians(degrees), c = Math.cos(t), s = Math.sin(t);
            // The centre offset (dx, dy) is inside when u^2/rx^2 + v^2/ry^2 <= 1 with (u, v) the
            // offset rotated back: a quadratic a*dx^2 + b*dx + k <= 0 for each row.
            double a = c * c / (rx * rx) + s * s / (ry * ry);
            double reach = Math.max(rx, ry);
            int y0 = (int) Math.max(0, Math.floor(cy - reach - 0.5));
            int y1 = (int) Math.min(height - 1, Math.ceil(cy + reach - 0.5));
            for (int y = y0; y <= y1; y++) {
                double dy = y + 0.5 - cy;
                double b = 2 * dy * c * s * (1 / (rx * rx) - 1 / (ry * ry));
                double k = dy * dy * (s * s / (rx * rx) + c * c / (ry * ry)) - 1;
                double disc = b * b - 4 * a * k;
                if (disc < 0) {
                    continue;
                }
                double root = Math.sqrt(disc);
                double left = cx + (-b - root) / (2 * a), right = cx + (-b + root) / (2 * a);
                int x0 = (int) Math.max(0, Math.ceil(left - 0.5));
                int x1 = (int) Math.min(width, Math.floor(right - 0.5) + 1);
                if (x0 < x1) {
                    sink.span(y, x0, x1);
                }
            }
        };
    }

    /** The set pixels of a mask (which must be of the image's size), run by run along each row. */
    public static Coverage mask(Rle rle) {
        return (height, width, sink) -> {
            if (rle.height() != height || rle.width() != width) {
                throw new IllegalArgumentException("mask is " + rle.height() + "x" + rle.width()
                        + ", image is " + height + "x" + width);
            }
            MaskRows rows = MaskRows.of(rle);
            for (int y = 0; y < height; y++) {
                for (int run = rows.first(y); run < rows.first(y + 1); run++) {
                    sink.span(y, rows.start(run), rows.end(run));
                }
            }
        };
    }

    /** The coverage as a row-major bitmap of 0 and 1. */
    public static byte[] bitmap(Coverage coverage, int height, int width) {
        byte[] bitmap = new byte[IndexImage.checkedArea(height, width)];
        coverage.cover(height, width, (y, x0, x1) -> Arrays.fill(bitmap, y * width + x0, y * width + x1, (byte) 1));
        return bitmap;
    }

    /** The coverage as a COCO RLE, made from its row runs (never a bitmap). */
    public static Rle rle(Coverage coverage, int height, int width) {
        RunImage runs = new MaskCompositor(height, width).add(coverage, 1, 1, 0).compile().classes();
        return MaskSplitter.mask(runs, value -> value != 0);
    }

    /** Rounds to the nearest 1/5 pixel (half up) and expresses it in tenths: always even. */
    static long snapToTenths(double v) {
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("coordinate is NaN");
        }
        double fifths = Math.floor(v * 5 + 0.5);
        return 2 * (long) Math.max(-LIMIT, Math.min(LIMIT, fifths));
    }

    private static void fillPolygon(long[] ring, int height, int width, Coverage.SpanSink sink) {
        fillRings(new long[][] {ring}, height, width, sink);
    }

    /*
     * Each edge crossing row y (centre Yc = 10y + 5 tenths, odd, so never a vertex's
     * even coordinate) toggles inside/outside from the first pixel whose centre lies right
     * of the crossing. A crossing exactly at a centre counts as left of it when the edge
     * leans so (dx * dy < 0) that the point just below the centre is right of the edge.
     * Collect the first pixel of every crossing bucketed by row (a counting sort: rows hold
     * a handful of crossings), sort each row's few, fill pairs.
     */
    private static void fillRings(long[][] rings, int height, int width, Coverage.SpanSink sink) {
        if (height == 0 || width == 0) {
            return;
        }
        // Pass 1: the rows each edge crosses, counted per row (a difference array over the rows).
        long top = Long.MAX_VALUE, bottom = Long.MIN_VALUE;
        for (long[] ring : rings) {
            if (ring.length / 2 < 3) {
                continue;
            }
            for (int i = 1; i < ring.length; i += 2) {
                top = Math.min(top, ring[i]);
                bottom = Math.max(bottom, ring[i]);
            }
        }
        if (top > bottom) {
            return;
        }
        int firstRowOfAll = (int) Math.max(0, Math.floorDiv(top - 5, 10) + 1);
        int lastRowOfAll = (int) Math.min(height - 1, Math.floorDiv(bottom - 5, 10));
        if (firstRowOfAll > lastRowOfAll) {
            return;
        }
        int rows = lastRowOfAll - firstRowOfAll + 1;
        int[] rowEnd = new int[rows + 1]; // first the count per row, then each row's end in xs
        for (long[] ring : rings) {
            int k = ring.length / 2;
            if (k < 3) {
                continue;
            }
            for (int i = 0; i < k; i++) {
                long y0 = ring[2 * i + 1], y1 = ring[2 * ((i + 1) % k) + 1];
                if (y0 != y1) {
                    long lo = Math.min(y0, y1), hi = Math.max(y0, y1);
                    long firstRow = Math.max(firstRowOfAll, Math.floorDiv(lo - 5, 10) + 1);
                    long lastRow = Math.min(lastRowOfAll, Math.floorDiv(hi - 5, 10));
                    if (firstRow <= lastRow) {
                        rowEnd[(int) firstRow - firstRowOfAll]++;
                        rowEnd[(int) lastRow + 1 - firstRowOfAll]--;
                    }
                }
            }
        }
        int total = 0, open = 0;
        for (int r = 0; r < rows; r++) {
            open += rowEnd[r];
            total += open;
            rowEnd[r] = total - open; // for now: where the row starts; after pass 2, where it ends
        }
        rowEnd[rows] = total;
        // Pass 2: each crossing's first pixel, into its row's bucket.
        int[] xs = new int[total];
        for (long[] ring : rings) {
            int k = ring.length / 2;
            if (k < 3) {
                continue;
            }
            for (int i = 0; i < k; i++) {
                long x0 = ring[2 * i], y0 = ring[2 * i + 1];
                long x1 = ring[2 * ((i + 1) % k)], y1 = ring[2 * ((i + 1) % k) + 1];
                if (y0 == y1) {
                    continue;
                }
                long lo = Math.min(y0, y1), hi = Math.max(y0, y1);
                // rows whose centre lies in (lo, hi]
                long firstRow = Math.max(firstRowOfAll, Math.floorDiv(lo - 5, 10) + 1);
                long lastRow = Math.min(lastRowOfAll, Math.floorDiv(hi - 5, 10));
                long dy = y1 - y0, dx = x1 - x0;
                long den = 10 * dy;
                long sign = den < 0 ? -1 : 1;
                den *= sign;
                boolean leans = dx * dy < 0;
                // The crossing X = x0 + (yc - y0) * dx / dy at row centre yc = 10 * row + 5; the first
                // pixel x with 10x + 5 > X is floor((X - 5) / 10) + 1, kept exactly as the fraction
                // num / den (quotient and remainder), which grows by 10 * dx / dy a row.
                long num = sign * ((10 * firstRow + 5 - y0) * dx + (x0 - 5) * dy);
                long quotient = Math.floorDiv(num, den), remainder = Math.floorMod(num, den);
                long step = sign * 10 * dx;
                long stepQuotient = Math.floorDiv(step, den), stepRemainder = Math.floorMod(step, den);
                int bucket = (int) firstRow - firstRowOfAll;
                for (long row = firstRow; row <= lastRow; row++, bucket++) {
                    long first = quotient + 1;
                    if (leans && remainder == 0) {
                        first--; // through the centre: decided as for the point just below it
                    }
                    xs[rowEnd[bucket]++] = (int) Math.max(0, Math.min(width, first));
                    quotient += stepQuotient;
                    remainder += stepRemainder;
                    if (remainder >= den) {
                        remainder -= den;
                        quotient++;
                    }
                }
            }
        }
        for (int r = 0, from = 0; r < rows; from = rowEnd[r], r++) {
            int to = rowEnd[r];
            sortFew(xs, from, to);
            int row = firstRowOfAll + r;
            for (int i = from; i + 1 < to; i += 2) {
                if (xs[i] < xs[i + 1]) {
                    sink.span(row, xs[i], xs[i + 1]);
                }
            }
        }
    }

    /** Sorts {@code a[from, to)}: by insertion when few (a row's crossings are mostly two). */
    private static void sortFew(int[] a, int from, int to) {
        if (to - from > 24) {
            Arrays.sort(a, from, to);
            return;
        }
        for (int i = from + 1; i < to; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= from && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }
}
