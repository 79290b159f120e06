package org.labelbridge.format.common.pixels;

import java.util.Set;

/** Instance ids of the shapes of one VOC-style instance map (PASCAL VOC, Segmentation mask). */
public final class InstanceIds {

    private InstanceIds() {
    }

    /**
     * Completes the ids chosen so far, in shape order: {@code 0} (none chosen) becomes the
     * smallest id not yet taken, and {@code -1 - i} the id of shape {@code i} (a shape merged
     * into an earlier one).
     */
    public static void complete(int[] ids, Set<Integer> taken) {
        int free = 1;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == 0) {
                while (!taken.add(free)) {
                    free++;
                }
                ids[i] = free;
            } else if (ids[i] < 0) {
                ids[i] = ids[-1 - ids[i]];
            }
        }
    }
}
