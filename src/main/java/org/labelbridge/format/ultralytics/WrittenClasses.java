package org.labelbridge.format.ultralytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Label;
import org.labelbridge.model.SkeletonDef;

/**
 * The classes a writer declares in data.yaml: which labels get a class id, in label order. For
 * boxes and polygons every label but skeleton points; for pose only skeleton labels, each
 * with its points in node order and as many keypoints as the largest skeleton has.
 */
final class WrittenClasses {

    private final List<String> names = new ArrayList<>();
    private final int[] classOfLabel;
    private final Map<Integer, SkeletonDef> skeletons;
    private final int points;

    private WrittenClasses(Categories categories, boolean pose, Problems problems) {
        classOfLabel = new int[categories.labels().size()];
        Arrays.fill(classOfLabel, -1);
        skeletons = new TreeMap<>(categories.skeletons());
        Set<Integer> nodes = new HashSet<>();
        skeletons.values().forEach(def -> nodes.addAll(def.nodeLabels()));
        int most = 0;
        Set<String> used = new HashSet<>();
        List<String> left = new ArrayList<>();
        for (int i = 0; i < classOfLabel.length; i++) {
            Label label = categories.label(i);
            boolean written = pose ? skeletons.containsKey(i) : !nodes.contains(i);
            if (!written) {
                if (pose && !nodes.contains(i)) {
                    left.add(label.name());
                }
                continue;
            }
            classOfLabel[i] = names.size();
            names.add(uniqueName(label, i, used, problems));
            if (pose) {
                most = Math.max(most, skeletons.get(i).nodeLabels().size());
            }
        }
        points = most;
        if (!left.isEmpty()) {
            problems.dataset("label(s) " + left + " are not written to data.yaml: Ultralytics YOLO Pose names"
                    + " only skeletons");
        }
        if (!pose && !nodes.isEmpty()) {
            problems.dataset(nodes.size() + " skeleton point label(s) are not written to data.yaml: this task has"
                    + " no skeletons");
        }
        if (pose) {
            reportSkeletonLosses(categories, problems);
        }
    }

    static WrittenClasses flat(Categories categories, Problems problems) {
        return new WrittenClasses(categories, false, problems);
    }

    static WrittenClasses skeletons(Categories categories, Problems problems) {
        return new WrittenClasses(categories, true, problems);
    }

    /** The class id of a label, or -1 when the label is not written. */
    int classOf(int label) {
        return label >= 0 && label < classOfLabel.length ? classOfLabel[label] : -1;
    }

    List<String> names() {
        return names;
    }

    /** Keypoints per pose line: the largest skeleton's. */
    int points() {
        return points;
    }

    /** The node labels of a skeleton label, in keypoint order. */
    List<Integer> nodes(int skeletonLabel) {
        return skeletons.get(skeletonLabel).nodeLabels();
    }

    private static String uniqueName(Label label, int index, Set<String> used, Problems problems) {
        String name = label.name().replace('\r', ' ').replace('\n', ' ');
        if (used.add(name) && name.equals(label.name())) {
            return name;
        }
        String unique = name;
        for (int n = 2; !used.add(unique); n++) {
            unique = name + "_" + n;
        }
        problems.dataset("label #" + index + " '" + label.name() + "'" + (label.hasParent() ? " (in '"
                + label.parent() + "')" : "") + " is written to data.yaml as '" + unique
                + "' (class names are unique, one line each)");
        return unique;
    }

    /** Point names and edges do not survive: Ultralytics numbers its keypoints. */
    private void reportSkeletonLosses(Categories categories, Problems problems) {
        for (Map.Entry<Integer, SkeletonDef> entry : skeletons.entrySet()) {
            String skeleton = categories.nameOf(entry.getKey());
            SkeletonDef def = entry.getValue();
            List<String> lost = new ArrayList<>();
            for (int p = 0; p < def.nodeLabels().size(); p++) {
                String node = categories.nameOf(def.nodeLabels().get(p));
                if (!node.equals(ClassNames.pointName(skeleton, p))) {
                    lost.add(node);
                }
            }
            List<String> what = new ArrayList<>();
            if (!lost.isEmpty()) {
                what.add("point names " + lost + " (they read back as " + ClassNames.pointName(skeleton, 0) + "...)");
            }
            if (!def.edges().isEmpty()) {
                what.add(def.edges().size() + " edge(s)");
            }
            if (!what.isEmpty()) {
                problems.dataset("skeleton '" + skeleton + "': " + String.join(" and ", what)
                        + " are not kept: Ultralytics YOLO Pose numbers its keypoints");
            }
            if (def.nodeLabels().size() < points) {
                problems.dataset("skeleton '" + skeleton + "' has " + def.nodeLabels().size() + " points, written as "
                        + points + " (kpt_shape is one for all classes): it reads back with " + points
                        + " points, the extra ones absent");
            }
        }
    }
}
