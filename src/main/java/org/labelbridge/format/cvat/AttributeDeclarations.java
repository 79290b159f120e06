package org.labelbridge.format.cvat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.Problems;
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.AttributeType;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Label;

/**
 * The {@code <attribute>} declarations of each label, settled once every item is written: a
 * typed declaration from the categories is kept; an attribute the categories only name (or do
 * not declare at all) is declared by the values it took (all Boolean: checkbox; all numbers:
 * number; otherwise text), so that CVAT accepts it and it reads back with its type. An attribute
 * whose value changes along a track must be mutable: one inferred here is declared so, and one
 * the categories type as immutable is declared mutable, and reported, so that no value is lost.
 */
final class AttributeDeclarations {

    private final Categories categories;
    private final Map<Integer, Map<String, Seen>> seen = new HashMap<>();
    /** Attributes, by label, whose value changes along a track. */
    private final Map<Integer, Set<String>> varying = new HashMap<>();

    /** The kinds of value one attribute of one label took. */
    private static final class Seen {
        boolean flags;
        boolean numbers;
        boolean texts;
        boolean whole = true;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;

        void add(Object value) {
            if (value instanceof Boolean) {
                flags = true;
            } else if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
                numbers = true;
                whole &= !(value instanceof Double || value instanceof Float);
                min = Math.min(min, number.doubleValue());
                max = Math.max(max, number.doubleValue());
            } else {
                texts = true;
            }
        }
    }

    AttributeDeclarations(Categories categories) {
        this.categories = categories;
    }

    /** Notes a value an annotation of the label carries. */
    void add(int label, String name, Object value) {
        if (typed(declared(label, name))) {
            return;
        }
        seen.computeIfAbsent(label, l -> new LinkedHashMap<>()).computeIfAbsent(name, n -> new Seen()).add(value);
    }

    /** Notes that the attribute's value changes along a track of the label. */
    void varies(int label, String name) {
        varying.computeIfAbsent(label, l -> new HashSet<>()).add(name);
    }

    /** What to write under the label's {@code <attributes>}; reports declarations that lose types. */
    List<AttributeDef> of(int label, Problems problems) {
        Label declared = categories.label(label);
        Map<String, Seen> values = seen.getOrDefault(label, Map.of());
        Set<String> changing = varying.getOrDefault(label, Set.of());
        Map<String, AttributeDef> out = new LinkedHashMap<>();
        for (AttributeDef def : declared.attributes()) {
            boolean changes = changing.contains(def.name());
            // A declaration by name alone says nothing of mutability either: it is inferred too.
            AttributeDef kept = typed(def) ? def
                    : settle(declared, def.name(), def.mutable() || changes, values.get(def.name()), problems);
            if (changes && !kept.mutable()) {
                problems.dataset("attribute '" + def.name() + "' of label '" + declared.name() + "' is declared "
                        + "immutable but changes along a track: declared mutable, so that every value is kept");
                kept = new AttributeDef(kept.name(), kept.type(), true, kept.values(), kept.defaultValue());
            }
            out.put(def.name(), kept);
        }
        List<String> names = new ArrayList<>();
        for (String name : categories.commonAttributes()) {
            if (!CvatLayout.BUILT_IN_ATTRIBUTES.contains(name)) {
                names.add(name);
            }
        }
        // Every name written as an <attribute> child is declared, a built-in name too (a WiderFace
        // 'occluded' level, a 'keyframe' without a track): CVAT's importer keeps only declared ones.
        names.addAll(values.keySet());
        for (String name : names) {
            if (!out.containsKey(name)) {
                out.put(name, settle(declared, name, changing.contains(name), values.get(name), problems));
            }
        }
        return new ArrayList<>(out.values());
    }

    private AttributeDef declared(int label, String name) {
        for (AttributeDef def : categories.label(label).attributes()) {
            if (def.name().equals(name)) {
                return def;
            }
        }
        return null;
    }

    /** A declaration that says more than a name: its values read back with this type. */
    private static boolean typed(AttributeDef def) {
        return def != null && (def.type() != AttributeType.TEXT || !def.values().isEmpty()
                || !def.defaultValue().isEmpty());
    }

    private static AttributeDef settle(Label label, String name, boolean mutable, Seen values, Problems problems) {
        if (values == null) {
            return new AttributeDef(name, AttributeType.TEXT, mutable, List.of(), "");
        }
        int kinds = (values.flags ? 1 : 0) + (values.numbers ? 1 : 0) + (values.texts ? 1 : 0);
        if (kinds > 1) {
            problems.dataset("attribute '" + name + "' of label '" + label.name() + "' has values of several "
                    + "types; it is declared as text, so all its values read back as text");
        }
        if (kinds == 1 && values.flags) {
            return new AttributeDef(name, AttributeType.CHECKBOX, mutable, List.of("false", "true"), "false");
        }
        if (kinds == 1 && values.numbers) {
            String min = CvatShapes.number(values.min);
            String max = CvatShapes.number(values.max);
            return new AttributeDef(name, AttributeType.NUMBER, mutable,
                    List.of(min, max, values.whole ? "1" : "0.01"), min);
        }
        return new AttributeDef(name, AttributeType.TEXT, mutable, List.of(), "");
    }
}
