package org.labelbridge.format.ultralytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.FormatException;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Label;
import org.labelbridge.model.SkeletonDef;

/**
 * The labels data.yaml declares, and which label a class id in a label file stands for. For
 * pose each class is a skeleton label whose points are child labels
 * {@code <class>_point_<i>}, as Datumaro and CVAT name them.
 */
final class ClassNames {

    private final Categories categories;
    private final Map<Integer, Integer> labelOfClass;
    private final String declared;

    private ClassNames(Categories categories, Map<Integer, Integer> labelOfClass, String declared) {
        this.categories = categories;
        this.labelOfClass = labelOfClass;
        this.declared = declared;
    }

    /** Plain labels, one per class (detection, segmentation, oriented boxes). */
    static ClassNames flat(DataYaml yaml, List<String> notes) {
        List<String> names = unique(yaml, notes);
        Map<Integer, Integer> labelOfClass = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            labelOfClass.put(yaml.classIds.get(i), i);
        }
        return new ClassNames(Categories.ofNames(names), labelOfClass, declared(yaml));
    }

    /** A skeleton label per class, each with {@code points} child point labels. */
    static ClassNames skeletons(DataYaml yaml, int points, List<String> notes) {
        List<String> names = unique(yaml, notes);
        List<Label> labels = new ArrayList<>();
        names.forEach(name -> labels.add(Label.named(name)));
        Map<Integer, SkeletonDef> skeletons = new HashMap<>();
        Map<Integer, Integer> labelOfClass = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            List<Integer> nodes = new ArrayList<>(points);
            for (int p = 0; p < points; p++) {
                nodes.add(labels.size());
                labels.add(new Label(pointName(names.get(i), p), names.get(i), List.of()));
            }
            skeletons.put(i, new SkeletonDef(nodes, List.of()));
            labelOfClass.put(yaml.classIds.get(i), i);
        }
        return new ClassNames(new Categories(labels, List.of(), skeletons, Map.of()), labelOfClass, declared(yaml));
    }

    /** The name a point of a skeleton gets: CVAT's and Datumaro's, for files that name none. */
    static String pointName(String skeleton, int point) {
        return skeleton + "_point_" + point;
    }

    Categories categories() {
        return categories;
    }

    /** The label index of a class id, or -1 when data.yaml does not declare it. */
    int label(int classId) {
        Integer label = labelOfClass.get(classId);
        return label == null ? -1 : label;
    }

    /** The label of the line's class id; an error naming the line when data.yaml does not declare it. */
    int labelOf(LabelLine line) throws FormatException {
        int classId = line.classId();
        int label = label(classId);
        if (label < 0) {
            throw line.error("class id " + classId + " is not in data.yaml's names (" + declared + ")");
        }
        return label;
    }

    /** What data.yaml declares, for messages: "10 classes, ids 0 to 9". */
    String declared() {
        return declared;
    }

    private static String declared(DataYaml yaml) {
        if (yaml.classIds.isEmpty()) {
            return "no classes";
        }
        int last = yaml.classIds.get(yaml.classIds.size() - 1);
        return yaml.classIds.size() + " class" + (yaml.classIds.size() == 1 ? "" : "es") + ", ids "
                + (last == yaml.classIds.size() - 1 ? "0 to " + last : yaml.classIds.toString());
    }

    /** The names, a repeated one made unique with its class id: labels are told apart by name. */
    private static List<String> unique(DataYaml yaml, List<String> notes) {
        List<String> out = new ArrayList<>(yaml.names.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < yaml.names.size(); i++) {
            String name = yaml.names.get(i);
            if (!seen.add(name)) {
                String renamed = name + "_" + yaml.classIds.get(i);
                while (!seen.add(renamed)) {
                    renamed = renamed + "_";
                }
                notes.add(yaml.file + ": class " + yaml.classIds.get(i) + " repeats the name '" + name
                        + "'; it is read as '" + renamed + "'");
                name = renamed;
            }
            out.add(name);
        }
        return out;
    }
}
