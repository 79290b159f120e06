package org.labelbridge.format.coco;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Skeleton;
import org.labelbridge.model.SkeletonDef;

/**
 * One person_keypoints object to write: a skeleton whose label declares its layout, with the box
 * and polygons of its group alongside (the reader's inverse: a keypoints object comes back as the
 * skeleton, its polygons and its box, sharing its id as group).
 *
 * @param keypoints the skeleton, whose label, id and attributes the object takes
 * @param triplets  {@code x, y, v} per keypoint, in the skeleton's node order
 * @param box       the group's box, or {@code null}
 * @param polygons  the group's polygons (its segmentation), maybe empty
 */
record KeypointObject(Annotation keypoints, double[] triplets, Bbox box, List<Polygon> polygons) {

    /**
     * The item's keypoint objects, in item order; what they cannot hold (a skeleton without a
     * layout, boxes and polygons outside a skeleton's group, other kinds) goes to the problems.
     */
    static List<KeypointObject> of(Item item, Categories categories, Problems problems) {
        List<Annotation> kept = new ArrayList<>();
        Map<Integer, Bbox> boxes = new HashMap<>();
        Map<Integer, List<Polygon>> polygons = new HashMap<>();
        for (Annotation a : item.annotations()) {
            int group = a.info().group();
            if (a instanceof Bbox bbox && group != 0 && !boxes.containsKey(group)) {
                boxes.put(group, bbox);
            } else if (a instanceof Polygon polygon && group != 0) {
                polygons.computeIfAbsent(group, g -> new ArrayList<>()).add(polygon);
            }
            kept.add(a);
        }
        List<KeypointObject> objects = new ArrayList<>();
        Map<Annotation, Boolean> used = new IdentityHashMap<>();
        for (Annotation a : kept) {
            if (!(a instanceof Skeleton skeleton)) {
                continue;
            }
            SkeletonDef def = skeleton.label() == null ? null : categories.skeletons().get(skeleton.label());
            if (def == null) {
                problems.dropped(item.id(), skeleton.kind(), "its label '" + categories.nameOf(skeleton.label())
                        + "' declares no skeleton: a COCO keypoints object has the keypoints its category names");
                continue;
            }
            double[] triplets = skeletonTriplets(item, skeleton, def, problems);
            int group = a.info().group();
            Bbox box = null;
            List<Polygon> segmentation = List.of();
            if (group != 0) {
                box = boxes.remove(group);
                segmentation = polygons.getOrDefault(group, List.of());
                polygons.remove(group);
            }
            if (box != null) {
                used.put(box, true);
                checkBox(item, a, box, Geometry.derivedKeypointBox(segmentation, triplets), problems);
            }
            for (Polygon polygon : segmentation) {
                used.put(polygon, true);
                if (!Objects.equals(polygon.label(), a.label())) {
                    problems.changed(item.id(), polygon.kind(), "written as the segmentation of the keypoints of"
                            + " group " + group + ", whose label it now has");
                }
            }
            objects.add(new KeypointObject(a, triplets, box, segmentation));
        }
        for (Annotation a : kept) {
            if (used.containsKey(a) || a instanceof Skeleton) {
                continue;
            }
            if (a instanceof Bbox || a instanceof Polygon) {
                problems.dropped(item.id(), a.kind(), "COCO Keypoints writes boxes and polygons only beside the"
                        + " keypoints of their group");
            } else {
                problems.dropped(item.id(), a.kind(), "COCO Keypoints holds keypoints, with the boxes and polygons"
                        + " of their group");
            }
        }
        return objects;
    }

    private static void checkBox(Item item, Annotation keypoints, Bbox box, double[] derived, Problems problems) {
        if (!Objects.equals(box.label(), keypoints.label())) {
            problems.changed(item.id(), box.kind(), "written as the bbox of the keypoints of group "
                    + box.info().group() + ", whose label it now has");
        }
        if (box.rotation() != 0) {
            problems.changed(item.id(), box.kind(), "rotation " + box.rotation() + " not kept: COCO boxes are upright");
        }
        if (Arrays.equals(new double[] {box.x(), box.y(), box.w(), box.h()}, derived)) {
            problems.changed(item.id(), box.kind(), "the box is exactly the frame of its polygons or keypoints:"
                    + " it reads back as that frame, not as a box");
        }
    }

    /** The nodes in the order of the label's skeleton layout; a node it lacks is absent at 0, 0. */
    private static double[] skeletonTriplets(Item item, Skeleton skeleton, SkeletonDef def, Problems problems) {
        List<Points> nodes = skeleton.nodes();
        List<Integer> order = def.nodeLabels();
        double[] triplets = new double[3 * order.size()];
        boolean[] filled = new boolean[order.size()];
        for (Points node : nodes) {
            int at = node.label() == null ? -1 : order.indexOf(node.label());
            if (at < 0 || filled[at] || node.size() != 1) {
                problems.dropped(item.id(), node.kind(), "a skeleton node that is not one point of a distinct node"
                        + " label of its skeleton");
                continue;
            }
            if (!node.info().equals(AnnotationInfo.of(node.label()))) {
                problems.changed(item.id(), node.kind(), "a skeleton node's id, group, attributes or track are not"
                        + " kept: COCO keypoints are x, y, v only");
            }
            filled[at] = true;
            triplets[3 * at] = node.x(0);
            triplets[3 * at + 1] = node.y(0);
            triplets[3 * at + 2] = node.visibility(0);
        }
        for (boolean f : filled) {
            if (!f) {
                problems.changed(item.id(), skeleton.kind(), "a node it lacks is written as absent at 0, 0");
                break;
            }
        }
        return triplets;
    }
}
