package org.labelbridge.format.common.pixels;

import java.util.Arrays;
import org.labelbridge.model.Rle;

/**
 * A binary mask as the runs of set pixels along each row: the row-major view of a COCO RLE
 * (which runs down columns), made run by run without a bitmap, so that painting and tracing
 * a mask cost in proportion to its runs. Runs of a row are maximal and in order.
 */
final class MaskRows {

    private final int height;
    private final int width;
    /** Row {@code y}'s runs are {@code [rowStart[y], rowStart[y + 1])} of {@code starts} and {@code ends}. */
    private final int[] rowStart;
    private final int[] starts;
    private final int[] ends;

    private MaskRows(int height, int width, int[] rowStart, int[] starts, int[] ends) {
        this.height = height;
        this.width = width;
        this.rowStart = rowStart;
        this.starts = starts;
        this.ends = ends;
    }

    int height() {
        return height;
    }

    int width() {
        return width;
    }

    /** The index of row {@code y}'s first run; its runs end before {@code first(y + 1)}. */
    int first(int y) {
        return rowStart[y];
    }

    int runCount() {
        return rowStart[height];
    }

    int start(int run) {
        return starts[run];
    }

    int end(int run) {
        return ends[run];
    }

    /** The run of row {@code y} holding pixel {@code x}, or -1 (also outside the image). */
    int runAt(int x, int y) {
        if (y < 0 || y >= height || x < 0 || x >= width) {
            return -1;
        }
        int i = lastStartingAtOrBefore(x, y);
        return i >= rowStart[y] && ends[i] > x ? i : -1;
    }

    boolean set(int x, int y) {
        return runAt(x, y) >= 0;
    }

    /** The first run start at or after {@code x} in row {@code y}, or the width when none. */
    int nextStart(int x, int y) {
        if (y < 0 || y >= height) {
            return width;
        }
        int i = lastStartingAtOrBefore(x - 1, y) + 1;
        if (i < rowStart[y]) {
            i = rowStart[y];
        }
        return i < rowStart[y + 1] ? starts[i] : width;
    }

    /** The last run end at or before {@code x} in row {@code y}, or 0 when none. */
    int previousEnd(int x, int y) {
        if (y < 0 || y >= height) {
            return 0;
        }
        int i = lastStartingAtOrBefore(x, y);
        while (i >= rowStart[y] && ends[i] > x) {
            i--;
        }
        return i >= rowStart[y] ? ends[i] : 0;
    }

    /** The last run of row {@code y} starting at or before {@code x}, or {@code first(y) - 1}. */
    private int lastStartingAtOrBefore(int x, int y) {
        int lo = rowStart[y], hi = rowStart[y + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return hi;
    }

    /** The set pixels of a row-major bitmap ({@code bitmap[y * width + x] != 0}). */
    static MaskRows of(byte[] bitmap, int height, int width) {
        Collector rows = new Collector(height);
        for (int y = 0; y < height; y++) {
            int x = 0;
            while (x < width) {
                while (x < width && bitmap[y * width + x] == 0) {
                    x++;
                }
                int start = x;
                while (x < width && bitmap[y * width + x] != 0) {
                    x++;
                }
                if (start < x) {
                    rows.add(y, start, x);
                }
            }
        }
        return rows.build(width);
    }

    /**
     * The rows of a column-major RLE. Going column by column, a row's run opens where the
     * row is set and was not in the column before, and closes where it stops being set: only
     * the rows in the difference of two columns' set intervals are visited.
     */
    static MaskRows of(Rle rle) {
        int height = rle.height(), width = rle.width();
        Columns columns = new Columns(height);
        long pos = 0;
        int[] counts = rle.counts();
        for (int i = 0; i < counts.length; i++) {
            long end = pos + counts[i];
            if (i % 2 == 1) {
                while (pos < end) {
                    int x = (int) (pos / height), y0 = (int) (pos % height);
                    int y1 = (int) Math.min(height, y0 + (end - pos));
                    while (columns.column < x) { // the columns before this run's are complete
                        columns.next();
                    }
                    columns.current.add(y0, y1);
                    pos += y1 - y0;
                }
            }
            pos = end;
        }
        while (columns.column <= width) { // the last column closes every run at the width
            columns.next();
        }
        return columns.rows.build(width);
    }

    /**
     * The walk over columns: rows set in column {@code x - 1} but not {@code x} end a run at x;
     * rows set only in x start one there.
     */
    private static final class Columns {
        final Collector rows;
        final int[] openedAt;
        Intervals previous = new Intervals();
        Intervals current = new Intervals();
        int column;

        Columns(int height) {
            rows = new Collector(height);
            openedAt = new int[height];
        }

        /** Closes column {@code column}, whose intervals are {@code current}, and moves to the next. */
        void next() {
            int x = column;
            previous.minus(current, (y0, y1) -> {
                for (int y = y0; y < y1; y++) {
                    rows.add(y, openedAt[y], x);
                }
            });
            current.minus(previous, (y0, y1) -> {
                for (int y = y0; y < y1; y++) {
                    openedAt[y] = x;
                }
            });
            Intervals swap = previous;
            previous = current;
            current = swap;
            current.clear();
            column++;
        }
    }

    /** Sorted, disjoint row intervals of one column. */
    private static final class Intervals {
        int[] starts = new int[8];
        int[] ends = new int[8];
        int n;

        void clear() {
            n = 0;
        }

        void add(int start, int end) {
            if (n > 0 && ends[n - 1] == start) { // a run of the RLE split by an empty one
                ends[n - 1] = end;
                return;
            }
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                ends = Arrays.copyOf(ends, n * 2);
            }
            starts[n] = start;
            ends[n++] = end;
        }

        /** Calls {@code sink} with each interval of this minus {@code other}. */
        void minus(Intervals other, RangeSink sink) {
            int j = 0;
            for (int i = 0; i < n; i++) {
                int from = starts[i], to = ends[i];
                while (j < other.n && other.ends[j] <= from) {
                    j++;
                }
                int at = from;
                for (int k = j; at < to && k < other.n && other.starts[k] < to; k++) {
                    if (other.starts[k] > at) {
                        sink.range(at, other.starts[k]);
                    }
                    at = Math.max(at, other.ends[k]);
                }
                if (at < to) {
                    sink.range(at, to);
                }
            }
        }
    }

    private interface RangeSink {
        void range(int from, int to);
    }

    /** Runs gathered in any row order (each row's in order of x), sorted into rows at the end. */
    private static final class Collector {
        private final int height;
        private int[] rows = new int[16];
        private int[] starts = new int[16];
        private int[] ends = new int[16];
        private int n;

        Collector(int height) {
            this.height = height;
        }

        void add(int y, int start, int end) {
            if (n == rows.length) {
                rows = Arrays.copyOf(rows, n * 2);
                starts = Arrays.copyOf(starts, n * 2);
                ends = Arrays.copyOf(ends, n * 2);
            }
            rows[n] = y;
            starts[n] = start;
            ends[n++] = end;
        }

        MaskRows build(int width) {
            int[] rowStart = new int[height + 1];
            for (int i = 0; i < n; i++) {
                rowStart[rows[i] + 1]++;
            }
            for (int y = 0; y < height; y++) {
                rowStart[y + 1] += rowStart[y];
            }
            int[] next = Arrays.copyOf(rowStart, height);
            int[] sortedStarts = new int[n];
            int[] sortedEnds = new int[n];
            for (int i = 0; i < n; i++) { // stable: a row's runs were added left to right
                int at = next[rows[i]]++;
                sortedStarts[at] = starts[i];
                sortedEnds[at] = ends[i];
            }
            return new MaskRows(height, width, rowStart, sortedStarts, sortedEnds);
        }
    }
}
