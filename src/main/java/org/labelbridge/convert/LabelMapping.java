package org.labelbridge.convert;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Points;
import org.labelbridge.model.Rgb;
import org.labelbridge.model.Skeleton;
import org.labelbridge.model.SkeletonDef;

/**
 * The options {@code label_map} and {@code labels}. First each label is renamed, merged with
 * others of the same new name, or dropped (label_map keys name labels at any level); then, if
 * {@code labels} gives the target's list, the labels are put in that order, names it lacks are
 * added without annotations, and labels it does not name are dropped. Children (skeleton nodes,
 * sub-classes) follow their parent: renamed with it, dropped with it, listed after the listed
 * labels. The categories are rebuilt once; items only have their label indices rewritten, and
 * an annotation whose label is dropped is dropped with the reason.
 */
final class LabelMapping implements DatasetTransform {

    private final Map<String, String> renames;
    private final List<String> order;
    private final ConversionReport report;

    /** Source label index to target index, or -1 when the label is dropped. */
    private int[] newIndex;
    /** Why a source label is dropped, by source index. */
    private String[] whyDropped;
    /** Whether every index stays the same (renames, labels added at the end): items pass untouched. */
    private boolean sameIndices;

    LabelMapping(ConversionOptions options, ConversionReport report) {
        this.renames = options.labelMap();
        this.order = options.labels();
        this.report = report;
    }

    static boolean wanted(ConversionOptions options) {
        return !options.labelMap().isEmpty() || !options.labels().isEmpty();
    }

    @Override
    public Categories begin(Categories source) {
        List<Label> labels = source.labels();
        int n = labels.size();
        whyDropped = new String[n];
        Label[] renamed = renamed(labels);
        reportUnknownRenames(labels);

        // Merge labels that now share name and parent; the first one's place and attributes lead.
        Map<String, Integer> byKey = new HashMap<>();
        List<Label> merged = new ArrayList<>();
        Map<Integer, List<String>> mergedFrom = new LinkedHashMap<>();
        int[] mergedIndex = new int[n];
        for (int i = 0; i < n; i++) {
            if (renamed[i] == null) {
                mergedIndex[i] = -1;
                continue;
            }
            String key = renamed[i].parent() + '\u0000' + renamed[i].name();
            Integer at = byKey.get(key);
            if (at == null) {
                at = merged.size();
                byKey.put(key, at);
                merged.add(renamed[i]);
            } else {
                merged.set(at, withAttributesOf(merged.get(at), renamed[i]));
            }
            mergedIndex[i] = at;
            mergedFrom.computeIfAbsent(at, k -> new ArrayList<>()).add(labels.get(i).name());
        }
        mergedFrom.forEach((at, names) -> {
            if (names.size() > 1) {
                report.dataset("labels " + names.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "))
                        + " merged into '" + merged.get(at).name() + "' (option label_map)");
            }
        });

        int[] placed = order.isEmpty() ? identity(merged.size()) : new int[merged.size()];
        List<Label> target = order.isEmpty() ? merged : ordered(merged, placed);

        newIndex = new int[n];
        sameIndices = true;
        for (int i = 0; i < n; i++) {
            newIndex[i] = mergedIndex[i] < 0 ? -1 : placed[mergedIndex[i]];
            if (newIndex[i] < 0 && whyDropped[i] == null) {
                whyDropped[i] = "label '" + labels.get(i).name() + "' is not in option labels";
            }
            sameIndices &= newIndex[i] == i;
        }
        return new Categories(target, source.commonAttributes(), skeletons(source), colors(source));
    }

    /** Each label after label_map, or null when dropped (itself or with its parent). */
    private Label[] renamed(List<Label> labels) {
        Label[] renamed = new Label[labels.size()];
        boolean[] done = new boolean[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            rename(labels, i, renamed, done);
        }
        return renamed;
    }

    private Label rename(List<Label> labels, int i, Label[] renamed, boolean[] done) {
        if (done[i]) {
            return renamed[i];
        }
        done[i] = true;
        Label label = labels.get(i);
        String name = label.name();
        if (renames.containsKey(name)) {
            name = renames.get(name);
            if (name == null) {
                whyDropped[i] = "label '" + label.name() + "' dropped by option label_map";
                return null;
            }
        }
        String parent = label.parent();
        int p = parentIndex(labels, label);
        if (p >= 0) {
            Label parentLabel = rename(labels, p, renamed, done);
            if (parentLabel == null) {
                whyDropped[i] = "label '" + label.name() + "' dropped with its parent '" + label.parent() + "'";
                return null;
            }
            parent = parentLabel.name();
        }
        renamed[i] = new Label(name, parent, label.attributes());
        return renamed[i];
    }

    /** The label a child's parent name refers to: a top-level one first, else any other. */
    private static int parentIndex(List<Label> labels, Label child) {
        if (!child.hasParent()) {
            return -1;
        }
        int any = -1;
        for (int i = 0; i < labels.size(); i++) {
            Label l = labels.get(i);
            if (l.name().equals(child.parent()) && l != child) {
                if (!l.hasParent()) {
                    return i;
                }
                any = any < 0 ? i : any;
            }
        }
        return any;
    }

    private void reportUnknownRenames(List<Label> labels) {
        Set<String> names = labels.stream().map(Label::name).collect(Collectors.toSet());
        for (String key : renames.keySet()) {
            if (!names.contains(key)) {
                report.dataset("option label_map names '" + key + "', which is not a label of this dataset");
            }
        }
    }

    /** The labels option's order: listed labels first, then the children of kept labels. */
    private List<Label> ordered(List<Label> merged, int[] placed) {
        Arrays.fill(placed, -1);
        List<Label> target = new ArrayList<>();
        for (String name : order) {
            int found = -1;
            for (int j = 0; j < merged.size() && found < 0; j++) {
                if (!merged.get(j).hasParent() && merged.get(j).name().equals(name)) {
                    found = j;
                }
            }
            if (found >= 0) {
                placed[found] = target.size();
                target.add(merged.get(found));
            } else {
                target.add(Label.named(name));
            }
        }
        // Children of kept labels, level by level, in their own order.
        boolean added = true;
        while (added) {
            added = false;
            Set<String> kept = new HashSet<>();
            for (int j = 0; j < merged.size(); j++) {
                if (placed[j] >= 0) {
                    kept.add(merged.get(j).name());
                }
            }
            for (int j = 0; j < merged.size(); j++) {
                Label l = merged.get(j);
                if (placed[j] < 0 && l.hasParent() && kept.contains(l.parent())) {
                    placed[j] = target.size();
                    target.add(l);
                    added = true;
                }
            }
        }
        return target;
    }

    private Map<Integer, SkeletonDef> skeletons(Categories source) {
        Map<Integer, SkeletonDef> skeletons = new HashMap<>();
        source.skeletons().forEach((index, def) -> {
            int to = newIndex[index];
            if (to < 0) {
                return;
            }
            List<Integer> nodes = new ArrayList<>();
            for (int node : def.nodeLabels()) {
                if (newIndex[node] < 0) {
                    throw new IllegalArgumentException("option label_map drops '" + source.label(node).name()
                            + "', a node of the skeleton '" + source.label(index).name()
                            + "'; drop the whole skeleton label or keep its nodes");
                }
                nodes.add(newIndex[node]);
            }
            SkeletonDef mapped = new SkeletonDef(nodes, def.edges());
            SkeletonDef other = skeletons.put(to, mapped);
            if (other != null && !other.equals(mapped)) {
                throw new IllegalArgumentException("option label_map merges skeletons of different layouts into '"
                        + source.label(index).name() + "'");
            }
        });
        return skeletons;
    }

    private Map<Integer, Rgb> colors(Categories source) {
        Map<Integer, Rgb> colors = new HashMap<>();
        for (int index = 0; index < newIndex.length; index++) { // source order: the first merged label's colour leads
            Rgb rgb = source.colors().get(index);
            if (rgb != null && newIndex[index] >= 0) {
                colors.putIfAbsent(newIndex[index], rgb);
            }
        }
        return colors;
    }

    @Override
    public Item apply(Item item) {
        if (sameIndices) {
            return item;
        }
        List<Annotation> kept = new ArrayList<>(item.annotations().size());
        for (Annotation a : item.annotations()) {
            Integer label = a.label();
            if (label != null && newIndex[label] < 0) {
                report.dropped(item.id(), a.kind(), whyDropped[label]);
                continue;
            }
            kept.add(relabel(a));
        }
        return item.withAnnotations(kept);
    }

    private Annotation relabel(Annotation a) {
        Annotation relabelled = a.label() == null ? a : a.withInfo(a.info().withLabel(newIndex[a.label()]));
        if (relabelled instanceof Skeleton s) {
            List<Points> nodes = new ArrayList<>(s.nodes().size());
            for (Points node : s.nodes()) {
                Integer label = node.label();
                nodes.add(label == null || newIndex[label] < 0 ? node : node.withInfo(node.info().withLabel(newIndex[label])));
            }
            relabelled = new Skeleton(s.info(), nodes);
        }
        return relabelled;
    }

    private static Label withAttributesOf(Label into, Label other) {
        Map<String, AttributeDef> attributes = new LinkedHashMap<>();
        into.attributes().forEach(a -> attributes.put(a.name(), a));
        other.attributes().forEach(a -> attributes.putIfAbsent(a.name(), a));
        return new Label(into.name(), into.parent(), List.copyOf(attributes.values()));
    }

    private static int[] identity(int n) {
        int[] identity = new int[n];
        for (int i = 0; i < n; i++) {
            identity[i] = i;
        }
        return identity;
    }
}
