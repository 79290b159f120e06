package org.labelbridge.format.coco;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Label;
import org.labelbridge.model.SkeletonDef;

/**
 * The labels of all task files together: one label per name and supercategory while the files
 * are read, in order of first appearance (so category ids 1, 2, 4 give labels 0, 1, 2). A keypoint
 * category with named keypoints becomes a skeleton whose nodes are labels with the category as
 * parent. Once every file is read, {@link #settle} makes the categories of one name one label.
 */
final class CocoLabels {

    /** Where a label was first declared, for messages. */
    private record Origin(String file, long categoryId) {
        @Override
        public String toString() {
            return file + " (category id " + categoryId + ")";
        }
    }

    private List<Label> labels = new ArrayList<>();
    private List<Origin> origins = new ArrayList<>();
    private final Map<String, Integer> byKey = new HashMap<>();
    private Map<Integer, SkeletonDef> skeletons = new HashMap<>();
    private final Map<Integer, List<String>> keypointNames = new HashMap<>();

    /**
     * The index of the label, added when new; {@code supercategory} becomes its parent.
     *
     * @param file       the task file that declares it, and {@code categoryId} its id there (for messages)
     */
    int add(String name, String supercategory, String file, long categoryId) {
        String parent = supercategory == null ? "" : supercategory;
        return byKey.computeIfAbsent(parent + "\u0000" + name, key -> {
            labels.add(new Label(name, parent, List.of()));
            origins.add(new Origin(file, categoryId));
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
        Origin origin = origins.get(label);
        List<Integer> nodes = new ArrayList<>();
        for (String name : names) {
            nodes.add(add(name, skeleton, origin.file(), origin.categoryId()));
        }
        skeletons.put(label, new SkeletonDef(nodes, nodeEdges));
        keypointNames.put(label, List.copyOf(names));
        return null;
    }

    /** The skeleton of a label, or {@code null}. */
    SkeletonDef skeleton(int label) {
        return skeletons.get(label);
    }

    /**
     * Makes the categories of one name one label, as CVAT (labels keyed by name) and every
     * trainer (one class per name) take them: a Roboflow export gives the same category another
     * supercategory in each subset file, and two labels of one name would be two classes. The
     * first declaration is kept (its supercategory the parent), and the merge reported. Skeleton
     * nodes are not merged: nodes of two skeletons may share a name.
     *
     * <p>Only a real hierarchy keeps them apart: when two of the supercategories are themselves
     * labels that annotations use, the name means two classes, and no target that keys classes by
     * name can hold both; that is an error naming both.
     *
     * @param used the labels that annotations refer to
     * @return each label's new index, by its index so far; {@code null} when nothing merged
     */
    int[] settle(BitSet used, Problems problems) throws FormatException {
        Set<Integer> nodes = new HashSet<>();
        skeletons.values().forEach(def -> nodes.addAll(def.nodeLabels()));
        Map<String, List<Integer>> byName = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            if (!nodes.contains(i)) {
                byName.computeIfAbsent(labels.get(i).name(), k -> new ArrayList<>()).add(i);
            }
        }
        int[] keptOf = new int[labels.size()];
        for (int i = 0; i < keptOf.length; i++) {
            keptOf[i] = i;
        }
        boolean merged = false;
        for (List<Integer> same : byName.values()) {
            if (same.size() < 2) {
                continue;
            }
            requireNoHierarchy(same, used);
            int kept = same.get(0);
            for (int other : same.subList(1, same.size())) {
                keptOf[other] = kept;
                if (!skeletons.containsKey(kept) && skeletons.containsKey(other)) {
                    skeletons.put(kept, skeletons.get(other));
                }
                skeletons.remove(other);
            }
            problems.dataset(mergeMessage(same));
            merged = true;
        }
        if (!merged) {
            return null;
        }
        int[] remap = new int[labels.size()];
        List<Label> settled = new ArrayList<>();
        List<Origin> settledOrigins = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            if (keptOf[i] == i) {
                remap[i] = settled.size();
                settled.add(labels.get(i));
                settledOrigins.add(origins.get(i));
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            remap[i] = remap[keptOf[i]];
        }
        Map<Integer, SkeletonDef> settledSkeletons = new HashMap<>();
        skeletons.forEach((label, def) -> settledSkeletons.put(remap[label], new SkeletonDef(
                def.nodeLabels().stream().map(node -> remap[node]).toList(), def.edges())));
        labels = settled;
        origins = settledOrigins;
        skeletons = settledSkeletons;
        return remap;
    }

    /** Fails when two of the supercategories of one name are labels with annotations of their own. */
    private void requireNoHierarchy(List<Integer> same, BitSet used) throws FormatException {
        Integer first = null;
        for (int label : same) {
            String parent = labels.get(label).parent();
            if (!parent.isEmpty() && isUsedName(parent, used)) {
                if (first == null) {
                    first = label;
                } else {
                    Origin here = origins.get(label);
                    throw FormatException.at(here.file(), "category id " + here.categoryId(), "category '"
                            + labels.get(label).name() + "' has the supercategory '" + parent + "', and '"
                            + labels.get(first).parent() + "' in " + origins.get(first) + "; both supercategories"
                            + " are labels with annotations of their own, so the name '" + labels.get(label).name()
                            + "' means two classes, which targets that know a class by its name (CVAT, YOLO) cannot"
                            + " tell apart: rename one of them");
                }
            }
        }
    }

    private boolean isUsedName(String name, BitSet used) {
        for (int i = used.nextSetBit(0); i >= 0; i = used.nextSetBit(i + 1)) {
            if (labels.get(i).name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private String mergeMessage(List<Integer> same) {
        StringBuilder declared = new StringBuilder();
        for (int label : same) {
            declared.append(declared.length() == 0 ? "" : ", ").append(supercategory(labels.get(label)))
                    .append(" in ").append(origins.get(label));
        }
        Label kept = labels.get(same.get(0));
        return "category '" + kept.name() + "' is declared with " + same.size() + " supercategories ("
                + declared + "): read as one label, with " + supercategory(kept) + " (its first declaration);"
                + " one name is one class";
    }

    private static String supercategory(Label label) {
        return label.parent().isEmpty() ? "no supercategory" : "supercategory '" + label.parent() + "'";
    }

    Categories categories() {
        return new Categories(labels, List.of(), skeletons, Map.of());
    }
}
