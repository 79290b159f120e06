package org.labelbridge.format.common.pixels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Paints instance shapes into one class map and one instance map, as VOC-style and
 * Cityscapes-style masks store them, run by run along each row (masks are long runs): higher z-order on top, equal z-order in the order added
 * (later on top), as Datumaro's {@code CompiledMask.from_instance_masks} does. Unpainted
 * pixels keep class {@code 0} and instance {@code 0}.
 */
public final class MaskCompositor {

    private record Layer(Coverage coverage, int classValue, int instanceId, int zOrder) {
    }

    /**
     * The merged maps, and what the merge hid: for each instance id, how many of its pixels
     * ended under another instance ({@code 0} when none were hidden; an instance whose
     * {@link #visiblePixels} is 0 vanished entirely).
     */
    public record Compiled(RunImage classes, RunImage instances, Map<Integer, Long> hiddenPixels,
                           Map<Integer, Long> visiblePixels) {

        /** The largest value of {@link #instances()} (0 for none), from the counts, without a scan. */
        public int maxInstance() {
            int max = 0;
            for (Map.Entry<Integer, Long> e : visiblePixels.entrySet()) {
                if (e.getValue() > 0) {
                    max = Math.max(max, e.getKey());
                }
            }
            return max;
        }
    }

    private final int height;
    private final int width;
    private final List<Layer> layers = new ArrayList<>();

    public MaskCompositor(int height, int width) {
        IndexImage.checkedArea(height, width);
        this.height = height;
        this.width = width;
    }

    /**
     * Adds a shape of class {@code classValue} belonging to instance {@code instanceId}
     * ({@code > 0}); shapes of one instance may be added several times and merge.
     */
    public MaskCompositor add(Coverage coverage, int classValue, int instanceId, int zOrder) {
        if (instanceId <= 0) {
            throw new IllegalArgumentException("instance ids start at 1, got " + instanceId);
        }
        layers.add(new Layer(coverage, classValue, instanceId, zOrder));
        return this;
    }

    public boolean isEmpty() {
        return layers.isEmpty();
    }

    public Compiled compile() {
        List<Layer> ordered = new ArrayList<>(layers);
        ordered.sort(Comparator.comparingInt(Layer::zOrder)); // stable: ties keep the order added
        // Rows hold region slots (index + 1 into instanceOfSlot), so counting needs no map per run.
        Map<Integer, Integer> slotOf = new HashMap<>();
        List<Integer> instanceOfSlot = new ArrayList<>();
        for (Layer layer : ordered) {
            slotOf.computeIfAbsent(layer.instanceId(), id -> {
                instanceOfSlot.add(id);
                return instanceOfSlot.size();
            });
        }
        long[] hidden = new long[instanceOfSlot.size() + 1];
        // Every shape's spans, in painting order, then bucketed by row (a stable counting sort):
        // each row is painted on its own in one reused row, so nothing is allocated per row.
        Spans spans = new Spans(height);
        for (Layer layer : ordered) {
            spans.layer(slotOf.get(layer.instanceId()), layer.classValue());
            layer.coverage().cover(height, width, spans);
        }
        int[] byRow = spans.byRow();
        int[] instanceOf = new int[hidden.length]; // slot -> instance id, 0 -> 0
        for (int slot = 1; slot < hidden.length; slot++) {
            instanceOf[slot] = instanceOfSlot.get(slot - 1);
        }
        long[] visible = new long[hidden.length];
        RunImage.Builder classes = new RunImage.Builder(height, width);
        RunImage.Builder instances = new RunImage.Builder(height, width);
        PaintedRow row = new PaintedRow(width);
        int[] blankEnd = {width}, blank = {0};
        for (int y = 0, i = 0; y < height; y++) {
            int end = spans.rowEnd(y);
            if (i == end) {
                classes.row(blankEnd, blank, null, 1);
                instances.row(blankEnd, blank, null, 1);
                continue;
            }
            row.clear(width);
            for (; i < end; i++) {
                int s = byRow[i];
                row.paint(spans.x0[s], spans.x1[s], spans.classOf[s], spans.slotOf[s], hidden);
            }
            for (int k = 0, start = 0; k < row.count; k++) {
                visible[row.slots[k]] += row.ends[k] - start;
                start = row.ends[k];
            }
            classes.row(row.ends, row.classes, null, row.count);
            instances.row(row.ends, row.slots, instanceOf, row.count);
        }
        Map<Integer, Long> hiddenPixels = new TreeMap<>();
        Map<Integer, Long> visiblePixels = new TreeMap<>();
        for (int slot = 1; slot < hidden.length; slot++) {
            hiddenPixels.put(instanceOf[slot], hidden[slot]);
            visiblePixels.put(instanceOf[slot], visible[slot]);
        }
        return new Compiled(classes.build(), instances.build(), hiddenPixels, visiblePixels);
    }

    /** The spans of all shapes as they are painted (each with its layer's slot and class), then by row. */
    private static final class Spans implements Coverage.SpanSink {
        private final int height;
        private int[] rows = new int[64];
        private int[] x0 = new int[64];
        private int[] x1 = new int[64];
        private int[] slotOf = new int[64];
        private int[] classOf = new int[64];
        private int n;
        private int slot;
        private int classValue;
        /** After {@link #byRow()}: where each row's spans end in its result. */
        private int[] rowEnds;

        Spans(int height) {
            this.height = height;
        }

        /** The spans from now on are of this slot and class. */
        void layer(int slot, int classValue) {
            this.slot = slot;
            this.classValue = classValue;
        }

        @Override
        public void span(int y, int from, int to) {
            if (n == rows.length) {
                int size = n * 2;
                rows = Arrays.copyOf(rows, size);
                x0 = Arrays.copyOf(x0, size);
                x1 = Arrays.copyOf(x1, size);
                slotOf = Arrays.copyOf(slotOf, size);
                classOf = Arrays.copyOf(classOf, size);
            }
            rows[n] = y;
            x0[n] = from;
            x1[n] = to;
            slotOf[n] = slot;
            classOf[n++] = classValue;
        }

        /** The spans' indices ordered by row, each row's in painting order. */
        int[] byRow() {
            rowEnds = new int[height];
            for (int i = 0; i < n; i++) {
                rowEnds[rows[i]]++;
            }
            for (int y = 0, total = 0; y < height; y++) { // each row's start, moved to its end below
                int count = rowEnds[y];
                rowEnds[y] = total;
                total += count;
            }
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[rowEnds[rows[i]]++] = i;
            }
            return order;
        }

        int rowEnd(int y) {
            return rowEnds[y];
        }
    }

    /** One row being painted: runs of (class, region slot), slot 0 where nothing is painted. */
    private static final class PaintedRow {
        private int[] ends;
        private int[] classes;
        private int[] slots;
        private int count;

        PaintedRow(int width) {
            ends = new int[8];
            classes = new int[8];
            slots = new int[8];
            clear(width);
        }

        /** Nothing painted: one run of slot 0 over the row. */
        void clear(int width) {
            ends[0] = width;
            classes[0] = 0;
            slots[0] = 0;
            count = 1;
        }

        /** Paints {@code [x0, x1)} over what is there, adding to {@code hidden} what other regions lose. */
        void paint(int x0, int x1, int classValue, int slot, long[] hidden) {
            if (x0 >= x1) {
                return;
            }
            int first = 0; // the first run ending beyond x0
            while (ends[first] <= x0) {
                first++;
            }
            int last = first; // the run holding x1 - 1
            while (ends[last] < x1) {
                last++;
            }
            int start = first == 0 ? 0 : ends[first - 1];
            for (int k = first, s = start; k <= last; s = ends[k], k++) {
                int under = slots[k];
                if (under != 0 && under != slot) {
                    hidden[under] += Math.min(ends[k], x1) - Math.max(s, x0);
                }
            }
            boolean keepHead = start < x0;
            boolean keepTail = ends[last] > x1;
            int replaced = last - first + 1;
            int added = (keepHead ? 1 : 0) + 1 + (keepTail ? 1 : 0);
            int headClass = classes[first], headSlot = slots[first];
            int tailEnd = ends[last], tailClass = classes[last], tailSlot = slots[last];
            if (count - replaced + added > ends.length) {
                int size = Math.max(ends.length * 2, count - replaced + added);
                ends = Arrays.copyOf(ends, size);
                classes = Arrays.copyOf(classes, size);
                slots = Arrays.copyOf(slots, size);
            }
            int after = count - last - 1;
            int to = first + added;
            System.arraycopy(ends, last + 1, ends, to, after);
            System.arraycopy(classes, last + 1, classes, to, after);
            System.arraycopy(slots, last + 1, slots, to, after);
            int k = first;
            if (keepHead) {
                set(k++, x0, headClass, headSlot);
            }
            set(k++, x1, classValue, slot);
            if (keepTail) {
                set(k, tailEnd, tailClass, tailSlot);
            }
            count += added - replaced;
        }

        private void set(int k, int end, int classValue, int slot) {
            ends[k] = end;
            classes[k] = classValue;
            slots[k] = slot;
        }
    }
}
