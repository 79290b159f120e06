package org.labelbridge.format.common.pixels;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Numbers the instances of one image within their class, for instance maps that store class
 * and instance in one value (Cityscapes {@code class * 1000 + n}, KITTI {@code class << 8 | n}):
 * an instance keeps its own id where that is in {@code 1..max} and not taken in its class, the
 * others take the smallest free numbers, in order.
 */
public final class InstanceNumbers {

    private InstanceNumbers() {
    }

    /**
     * @param classes the class of each instance
     * @param wanted  the id each instance asks for (its annotation id; 0 for none)
     * @param max     the largest number a class can hold
     * @return the number of each instance, or 0 where its class has no number left
     */
    public static int[] assign(int[] classes, long[] wanted, int max) {
        int[] numbers = new int[classes.length];
        Map<Integer, Set<Integer>> taken = new HashMap<>();
        for (int i = 0; i < classes.length; i++) {
            if (wanted[i] >= 1 && wanted[i] <= max && taken.computeIfAbsent(classes[i], c -> new HashSet<>()).add((int) wanted[i])) {
                numbers[i] = (int) wanted[i];
            }
        }
        Map<Integer, Integer> nextFree = new HashMap<>();
        for (int i = 0; i < classes.length; i++) {
            if (numbers[i] != 0) {
                continue;
            }
            Set<Integer> used = taken.computeIfAbsent(classes[i], c -> new HashSet<>());
            int n = nextFree.getOrDefault(classes[i], 1);
            while (n <= max && used.contains(n)) {
                n++;
            }
            if (n <= max) {
                used.add(n);
                numbers[i] = n;
            }
            nextFree.put(classes[i], n);
        }
        return numbers;
    }
}
