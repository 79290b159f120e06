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
        PaintedRow[] rows = new PaintedRow[height];
        for (Layer layer : ordered) {
            int slot = slotOf.get(layer.instanceId());
            int classValue = layer.classValue();
            layer.coverage().cover(height, width, (y, x0, x1) -> {
                if (rows[y] == null) {
                    rows[y] = new PaintedRow(width);
                }
                rows[y].paint(x0, x1, classValue, slot, hidden);
            });
        }
        int[] instanceOf = new int[hidden.length]; // slot -> instance id, 0 -> 0
        for (int slot = 1; slot < hidden.length; slot++) {
            instanceOf[slot] = instanceOfSlot.get(slot - 1);
        }
        long[] visible = new long[hidden.length];
        RunImage.Builder classes = new RunImage.Builder(height, width);
        RunImage.Builder instances = new RunImage.Builder(height, width);
        for (int y = 0; y < height; y++) {
            PaintedRow row = rows[y];
            if (row == null) {
                classes.run(width, 0);
                instances.run(width, 0);
            } else {
                for (int k = 0, start = 0; k < row.count; k++) {
                    int slot = row.slots[k];
                    classes.run(row.ends[k], row.classes[k]);
                    instances.run(row.ends[k], instanceOf[slot]);
                    visible[slot] += row.ends[k] - start;
                    start = row.ends[k];
                }
            }
            classes.endRow();
            instances.endRow();
        }
        Map<Integer, Long> hiddenPixels = new TreeMap<>();
        Map<Integer, Long> visiblePixels = new TreeMap<>();
        for (int slot = 1; slot < hidden.length; slot++) {
            hiddenPixels.put(instanceOf[slot], hidden[slot]);
            visiblePixels.put(instanceOf[slot], visible[slot]);
        }
        return new Compiled(classes.build(), instances.build(), hiddenPixels, visiblePixels);
    }

    /** One row being painted: runs of (class, region slot), slot 0 where nothing is painted. */
    private static final class PaintedRow {
        private int[] ends;
        private int[] classes;
        private int[] slots;
        private int count;

        PaintedRow(int width) {
            ends = new int[] {width, 0, 0, 0};
            classes = new int[4];
            slots = new int[4];
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
