package org.labelbridge.format.coco;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Label;
import org.labelbridge.model.SkeletonDef;

/**
 * The labels of all task files together: one label per name and supercategory, in order of
 * first appearance (so category ids 1, 2, 4 give labels 0, 1, 2). A keypoint category with named
 * keypoints becomes a skeleton whose nodes are labels with the category as parent.
 */
final class CocoLabels {

    private final List<Label> labels = new ArrayList<>();
    private final Map<String, Integer> byName = new HashMap<>();
    private final Map<Integer, SkeletonDef> skeletons = new HashMap<>();
    private final Map<Integer, List<String>> keypointNames = new HashMap<>();

    /** The index of the label, added when new; {@code supercategory} becomes its parent. */
    int add(String name, String supercategory) {
        String parent = supercategory == null ? "" : supercategory;
        return byName.computeIfAbsent(parent + "\u0000" + name, key -> {
            labels.add(new Label(name, parent, List.of()));
            return labels.size() - 1;
        });
    }

    /**
     * Makes the label a skeleton of these keypoints, unless it is one already. Returns why the
     * keypoints cannot be a skeleton, or {@code null} when they are (or already were) one.
     *
     * @param edges pairs of keypoint numbers, 1-based as COCO writes them (0-based when a 0 occurs)
     */
    String defineSkeleton(int label, List<String> names, List<int[]> edges) {
        List<String> known = keypointNames.get(label);
        if (known != null) {
            return known.equals(names) ? null : "its keypoints " + names + " differ from " + known
                    + ", declared before";
        }
        if (new HashSet<>(names).size() != names.size() || names.contains("")) {
            return "its keypoint names " + names + " are not distinct";
        }
        int base = edges.stream().anyMatch(e -> e[0] == 0 || e[1] == 0) ? 0 : 1;
        List<SkeletonDef.Edge> nodeEdges = new ArrayList<>();
        for (int[] edge : edges) {
            int from = edge[0] - base;
            int to = edge[1] - base;
            if (from < 0 || to < 0 || from >= names.size() || to >= names.size()) {
                return "its skeleton edge " + edge[0] + "-" + edge[1] + " joins no two of its "
                        + names.size() + " keypoints";
            }
            nodeEdges.add(new SkeletonDef.Edge(from, to));
        }
        String skeleton = labels.get(label).name();
        List<Integer> nodes = new ArrayList<>();
        for (String name : names) {
            nodes.add(add(name, skeleton));
        }
        skeletons.put(label, new SkeletonDef(nodes, nodeEdges));
        keypointNames.put(label, List.copyOf(names));
        return null;
    }

    /** The skeleton of a label, or {@code null}. */
    SkeletonDef skeleton(int label) {
        return skeletons.get(label);
    }

    Categories categories() {
        return new Categories(labels, List.of(), skeletons, Map.of());
    }
}
