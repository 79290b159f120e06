package org.labelbridge.format.cvat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Label;
import org.labelbridge.model.Rgb;
import org.labelbridge.model.SkeletonDef;

/**
 * The categories of a CVAT dataset (the labels of all its annotation files, first declaration
 * wins) and the look-ups the reader needs: a label by name, an attribute's declaration.
 */
final class LabelTable {

    private final Categories categories;
    private final Map<String, Integer> indexByKey = new HashMap<>();
    /** By attribute name, over all labels: CVAT types an attribute by name when its label lacks it. */
    private final Map<String, AttributeDef> attributeByName = new HashMap<>();

    private LabelTable(List<CvatMeta.LabelDecl> declared, Problems problems) {
        List<Label> labels = new ArrayList<>();
        Map<Integer, Rgb> colors = new HashMap<>();
        List<CvatMeta.LabelDecl> kept = new ArrayList<>();
        for (CvatMeta.LabelDecl decl : declared) {
            String key = key(decl.name(), decl.parent());
            if (indexByKey.containsKey(key)) {
                continue; // the same label in another file of the dataset, or declared twice
            }
            indexByKey.put(key, labels.size());
            if (decl.color() != null) {
                colors.put(labels.size(), decl.color());
            }
            labels.add(new Label(decl.name(), decl.parent(), decl.attributes()));
            kept.add(decl);
            for (AttributeDef def : decl.attributes()) {
                attributeByName.putIfAbsent(def.name(), def);
            }
        }
        Map<Integer, SkeletonDef> skeletons = new LinkedHashMap<>();
        for (int i = 0; i < kept.size(); i++) {
            CvatMeta.LabelDecl decl = kept.get(i);
            if (decl.isSkeleton() && decl.parent().isEmpty()) {
                skeletons.put(i, skeleton(decl, labels, problems));
            }
        }
        categories = new Categories(labels, List.of(CvatLayout.OCCLUDED), skeletons, colors);
    }

    /** The labels of every annotation file's meta, in file order. */
    static LabelTable of(List<CvatMeta> metas, Problems problems) {
        List<CvatMeta.LabelDecl> declared = new ArrayList<>();
        for (CvatMeta meta : metas) {
            declared.addAll(meta.labels());
        }
        return new LabelTable(declared, problems);
    }

    private static SkeletonDef skeleton(CvatMeta.LabelDecl decl, List<Label> labels, Problems problems) {
        List<Integer> nodes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).parent().equals(decl.name())) {
                nodes.add(i);
                names.add(labels.get(i).name());
            }
        }
        List<SkeletonDef.Edge> edges = List.of();
        if (decl.svg() != null && !decl.svg().isBlank()) {
            try {
                edges = SkeletonSvg.edges(decl.svg(), names, decl.where());
            } catch (FormatException e) {
                problems.dataset("skeleton '" + decl.name() + "': its <svg> cannot be read, edges dropped ("
                        + e.getMessage() + ")");
            }
        }
        return new SkeletonDef(nodes, edges);
    }

    Categories categories() {
        return categories;
    }

    /** The index of a top-level label, or -1. */
    int indexOf(String name) {
        return indexOf(name, "");
    }

    /** The index of a label under a parent ({@code ""} for none), or -1. */
    int indexOf(String name, String parent) {
        Integer index = indexByKey.get(key(name, parent));
        return index == null ? -1 : index;
    }

    /** The attribute's value in the model's type, as its label (or any label) declares it. */
    Object value(Integer label, String attribute, String text) {
        AttributeDef def = null;
        if (label != null) {
            for (AttributeDef candidate : categories.label(label).attributes()) {
                if (candidate.name().equals(attribute)) {
                    def = candidate;
                    break;
                }
            }
        }
        return AttributeValues.parse(def != null ? def : attributeByName.get(attribute), text);
    }

    private static String key(String name, String parent) {
        return parent + "\u0000" + name;
    }
}
