package org.labelbridge.format.ultralytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.UnicodeReader;

/**
 * A dataset's data.yaml: class names, the subsets and where their images are, and for pose
 * the keypoint shape. Only the YAML node tree is built (never Java objects from tags), and
 * every value is checked where it stands, so that an error names its line.
 */
final class DataYaml {

    /** A subset and its image sources (folders or list files), from the line that names it. */
    record Subset(String name, List<String> sources, int line) {
    }

    /** {@code kpt_shape: [points, values]}: values per point is 2 (x y) or 3 (x y visibility). */
    record KptShape(int points, int values, int line) {
    }

    private static final String VAL = "val";
    private static final String VALIDATION = "validation";

    /** How much of data.yaml is read: a dataset description is small. */
    private static final int CODE_POINT_LIMIT = 4 << 20;

    final String file;
    /** The {@code path} value, or {@code ""}. */
    final String path;
    /** Class names in class id order. */
    final List<String> names;
    /** The class id of each name (0..N-1 unless data.yaml's {@code names} map says otherwise). */
    final List<Integer> classIds;
    final List<Subset> subsets;
    final KptShape kptShape;
    /** {@code flip_idx}, or {@code null}. */
    final List<Integer> flipIdx;
    /** What was read but is not kept or was adjusted, for the report. */
    final List<String> notes;

    private DataYaml(String file, String path, List<String> names, List<Integer> classIds, List<Subset> subsets,
                     KptShape kptShape, List<Integer> flipIdx, List<String> notes) {
        this.file = file;
        this.path = path;
        this.names = List.copyOf(names);
        this.classIds = List.copyOf(classIds);
        this.subsets = List.copyOf(subsets);
        this.kptShape = kptShape;
        this.flipIdx = flipIdx;
        this.notes = List.copyOf(notes);
    }

    static DataYaml read(DatasetSource source, String path) throws IOException {
        String file = source.describe(path);
        Node root;
        try (InputStream in = source.open(path); Reader reader = new UnicodeReader(in)) {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(CODE_POINT_LIMIT);
            options.setAllowRecursiveKeys(false);
            root = new Yaml(new SafeConstructor(options)).compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw FormatException.at(file, mark == null ? null : "line " + (mark.getLine() + 1),
                    "not valid YAML: " + (e.getProblem() != null ? e.getProblem() : e.getMessage()));
        } catch (YAMLException e) {
            throw FormatException.at(file, null, "not valid YAML: " + e.getMessage());
        }
        if (!(root instanceof MappingNode mapping)) {
            throw FormatException.at(file, root == null ? null : "line " + line(root),
                    "expected a mapping of keys (path, train, val, names, ...), got "
                            + (root == null ? "an empty file" : describe(root)));
        }
        return new Parser(file).parse(mapping);
    }

    /** Reads the top-level keys one by one. */
    private static final class Parser {
        private final String file;
        private final List<String> notes = new ArrayList<>();
        private String path = "";
        private Node names;
        private Integer nc;
        private int ncLine;
        private KptShape kptShape;
        private List<Integer> flipIdx;
        private int flipLine;
        private final List<Subset> subsets = new ArrayList<>();
        private Node validation;

        Parser(String file) {
            this.file = file;
        }

        DataYaml parse(MappingNode root) throws FormatException {
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : root.getValue()) {
                String key = text(tuple.getKeyNode(), "a key");
                if (!seen.add(key)) {
                    throw error(tuple.getKeyNode(), "'" + key + "' is given twice");
                }
                key(key, tuple.getValueNode());
            }
            validation();
            List<String> labelNames = new ArrayList<>();
            List<Integer> classIds = new ArrayList<>();
            readNames(labelNames, classIds);
            if (kptShape != null && flipIdx != null && flipIdx.size() != kptShape.points()) {
                notes.add(file + ", line " + flipLine + ": flip_idx has " + flipIdx.size() + " entries for "
                        + kptShape.points() + " keypoints");
            }
            return new DataYaml(file, path, labelNames, classIds, subsets, kptShape, flipIdx, notes);
        }

        private void key(String key, Node value) throws FormatException {
            switch (key) {
                case "path" -> path = isNull(value) ? "" : text(value, "the dataset root folder");
                case "names" -> names = value;
                case "nc" -> {
                    nc = isNull(value) ? null : integer(value, "the number of classes", 0);
                    ncLine = line(value);
                }
                case "kpt_shape" -> kptShape = isNull(value) ? null : kptShape(value);
                case "flip_idx" -> {
                    flipIdx = isNull(value) ? null : integers(value, "flip_idx, the keypoint order after a flip");
                    flipLine = line(value);
                }
                default -> other(key, value);
            }
        }

        /**
         * A split Ultralytics reads ({@code check_det_dataset}: train, val, test, minival, and
         * validation for val) becomes a subset; any other key is ignored, as Ultralytics ignores it.
         */
        private void other(String key, Node value) throws FormatException {
            if (isNull(value)) {
                return; // 'test:' with nothing: an empty, optional subset
            }
            if (key.equals(VALIDATION)) {
                validation = value;
                return;
            }
            if (!UltralyticsLayout.SPLITS.contains(key)) {
                notes.add(file + ", line " + line(value) + ": '" + key + "' is not used"
                        + (UltralyticsLayout.SETTINGS.contains(key) || value instanceof MappingNode ? ""
                        : " (Ultralytics reads images only from " + String.join(", ", UltralyticsLayout.SPLITS)
                        + ")"));
                return;
            }
            split(key, value);
        }

        private void split(String name, Node value) throws FormatException {
            List<String> sources = new ArrayList<>();
            String what = "an image folder, list file or image of subset '" + name + "'";
            if (value instanceof SequenceNode sequence) {
                for (Node element : sequence.getValue()) {
                    sources.add(text(element, what));
                }
            } else {
                sources.add(text(value, what));
            }
            if (!sources.isEmpty()) {
                subsets.add(new Subset(name, sources, line(value)));
            }
        }

        /** Ultralytics reads 'validation' as 'val' when there is no 'val'. */
        private void validation() throws FormatException {
            if (validation == null) {
                return;
            }
            if (subsets.stream().anyMatch(s -> s.name().equals(VAL))) {
                notes.add(file + ", line " + line(validation) + ": '" + VALIDATION + "' is not used (there is a '"
                        + VAL + "')");
            } else {
                notes.add(file + ", line " + line(validation) + ": '" + VALIDATION + "' is read as '" + VAL
                        + "', as Ultralytics reads it");
                split(VAL, validation);
            }
        }

        private void readNames(List<String> labelNames, List<Integer> classIds) throws FormatException {
            if (names == null || isNull(names)) {
                if (nc == null) {
                    throw FormatException.at(file, null, "expected 'names' (the class names, a list or a map "
                            + "from class id to name) or 'nc' (the number of classes)");
                }
                for (int i = 0; i < nc; i++) {
                    labelNames.add("class_" + i); // Ultralytics' names when only nc is given
                    classIds.add(i);
                }
                return;
            }
            if (names instanceof SequenceNode sequence) {
                for (Node element : sequence.getValue()) {
                    labelNames.add(text(element, "a class name"));
                    classIds.add(classIds.size());
                }
            } else if (names instanceof MappingNode map) {
                TreeMap<Integer, String> byId = new TreeMap<>();
                for (NodeTuple tuple : map.getValue()) {
                    int id = integer(tuple.getKeyNode(), "a class id", 0);
                    if (byId.put(id, text(tuple.getValueNode(), "the name of class " + id)) != null) {
                        throw error(tuple.getKeyNode(), "class id " + id + " is given twice");
                    }
                }
                byId.forEach((id, name) -> {
                    classIds.add(id);
                    labelNames.add(name);
                });
                if (!byId.isEmpty() && byId.lastKey() != byId.size() - 1) {
                    notes.add(file + ", line " + line(names) + ": class ids " + byId.keySet() + " are not 0 to "
                            + (byId.size() - 1) + "; labels are taken in id order and written back numbered from 0");
                }
            } else {
                throw error(names, "expected the class names as a list or as a map from class id to name, got "
                        + describe(names));
            }
            if (nc != null && nc != labelNames.size()) {
                notes.add(file + ", line " + ncLine + ": nc is " + nc + " but names has " + labelNames.size()
                        + " classes; the names are used");
            }
        }

        private KptShape kptShape(Node value) throws FormatException {
            List<Integer> shape = integers(value, "kpt_shape: [number of keypoints, 2 or 3 values per keypoint]");
            if (shape.size() != 2 || shape.get(1) < 2 || shape.get(1) > 3) {
                throw error(value, "expected kpt_shape: [number of keypoints, 2 or 3 values per keypoint], got "
                        + shape);
            }
            return new KptShape(shape.get(0), shape.get(1), line(value));
        }

        private List<Integer> integers(Node value, String what) throws FormatException {
            if (!(value instanceof SequenceNode sequence)) {
                throw error(value, "expected " + what + " as a list of whole numbers, got " + describe(value));
            }
            List<Integer> out = new ArrayList<>();
            for (Node element : sequence.getValue()) {
                out.add(integer(element, what, 0));
            }
            return Collections.unmodifiableList(out);
        }

        private int integer(Node node, String what, int min) throws FormatException {
            String text = text(node, what);
            try {
                int value = Integer.parseInt(text.strip());
                if (value >= min) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw error(node, "expected " + what + " as a whole number from " + min + ", got '" + text + "'");
        }

        private String text(Node node, String what) throws FormatException {
            if (!(node instanceof ScalarNode scalar) || isNull(node)) {
                throw error(node, "expected " + what + ", got " + describe(node));
            }
            return scalar.getValue();
        }

        private FormatException error(Node node, String message) {
            return FormatException.at(file, "line " + line(node), message);
        }
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return isNull(node) ? "nothing" : "'" + ((ScalarNode) node).getValue() + "'";
    }
}
