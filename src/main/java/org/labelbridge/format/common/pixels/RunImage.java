package org.labelbridge.format.common.pixels;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * A single-channel image of integer values kept as runs along each row: what painting
 * produces and what the PNG encoder consumes, so that a mask costs in proportion to its runs,
 * not its pixels. Each row is a sequence of maximal runs (adjacent runs differ in value)
 * covering {@code [0, width)}; run {@code k} of row {@code y} ends (exclusive) at
 * {@link #runEnd(int, int)} and starts where the one before ends.
 */
public final class RunImage {

    private final int height;
    private final int width;
    /** Row {@code y}'s runs are {@code [rowStart[y], rowStart[y + 1])} of {@code ends} and {@code values}. */
    private final int[] rowStart;
    private final int[] ends;
    private final int[] values;

    private RunImage(int height, int width, int[] rowStart, int[] ends, int[] values) {
        this.height = height;
        this.width = width;
        this.rowStart = rowStart;
        this.ends = ends;
        this.values = values;
    }

    /** An image of one value everywhere. */
    public static RunImage filled(int height, int width, int value) {
        Builder builder = new Builder(height, width);
        for (int y = 0; y < height; y++) {
            builder.run(width, value);
            builder.endRow();
        }
        return builder.build();
    }

    /** The runs of an image held pixel by pixel. */
    public static RunImage of(IndexImage image) {
        Builder builder = new Builder(image.height(), image.width());
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                builder.run(x + 1, image.get(x, y));
            }
            builder.endRow();
        }
        return builder.build();
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** How many runs row {@code y} has (at least 1 when the width is not 0). */
    public int runs(int y) {
        return rowStart[y + 1] - rowStart[y];
    }

    /** All runs of the image. */
    public int runCount() {
        return rowStart[height];
    }

    /** The end (exclusive) of run {@code k} of row {@code y}. */
    public int runEnd(int y, int k) {
        return ends[rowStart[y] + k];
    }

    /** The start of run {@code k} of row {@code y}. */
    public int runStart(int y, int k) {
        return k == 0 ? 0 : ends[rowStart[y] + k - 1];
    }

    public int runValue(int y, int k) {
        return values[rowStart[y] + k];
    }

    public int get(int x, int y) {
        if (x < 0 || x >= width || y < 0 || y >= height) {
            throw new IndexOutOfBoundsException("(" + x + ", " + y + ") is outside " + height + "x" + width);
        }
        int lo = rowStart[y], hi = rowStart[y + 1] - 1;
        while (lo < hi) { // the first run whose end is beyond x
            int mid = (lo + hi) >>> 1;
            if (ends[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return values[lo];
    }

    /** Whether row {@code a} holds the same runs as row {@code b}. */
    public boolean sameRows(int a, int b) {
        int i = rowStart[a], j = rowStart[b], n = rowStart[a + 1] - i;
        if (n != rowStart[b + 1] - j) {
            return false;
        }
        for (int k = 0; k < n; k++) { // rows hold a few runs: a plain loop beats Arrays.equals' range checks
            if (ends[i + k] != ends[j + k] || values[i + k] != values[j + k]) {
                return false;
            }
        }
        return true;
    }

    /** Each value replaced by {@code f} of it, run by run (runs that become equal merge). */
    public RunImage map(IntUnaryOperator f) {
        int[] newStart = new int[height + 1];
        int[] newEnds = new int[runCount()];
        int[] newValues = new int[newEnds.length];
        int n = 0;
        for (int y = 0; y < height; y++) {
            int rowFirst = n;
            for (int i = rowStart[y]; i < rowStart[y + 1]; i++) {
                int value = f.applyAsInt(values[i]);
                if (n > rowFirst && newValues[n - 1] == value) {
                    newEnds[n - 1] = ends[i];
                } else {
                    newEnds[n] = ends[i];
                    newValues[n++] = value;
                }
            }
            newStart[y + 1] = n;
        }
        return new RunImage(height, width, newStart, newEnds, newValues);
    }

    /** The largest value, or 0 for an empty image. */
    public int max() {
        int max = 0;
        for (int i = 0; i < rowStart[height]; i++) {
            max = Math.max(max, values[i]);
        }
        return max;
    }

    /** The smallest value, or 0 for an empty image. */
    public int min() {
        int min = rowStart[height] == 0 ? 0 : Integer.MAX_VALUE;
        for (int i = 0; i < rowStart[height]; i++) {
            min = Math.min(min, values[i]);
        }
        return min;
    }

    /** The image pixel by pixel (for formats whose encoder wants pixels, such as BMP). */
    public IndexImage toIndexImage() {
        IndexImage image = new IndexImage(height, width);
        for (int y = 0; y < height; y++) {
            int x = 0;
            for (int i = rowStart[y]; i < rowStart[y + 1]; i++) {
                for (; x < ends[i]; x++) {
                    image.set(x, y, values[i]);
                }
            }
        }
        return image;
    }

    @Override
    public boolean equals(Object o) {
        // Runs are maximal, so equal images have equal runs.
        return o instanceof RunImage other && height == other.height && width == other.width
                && Arrays.equals(rowStart, other.rowStart)
                && Arrays.equals(ends, 0, rowStart[height], other.ends, 0, other.rowStart[height])
                && Arrays.equals(values, 0, rowStart[height], other.values, 0, other.rowStart[height]);
    }

    @Override
    public int hashCode() {
        int h = 31 * height + width;
        for (int i = 0; i < rowStart[height]; i++) {
            h = 31 * (31 * h + ends[i]) + values[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return width * height <= 400 ? "RunImage" + toIndexImage().toString().substring("IndexImage".length())
                : "RunImage[" + height + "x" + width + ", " + runCount() + " runs]";
    }

    /**
     * Builds an image row by row: runs in order along the row, each ending further right;
     * a run of the same value as the one before extends it. Each row must end at the width.
     */
    public static final class Builder {
        private final int height;
        private final int width;
        private final int[] rowStart;
        private int[] ends;
        private int[] values;
        private int n;
        private int row;

        public Builder(int height, int width) {
            IndexImage.checkedArea(height, width);
            this.height = height;
            this.width = width;
            this.rowStart = new int[height + 1];
            this.ends = new int[Math.max(16, height * 2)];
            this.values = new int[ends.length];
        }

        /** Extends the row to {@code end} (exclusive) with {@code value}. */
        public Builder run(int end, int value) {
            int start = n > rowStart[row] ? ends[n - 1] : 0;
            if (end <= start || end > width) {
                throw new IllegalArgumentException("run to " + end + " after " + start + " in a row of " + width);
            }
            if (n > rowStart[row] && values[n - 1] == value) {
                ends[n - 1] = end;
                return this;
            }
            if (n == ends.length) {
                ends = Arrays.copyOf(ends, n * 2);
                values = Arrays.copyOf(values, n * 2);
            }
            ends[n] = end;
            values[n++] = value;
            return this;
        }

        /**
         * Adds a whole row: runs ending at {@code runEnds[0..count)}, the last at the width, of
         * {@code runValues[k]}, or of {@code lookup[runValues[k]]} when a lookup is given.
         */
        Builder row(int[] runEnds, int[] runValues, int[] lookup, int count) {
            int first = rowStart[row];
            if (n + count > ends.length) {
                ends = Arrays.copyOf(ends, Math.max(n * 2, n + count));
                values = Arrays.copyOf(values, ends.length);
            }
            for (int k = 0, start = 0; k < count; k++) {
                int end = runEnds[k];
                int value = lookup == null ? runValues[k] : lookup[runValues[k]];
                if (end <= start || end > width) {
                    throw new IllegalArgumentException("run to " + end + " after " + start + " in a row of " + width);
                }
                if (n > first && values[n - 1] == value) {
                    ends[n - 1] = end;
                } else {
                    ends[n] = end;
                    values[n++] = value;
                }
                start = end;
            }
            return endRow();
        }

        public Builder endRow() {
            int last = n > rowStart[row] ? ends[n - 1] : 0;
            if (last != width) {
                throw new IllegalStateException("row " + row + " ends at " + last + ", not at the width " + width);
            }
            rowStart[++row] = n;
            return this;
        }

        public RunImage build() {
            if (row != height) {
                throw new IllegalStateException(row + " rows built of " + height);
            }
            return new RunImage(height, width, rowStart, ends, values);
        }
    }
}
