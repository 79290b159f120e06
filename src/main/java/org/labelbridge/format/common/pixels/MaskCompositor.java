package org.labelbridge.format.common.pixels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Paints instance shapes into one class map and one instance map, as VOC-style and
 * Cityscapes-style masks store them: higher z-order on top, equal z-order in the order added
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
    public record Compiled(IndexImage classes, IndexImage instances, Map<Integer, Long> hiddenPixels,
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
        IndexImage classes = new IndexImage(height, width);
        IndexImage instances = new IndexImage(height, width);
        Map<Integer, Long> hidden = new TreeMap<>();
        List<Layer> ordered = new ArrayList<>(layers);
        ordered.sort(Comparator.comparingInt(Layer::zOrder)); // stable: ties keep the order added
        for (Layer layer : ordered) {
            hidden.putIfAbsent(layer.instanceId(), 0L);
            // Counted per run of one value, not per pixel: masks are long runs.
            layer.coverage().cover(height, width, (y, x0, x1) -> {
                int p = y * width + x0;
                int end = y * width + x1;
                while (p < end) {
                    int under = instances.at(p);
                    int start = p;
                    for (; p < end && instances.at(p) == under; p++) {
                        instances.setAt(p, layer.instanceId());
                        classes.setAt(p, layer.classValue());
                    }
                    if (under != 0 && under != layer.instanceId()) {
                        hidden.merge(under, (long) (p - start), Long::sum);
                    }
                }
            });
        }
        Map<Integer, Long> visible = new TreeMap<>();
        hidden.keySet().forEach(id -> visible.put(id, 0L));
        for (int p = 0, n = height * width; p < n; ) {
            int id = instances.at(p);
            int start = p;
            while (p < n && instances.at(p) == id) {
                p++;
            }
            if (id != 0) {
                visible.merge(id, (long) (p - start), Long::sum);
            }
        }
        return new Compiled(classes, instances, hidden, visible);
    }
}
