package org.labelbridge.format.datumaro;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.Problems;
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Label;
import org.labelbridge.model.Rgb;
import org.labelbridge.model.SkeletonDef;

/**
 * Reads the {@code categories} object: {@code label} (labels, parents, attribute names),
 * {@code mask} (colour map) and {@code points} (skeleton node names and 1-based joints).
 */
final class CategoriesReader {

    private static final String WHERE = "categories";

    private final JsonInput in;
    private final Problems problems;
    private final List<Label> labels = new ArrayList<>();
    private final List<String> commonAttributes = new ArrayList<>();
    private final Map<Integer, Rgb> colors = new HashMap<>();
    private final List<PointsEntry> points = new ArrayList<>();
    private final Set<String> reported = new LinkedHashSet<>();

    /** A {@code points} entry as written; resolved once all labels are known. */
    private record PointsEntry(int label, List<String> nodes, List<int[]> joints, String where) {
    }

    private CategoriesReader(JsonInput in, Problems problems) {
        this.in = in;
        this.problems = problems;
    }

    /** Reads the categories object the parser stands on (its start). */
    static Categories read(JsonInput in, Problems problems) throws IOException {
        return new CategoriesReader(in, problems).read();
    }

    private Categories read() throws IOException {
        in.expect(JsonToken.START_OBJECT, WHERE, "an object of category types (label, points, mask)");
        for (JsonToken token = in.next(); token != JsonToken.END_OBJECT; token = in.next()) {
            String type = in.fieldName();
            switch (type) {
                case "label" -> readLabels();
                case "mask" -> readColors();
                case "points" -> readPoints();
                default -> {
                    in.next();
                    in.skipValue();
                    notKept("category type '" + type + "'");
                }
            }
        }
        Categories categories;
        try {
            categories = new Categories(labels, commonAttributes, Map.of(), Map.of());
        } catch (IllegalArgumentException e) {
            throw in.fail(WHERE + ".label", e.getMessage());
        }
        for (Integer label : colors.keySet()) {
            checkLabel(label, WHERE + ".mask.colormap");
        }
        return new Categories(labels, commonAttributes, skeletons(categories), colors);
    }

    private void readLabels() throws IOException {
        String where = WHERE + ".label";
        in.nextExpect(JsonToken.START_OBJECT, where, "an object with 'labels' and 'attributes'");
        for (JsonToken token = in.next(); token != JsonToken.END_OBJECT; token = in.next()) {
            String field = in.fieldName();
            switch (field) {
                case "labels" -> {
                    in.nextExpect(JsonToken.START_ARRAY, where + ".labels", "an array of labels");
                    for (JsonToken label = in.next(); label != JsonToken.END_ARRAY; label = in.next()) {
                        labels.add(readLabel(where + ".labels[" + labels.size() + "]"));
                    }
                }
                case "attributes" -> commonAttributes.addAll(in.readStrings(where + ".attributes", "attribute names"));
                default -> {
                    in.next();
                    if (!in.skipValueReportingEmpty()) {
                        notKept("'" + field + "' of the label categories");
                    }
                }
            }
        }
    }

    private Label readLabel(String where) throws IOException {
        in.expect(JsonToken.START_OBJECT, where, "a label object");
        String name = null;
        String parent = "";
        List<AttributeDef> attributes = new ArrayList<>();
        for (JsonToken token = in.next(); token != JsonToken.END_OBJECT; token = in.next()) {
            String field = in.fieldName();
            switch (field) {
                case "name" -> name = in.readString(where, "the label name");
                case "parent" -> {
                    parent = in.next() == JsonToken.VALUE_NULL ? "" : in.string(where, "the parent label name");
                }
                case "attributes" -> in.readStrings(where, "attribute names").forEach(n -> attributes.add(AttributeDef.named(n)));
                default -> {
                    in.next();
                    in.skipValue();
                    notKept("label field '" + field + "'");
                }
            }
        }
        if (name == null) {
            throw in.fail(where, "the label has no 'name'");
        }
        return new Label(name, parent, attributes);
    }

    private void readColors() throws IOException {
        String where = WHERE + ".mask";
        in.nextExpect(JsonToken.START_OBJECT, where, "an object with a 'colormap'");
        for (JsonToken token = in.next(); token != JsonToken.END_OBJECT; token = in.next()) {
            String field = in.fieldName();
            if (!field.equals("colormap")) {
                in.next();
                in.skipValue();
                notKept("'" + field + "' of the mask categories");
                continue;
            }
            in.nextExpect(JsonToken.START_ARRAY, where + ".colormap", "an array of colours");
            int index = 0;
            for (JsonToken entry = in.next(); entry != JsonToken.END_ARRAY; entry = in.next()) {
                readColor(where + ".colormap[" + index++ + "]");
            }
        }
    }

    private void readColor(String where) throws IOException {
        in.expect(JsonToken.START_OBJECT, where, "a colour object {label_id, r, g, b}");
        Integer label = null;
        int[] rgb = {-1, -1, -1};
        for (JsonToken token = in.next(); token != JsonToken.END_OBJECT; token = in.next()) {
            String field = in.fieldName();
            switch (field) {
                case "label_id" -> label = in.readInt(where, "label_id");
                case "r" -> rgb[0] = in.readInt(where, "the red channel");
                case "g" -> rgb[1] = in.readInt(where, "the green channel");
                case "b" -> rgb[2] = in.readInt(where, "the blue channel");
                default -> {
                    in.next();
                    in.skipValue();
                }
            }
        }
        if (label == null || rgb[0] < 0 || rgb[1] < 0 || rgb[2] < 0) {
            throw in.fail(where, "a colour needs label_id, r, g and b");
        }
        try {
            colors.put(label, new Rgb(rgb[0], rgb[1], rgb[2]));
        } catch (IllegalArgumentException e) {
            throw in.fail(where, e.getMessage());
        }
    }

    private void readPoints() throws IOException {
        String where = WHERE + ".points";
        in.nextExpect(JsonToken.START_OBJECT, where, "an object with 'items'");
        for (JsonToken token = in.next(); token != JsonToken.END_OBJECT; token = in.next()) {
            String field = in.fieldName();
            if (!field.equals("items")) {
                in.next();
                in.skipValue();
                notKept("'" + field + "' of the points categories");
                continue;
            }
            in.nextExpect(JsonToken.START_ARRAY, where + ".items", "an array of skeleton layouts");
            for (JsonToken entry = in.next(); entry != JsonToken.END_ARRAY; entry = in.next()) {
                points.add(readPointsEntry(where + ".items[" + points.size() + "]"));
            }
        }
    }

    private PointsEntry readPointsEntry(String where) throws IOException {
        in.expect(JsonToken.START_OBJECT, where, "an object {label_id, labels, joints}");
        Integer label = null;
        List<String> nodes = List.of();
        List<int[]> joints = new ArrayList<>();
        for (JsonToken token = in.next(); token != JsonToken.END_OBJECT; token = in.next()) {
            String field = in.fieldName();
            switch (field) {
                case "label_id" -> label = in.readInt(where, "label_id");
                case "labels" -> nodes = in.readStrings(where, "node label names");
                case "joints" -> {
                    in.nextExpect(JsonToken.START_ARRAY, where, "joints (an array of [from, to] pairs)");
                    for (JsonToken joint = in.next(); joint != JsonToken.END_ARRAY; joint = in.next()) {
                        if (joint != JsonToken.START_ARRAY) {
                            throw in.fail(where, "expected a joint [from, to]");
                        }
                        int from = in.readInt(where, "a joint's first node");
                        int to = in.readInt(where, "a joint's second node");
                        in.nextExpect(JsonToken.END_ARRAY, where, "the end of a joint (two node numbers)");
                        joints.add(new int[] {from, to});
                    }
                }
                default -> {
                    in.next();
                    in.skipValue();
                }
            }
        }
        if (label == null) {
            throw in.fail(where, "a points category needs a label_id");
        }
        return new PointsEntry(label, nodes, joints, where);
    }

    private Map<Integer, SkeletonDef> skeletons(Categories categories) throws IOException {
        Map<Integer, SkeletonDef> skeletons = new HashMap<>();
        for (PointsEntry entry : points) {
            checkLabel(entry.label(), entry.where());
            String skeleton = labels.get(entry.label()).name();
            List<Integer> nodes = new ArrayList<>();
            for (String node : entry.nodes()) {
                int index = categories.indexOf(node, skeleton);
                if (index < 0) {
                    index = categories.indexOf(node);
                }
                if (index < 0) {
                    problems.dataset(in.file() + ", " + entry.where() + ": node '" + node + "' of skeleton '"
                            + skeleton + "' is not a declared label; the skeleton layout is not kept");
                    nodes = null;
                    break;
                }
                nodes.add(index);
            }
            if (nodes == null) {
                continue;
            }
            // CVAT numbers the nodes from 1; Datumaro's own tests from 0. A node 0 can only mean the latter.
            int first = entry.joints().stream().anyMatch(j -> j[0] == 0 || j[1] == 0) ? 0 : 1;
            List<SkeletonDef.Edge> edges = new ArrayList<>();
            for (int[] joint : entry.joints()) {
                int from = joint[0] - first;
                int to = joint[1] - first;
                if (from < 0 || to < 0 || from >= nodes.size() || to >= nodes.size()) {
                    problems.dataset(in.file() + ", " + entry.where() + ": joint [" + joint[0] + ", " + joint[1]
                            + "] is not between nodes " + first + ".." + (nodes.size() - 1 + first) + "; dropped");
                    continue;
                }
                edges.add(new SkeletonDef.Edge(from, to));
            }
            skeletons.put(entry.label(), new SkeletonDef(nodes, edges));
        }
        return skeletons;
    }

    private void checkLabel(int label, String where) throws IOException {
        if (label < 0 || label >= labels.size()) {
            throw in.fail(where, "label_id " + label + " is not among the " + labels.size() + " declared labels");
        }
    }

    private void notKept(String what) {
        if (reported.add(what)) {
            problems.dataset(in.file() + ": " + what + " is not kept");
        }
    }
}
