package org.labelbridge.format.common.pixels;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Categories;

/**
 * How one item's shapes go into an instance map that stores class and instance in one value
 * (Cityscapes {@code class * 1000 + n}, KITTI {@code class << 8 | n}): a shape is an instance
 * of its class, numbered by {@link InstanceNumbers}; a crowd ({@code is_crowd} true) has no
 * instance, so the crowds of one class share one region coded by the class alone. Every id
 * that changes and every merge is reported.
 */
public final class CodedInstances {

    public static final String IS_CROWD = "is_crowd";

    /** The stored value of instance {@code n} of a class; {@code n} is 0 for a crowd. */
    @FunctionalInterface
    public interface Code {
        long of(int classValue, int n);
    }

    /**
     * @param regions the region of each shape, for {@link ShapeCanvas#paint} (1 and up)
     * @param values  the stored value of each region, by region number (0 where nothing is painted)
     */
    public record Layout(int[] regions, int[] values) {

        /**
         * How many distinct values the painted map holds, the unpainted pixels' 0 included: what
         * a reader that makes one mask per value (Datumaro's Cityscapes and KITTI readers, and
         * ours) gives back. Regions hidden entirely hold none; regions coded alike count once.
         */
        public int valuesShown(MaskCompositor.Compiled compiled) {
            Set<Integer> shown = new HashSet<>();
            long painted = 0;
            for (Map.Entry<Integer, Long> region : compiled.visiblePixels().entrySet()) {
                if (region.getValue() > 0) {
                    shown.add(values[region.getKey()]);
                    painted += region.getValue();
                }
            }
            if (painted < (long) compiled.instances().height() * compiled.instances().width()) {
                shown.add(values[0]);
            }
            return shown.size();
        }
    }

    private CodedInstances() {
    }

    /** Whether {@code is_crowd} is true (a Boolean, or the text {@code true}). */
    public static boolean isCrowd(Annotation a) {
        Object value = a.attributes().get(IS_CROWD);
        return Boolean.TRUE.equals(value) || value instanceof String s && s.equalsIgnoreCase("true");
    }

    /**
     * @param classes     the class of each shape
     * @param maxInstance the largest instance number a class holds
     * @param maxValue    the largest value the map holds
     */
    public static Layout lay(String itemId, List<Annotation> shapes, int[] classes, int maxInstance, long maxValue,
                             Code code, String format, Categories categories, Problems problems) {
        int n = shapes.size();
        boolean[] crowd = new boolean[n];
        List<Integer> instances = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            crowd[i] = isCrowd(shapes.get(i));
            if (!crowd[i]) {
                instances.add(i);
            } else if (shapes.get(i).info().id() != 0) {
                problems.changed(itemId, shapes.get(i).kind(), "id not kept: a crowd region has no instance id");
            }
        }
        int[] numbers = InstanceNumbers.assign(instances.stream().mapToInt(i -> classes[i]).toArray(),
                instances.stream().mapToLong(i -> shapes.get(i).info().id()).toArray(), maxInstance);
        long[] values = new long[n];
        for (int k = 0; k < instances.size(); k++) {
            int i = instances.get(k);
            Annotation a = shapes.get(i);
            long value = code.of(classes[i], numbers[k]);
            if (numbers[k] == 0 || value > maxValue) {
                crowd[i] = true;
                problems.changed(itemId, a.kind(), "written as a crowd region without instance id: "
                        + (numbers[k] == 0 ? "label '" + categories.nameOf(a.label()) + "' has more than " + maxInstance
                        + " instances" : "instance ids of label index " + classes[i] + " do not fit the " + format
                        + " instance map"));
                continue;
            }
            values[i] = value;
            if (a.info().id() != 0 && a.info().id() != numbers[k]) {
                problems.changed(itemId, a.kind(), "instance id renumbered: " + format + " instance ids are 1.."
                        + maxInstance + " and unique within a label");
            }
        }
        int[] regions = new int[n];
        List<Long> regionValues = new ArrayList<>(List.of(0L));
        Map<Integer, Integer> crowdRegion = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (crowd[i]) {
                Integer region = crowdRegion.get(classes[i]);
                if (region != null) {
                    regions[i] = region;
                    problems.changed(itemId, shapes.get(i).kind(), "merged with the other crowd '"
                            + categories.nameOf(shapes.get(i).label()) + "' shapes into one region: crowd regions have no instance id");
                    continue;
                }
                crowdRegion.put(classes[i], regionValues.size());
                values[i] = code.of(classes[i], 0);
            }
            regions[i] = regionValues.size();
            regionValues.add(values[i]);
        }
        return new Layout(regions, regionValues.stream().mapToInt(Long::intValue).toArray());
    }
}
