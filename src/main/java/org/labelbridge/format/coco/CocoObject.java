package org.labelbridge.format.coco;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Polygon;

/**
 * One COCO annotation to write: a box, or the polygons and masks of one object. Polygons and
 * masks that share a group and a label are one object (the spec's group rule; the reader's
 * inverse: COCO's list of polygons of one annotation comes back as polygons sharing its id as
 * group); {@link CrowdConversion} then makes it one mask (a crowd) or polygons.
 *
 * @param first    the box, the mask, or the first polygon, whose data the object takes
 * @param polygons all the polygons (empty for a box)
 * @param masks    all the masks (empty for a box)
 */
record CocoObject(Annotation first, List<Polygon> polygons, List<Mask> masks) {

    CocoObject(Annotation first, List<Polygon> polygons) {
        this(first, polygons, first instanceof Mask mask ? List.of(mask) : List.of());
    }

    /**
     * The item's objects, in item order; what the grouping changes goes to the problems. Items
     * arrive holding only the kinds COCO's descriptor declares (the pipeline drops the rest).
     */
    static List<CocoObject> of(Item item, Problems problems) {
        List<CocoObject> objects = new ArrayList<>();
        Map<String, CocoObject> byGroup = new HashMap<>();
        Map<Integer, Integer> groupSizes = new LinkedHashMap<>();
        for (Annotation a : item.annotations()) {
            switch (a.kind()) {
                case BBOX, MASK, POLYGON -> {
                }
                default -> throw new IllegalArgumentException("item '" + item.id() + "': a " + a.kind().id()
                        + " reached the COCO writer, which holds boxes, polygons and masks; the pipeline"
                        + " (TargetFit) fits items to the descriptor's kinds before writing");
            }
            int group = a.info().group();
            if (group != 0) {
                groupSizes.merge(group, 1, Integer::sum);
            }
            if ((a instanceof Polygon || a instanceof Mask) && group != 0) {
                CocoObject joined = byGroup.get(group + "/" + a.label());
                if (joined != null) {
                    if (!sameObjectData(joined.first(), a)) {
                        problems.changed(item.id(), a.kind(), "joined to the object of group " + group
                                + ", whose attributes and id it now has");
                    }
                    if (a instanceof Polygon polygon) {
                        joined.polygons().add(polygon);
                    } else {
                        joined.masks().add((Mask) a);
                    }
                    continue;
                }
                CocoObject object = a instanceof Polygon polygon
                        ? new CocoObject(a, new ArrayList<>(List.of(polygon)), new ArrayList<>())
                        : new CocoObject(a, new ArrayList<>(), new ArrayList<>(List.of((Mask) a)));
                byGroup.put(group + "/" + a.label(), object);
                objects.add(object);
            } else {
                objects.add(new CocoObject(a, a instanceof Polygon p ? new ArrayList<>(List.of(p)) : List.of()));
            }
        }
        reportSplitGroups(item, objects, groupSizes, problems);
        return objects;
    }

    private static boolean sameObjectData(Annotation a, Annotation b) {
        return a.attributes().equals(b.attributes()) && Objects.equals(a.info().track(), b.info().track());
    }

    /** A group whose members become several COCO objects is not kept. */
    private static void reportSplitGroups(Item item, List<CocoObject> objects, Map<Integer, Integer> groupSizes,
                                          Problems problems) {
        for (CocoObject object : objects) {
            int group = object.first().info().group();
            Integer size = groupSizes.get(group);
            int members = Math.max(1, object.polygons().size() + object.masks().size());
            if (group != 0 && size != null && size > members) {
                problems.changed(item.id(), object.first().kind(), "group " + group + " not kept: COCO joins"
                        + " only polygons and masks of one label into one object");
                groupSizes.remove(group);
            }
        }
    }
}
