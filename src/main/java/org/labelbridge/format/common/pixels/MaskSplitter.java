package org.labelbridge.format.common.pixels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.labelbridge.model.Rle;

/**
 * Splits merged maps back into one mask per value: a class map into per-class masks, an
 * instance map (with its class map) into per-instance masks and their classes. One pass over
 * the pixels in RLE order, whatever the number of instances.
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
    public static SortedMap<Integer, Rle> masks(IndexImage map) {
        SortedMap<Integer, Rle> masks = new TreeMap<>();
        runs(map, null, true).forEach((value, runs) -> masks.put(value, runs.rle(map.height(), map.width())));
        return masks;
    }

    /** One instance per non-zero id of {@code instances}, by ascending id; {@code classes} may be null. */
    public static List<Instance> instances(IndexImage instances, IndexImage classes) {
        if (classes != null && (classes.height() != instances.height() || classes.width() != instances.width())) {
            throw new IllegalArgumentException("class map is " + classes.height() + "x" + classes.width()
                    + ", instance map " + instances.height() + "x" + instances.width());
        }
        List<Instance> out = new ArrayList<>();
        runs(instances, classes, false).forEach((id, runs) -> {
            runs.flushClass();
            int majority = -1;
            long best = -1;
            for (Map.Entry<Integer, Long> e : runs.classPixels.entrySet()) {
                if (e.getValue() > best) { // TreeMap order: the smaller class wins a tie
                    best = e.getValue();
                    majority = e.getKey();
                }
            }
            out.add(new Instance(id, runs.rle(instances.height(), instances.width()), majority,
                    Collections.unmodifiableSortedMap(new TreeMap<>(runs.classPixels))));
        });
        return out;
    }

    private static TreeMap<Integer, Runs> runs(IndexImage map, IndexImage classes, boolean withZero) {
        int height = map.height(), width = map.width();
        TreeMap<Integer, Runs> byValue = new TreeMap<>();
        Map<Integer, Runs> fast = new HashMap<>();
        Runs last = null;
        int lastValue = Integer.MIN_VALUE;
        long total = (long) height * width;
        for (long p = 0; p < total; p++) { // column-major, as RLE counts run
            int index = (int) ((p % height) * width + p / height);
            int value = map.at(index);
            if (value == 0 && !withZero) {
                continue;
            }
            Runs runs = value == lastValue ? last : fast.computeIfAbsent(value, v -> {
                Runs created = new Runs();
                byValue.put(v, created);
                return created;
            });
            runs.add(p);
            if (classes != null) {
                runs.countClass(classes.at(index));
            }
            last = runs;
            lastValue = value;
        }
        return byValue;
    }

    /** Builds one value's RLE counts as its pixels arrive in column-major order. */
    private static final class Runs {
        private int[] counts = new int[8];
        private int n;
        private long end; // position after the last pixel seen
        private final TreeMap<Integer, Long> classPixels = new TreeMap<>();
        private int currentClass;
        private long currentCount; // pixels of currentClass not yet in classPixels

        void add(long p) {
            if (n > 0 && p == end) {
                counts[n - 1]++;
            } else {
                grow(2);
                counts[n++] = (int) (p - end);
                counts[n++] = 1;
            }
            end = p + 1;
        }

        /** Counts a pixel's class; runs of one class are counted without touching the map. */
        void countClass(int classValue) {
            if (classValue != currentClass) {
                flushClass();
                currentClass = classValue;
            }
            currentCount++;
        }

        void flushClass() {
            if (currentCount > 0) {
                classPixels.merge(currentClass, currentCount, Long::sum);
                currentCount = 0;
            }
        }

        Rle rle(int height, int width) {
            long rest = (long) height * width - end;
            if (rest > 0) {
                grow(1);
                counts[n++] = (int) rest;
            }
            return new Rle(height, width, Arrays.copyOf(counts, n));
        }

        private void grow(int more) {
            if (n + more > counts.length) {
                counts = Arrays.copyOf(counts, Math.max(counts.length * 2, n + more));
            }
        }
    }
}
