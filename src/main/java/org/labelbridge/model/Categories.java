package org.labelbridge.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a dataset declares before its items.
 *
 * @param labels           the labels; annotations refer to them by index
 * @param commonAttributes attribute names any label may carry (Datumaro's label attributes)
 * @param skeletons        skeleton layouts by skeleton label index
 * @param colors           colour per label index, where the source defines a colour map
 */
public record Categories(List<Label> labels, List<String> commonAttributes,
                         Map<Integer, SkeletonDef> skeletons, Map<Integer, Rgb> colors) {

    public static final Categories EMPTY = new Categories(List.of(), List.of(), Map.of(), Map.of());

    public Categories {
        labels = List.copyOf(labels);
        commonAttributes = commonAttributes == null ? List.of() : List.copyOf(commonAttributes);
        skeletons = skeletons == null ? Map.of() : Map.copyOf(skeletons);
        colors = colors == null ? Map.of() : Map.copyOf(colors);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            Label label = labels.get(i);
            // Names are unique per parent: skeleton nodes of different skeletons may share a name.
            Integer previous = seen.put(label.parent() + "\u0000" + label.name(), i);
            if (previous != null) {
                throw new IllegalArgumentException("label '" + label.name() + "' is declared twice (#"
                        + previous + " and #" + i + ")");
            }
        }
        for (Integer index : skeletons.keySet()) {
            if (index < 0 || index >= labels.size()) {
                throw new IllegalArgumentException("skeleton for unknown label index " + index);
            }
        }
    }

    public static Categories of(List<Label> labels) {
        return new Categories(labels, List.of(), Map.of(), Map.of());
    }

    public static Categories ofNames(List<String> names) {
        return of(names.stream().map(Label::named).toList());
    }

    /** Index of the top-level (parentless) label with this name, or -1. */
    public int indexOf(String name) {
        return indexOf(name, "");
    }

    /** Index of the label with this name and parent, or -1. */
    public int indexOf(String name, String parent) {
        for (int i = 0; i < labels.size(); i++) {
            Label label = labels.get(i);
            if (label.name().equals(name) && label.parent().equals(parent)) {
                return i;
            }
        }
        return -1;
    }

    public Label label(int index) {
        return labels.get(index);
    }

    /** The label's name, or {@code null} for an unlabelled annotation. */
    public String nameOf(Integer index) {
        return index == null ? null : labels.get(index).name();
    }

    public Categories withLabels(List<Label> newLabels) {
        return new Categories(newLabels, commonAttributes, skeletons, colors);
    }
}
