package org.labelbridge.format.common.pixels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import org.labelbridge.model.Rle;

/**
 * Splits merged maps back into one mask per value: a class map into per-class masks, an
 * instance map (with its class map) into per-instance masks and their classes. The maps are
 * {@link RunImage}s; the work goes with the runs and the pixels on their horizontal edges, not
 * with the pixels, whatever the number of instances.
 */
public final class MaskSplitter {

    /**
     * An instance read back from an instance map.
     *
     * @param classValue  the class covering most of its pixels (the smaller value on a tie),
     *                    or {@code -1} without a class map
     * @param classPixels pixel count per class under the instance, by class; more than one
     *                    entry means the instance and class maps disagree
     */
    public record Instance(int id, Rle mask, int classValue, Map<Integer, Long> classPixels) {

        public boolean mixedClasses() {
            return classPixels.size() > 1;
        }
    }

    private MaskSplitter() {
    }

    /** One mask per value present in the map (0 included), by ascending value. */
    public static SortedMap<Integer, Rle> masks(RunImage map) {
        SortedMap<Integer, Rle> masks = new TreeMap<>();
        columnRuns(map, true).forEach((value, runs) -> masks.put(value, runs.rle(map.height(), map.width())));
        return masks;
    }

    /** The mask of the pixels whose value passes {@code set}. */
    public static Rle mask(RunImage map, IntPredicate set) {
        ColumnRuns runs = columnRuns(map.map(value -> set.test(value) ? 1 : 0), false).get(1);
        int height = map.height(), width = map.width();
        return runs == null ? new Rle(height, width, new int[] {height * width}) : runs.rle(height, width);
    }

    /** One instance per non-zero id of {@code instances}, by ascending id; {@code classes} may be null. */
    public static List<Instance> instances(RunImage instances, RunImage classes) {
        if (classes != null && (classes.height() != instances.height() || classes.width() != instances.width())) {
            throw new IllegalArgumentException("class map is " + classes.height() + "x" + classes.width()
                    + ", instance map " + instances.height() + "x" + instances.width());
        }
        Map<Integer, TreeMap<Integer, Long>> classPixels = classes == null ? Map.of() : classPixels(instances, classes);
        List<Instance> out = new ArrayList<>();
        columnRuns(instances, false).forEach((id, runs) -> {
            SortedMap<Integer, Long> pixels = classPixels.getOrDefault(id, new TreeMap<>());
            int majority = -1;
            long best = -1;
            for (Map.Entry<Integer, Long> e : pixels.entrySet()) {
                if (e.getValue() > best) { // TreeMap order: the smaller class wins a tie
                    best = e.getValue();
                    majority = e.getKey();
                }
            }
            out.add(new Instance(id, runs.rle(instances.height(), instances.width()), majority,
                    Collections.unmodifiableSortedMap(pixels)));
        });
        return out;
    }

    /** Pixels per class under each non-zero instance: the two maps' runs walked together, row by row. */
    private static Map<Integer, TreeMap<Integer, Long>> classPixels(RunImage instances, RunImage classes) {
        Map<Integer, TreeMap<Integer, Long>> byInstance = new HashMap<>();
        int lastId = 0, lastClass = 0;
        long pending = 0; // pixels of (lastId, lastClass) not yet counted in the map
        for (int y = 0; y < instances.height(); y++) {
            int i = 0, c = 0, x = 0;
            int instanceRuns = instances.runs(y), classRuns = classes.runs(y);
            while (i < instanceRuns && c < classRuns) {
                int end = Math.min(instances.runEnd(y, i), classes.runEnd(y, c));
                int id = instances.runValue(y, i), classValue = classes.runValue(y, c);
                if (id != lastId || classValue != lastClass) {
                    count(byInstance, lastId, lastClass, pending);
                    lastId = id;
                    lastClass = classValue;
                    pending = 0;
                }
                pending += end - x;
                x = end;
                if (instances.runEnd(y, i) == end) {
                    i++;
                }
                if (classes.runEnd(y, c) == end) {
                    c++;
                }
            }
        }
        count(byInstance, lastId, lastClass, pending);
        return byInstance;
    }

    private static void count(Map<Integer, TreeMap<Integer, Long>> byInstance, int id, int classValue, long pixels) {
        if (id != 0 && pixels > 0) {
            byInstance.computeIfAbsent(id, k -> new TreeMap<>()).merge(classValue, pixels, Long::sum);
        }
    }

    /**
     * Each value's runs down the columns, found from the row runs without a bitmap: going row
     * by row, a column's run of one value ends where the value below differs, so only the
     * pixels whose value differs from the one above (the horizontal edges) are visited, and a
     * row equal to the one above costs nothing.
     */
    private static TreeMap<Integer, ColumnRuns> columnRuns(RunImage map, boolean withZero) {
        int height = map.height(), width = map.width();
        TreeMap<Integer, ColumnRuns> byValue = new TreeMap<>();
        int[] openedAt = new int[width]; // where the current run of column x began
        int lastValue = Integer.MIN_VALUE; // no value yet
        ColumnRuns lastRuns = null;
        for (int y = 1; y <= height; y++) {
            if (y < height && map.sameRows(y - 1, y)) {
                continue;
            }
            int above = 0, here = 0, x = 0;
            int aboveRuns = map.runs(y - 1), hereRuns = y < height ? map.runs(y) : 0;
            while (above < aboveRuns) {
                int aboveEnd = map.runEnd(y - 1, above);
                int end = here < hereRuns ? Math.min(aboveEnd, map.runEnd(y, here)) : aboveEnd;
                int value = map.runValue(y - 1, above);
                if (here >= hereRuns || map.runValue(y, here) != value) { // the value above ends here
                    if (value != lastValue) {
                        lastValue = value;
                        lastRuns = value == 0 && !withZero ? null : byValue.computeIfAbsent(value, v -> new ColumnRuns());
                    }
                    ColumnRuns runs = lastRuns;
                    for (int column = x; column < end; column++) {
                        if (runs != null) {
                            runs.add((long) column * height + openedAt[column], y - openedAt[column]);
                        }
                        openedAt[column] = y;
                    }
                }
                x = end;
                if (aboveEnd == end) {
                    above++;
                }
                if (here < hereRuns && map.runEnd(y, here) == end) {
                    here++;
                }
            }
        }
        return byValue;
    }

    /** One value's runs down the columns, gathered in any order and put in RLE order at the end. */
    private static final class ColumnRuns {
        private long[] runs = new long[8]; // start position (column-major) << 32 | length
        private int n;

        void add(long start, int length) {
            if (n == runs.length) {
                runs = Arrays.copyOf(runs, n * 2);
            }
            runs[n++] = start << 32 | length;
        }

        Rle rle(int height, int width) {
            Arrays.sort(runs, 0, n);
            int[] counts = new int[2 * n + 1];
            int k = 0;
            long end = 0; // position after the last pixel counted
            for (int i = 0; i < n; i++) {
                long start = runs[i] >>> 32;
                int length = (int) runs[i];
                if (k > 0 && start == end) { // a column's run going on at the top of the next column
                    counts[k - 1] += length;
                } else {
                    counts[k++] = (int) (start - end);
                    counts[k++] = length;
                }
                end = start + length;
            }
            long rest = (long) height * width - end;
            if (rest > 0) {
                counts[k++] = (int) rest;
            }
            return new Rle(height, width, Arrays.copyOf(counts, k));
        }
    }
}
