package org.labelbridge.format.voc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labelbridge.model.Bbox;

/**
 * One {@code <object>} to write: a box and the boxes of its group that become its parts.
 *
 * @param index 1-based position in the file; the reader makes it the box's id and group
 */
record VocObject(int index, Bbox box, List<Bbox> parts) {

    /**
     * Splits an item's boxes into objects and parts. Boxes sharing a group form one object:
     * the first with an annotation id is the object (VOC parts have none), else the first box;
     * the others are its parts, in order. Boxes without a group are objects of their own.
     */
    static List<VocObject> of(List<Bbox> boxes) {
        Map<Integer, List<Bbox>> groups = new LinkedHashMap<>();
        for (Bbox box : boxes) {
            if (box.info().group() != 0) {
                groups.computeIfAbsent(box.info().group(), g -> new ArrayList<>()).add(box);
            }
        }
        Map<Integer, Bbox> mainOfGroup = new HashMap<>();
        groups.forEach((group, members) -> mainOfGroup.put(group,
                members.stream().filter(b -> b.info().id() != 0).findFirst().orElse(members.get(0))));
        List<VocObject> objects = new ArrayList<>();
        for (Bbox box : boxes) {
            int group = box.info().group();
            if (group == 0) {
                objects.add(new VocObject(objects.size() + 1, box, List.of()));
            } else if (mainOfGroup.get(group) == box) {
                List<Bbox> parts = new ArrayList<>(groups.get(group));
                parts.remove(box);
                objects.add(new VocObject(objects.size() + 1, box, parts));
            }
        }
        return objects;
    }
}
