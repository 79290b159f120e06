package org.labelbridge.format.openimages;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.common.SafeJson;

/**
 * {@code bbox_labels_600_hierarchy.json}: a tree of {@code {"LabelName": ..., "Subcategory":
 * [...]}} nodes whose root is a made-up class, not a label. It gives labels their parents.
 */
final class LabelHierarchy {

    private static final String LABEL_NAME = "LabelName";
    private static final String SUBCATEGORY = "Subcategory";

    /** A node of the tree. */
    record Node(String name, List<Node> children) {
    }

    private LabelHierarchy() {
    }

    static Node read(DatasetSource source, String path) throws IOException {
        try (InputStream in = source.open(path); JsonParser parser = SafeJson.FACTORY.createParser(in)) {
            try {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw error(source, path, parser, "expected the root object {\"LabelName\": ..., \"Subcategory\": [...]}");
                }
                return node(source, path, parser);
            } catch (JsonProcessingException e) {
                throw error(source, path, parser, "not valid JSON: " + e.getOriginalMessage());
            }
        }
    }

    private static Node node(DatasetSource source, String path, JsonParser parser) throws IOException {
        String name = null;
        List<Node> children = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals(LABEL_NAME)) {
                if (value != JsonToken.VALUE_STRING) {
                    throw error(source, path, parser, "expected LabelName to be a string");
                }
                name = parser.getText();
            } else if (field.equals(SUBCATEGORY)) {
                if (value != JsonToken.START_ARRAY) {
                    throw error(source, path, parser, "expected Subcategory to be a list of nodes");
                }
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    if (t != JsonToken.START_OBJECT) {
                        throw error(source, path, parser, "expected a node {\"LabelName\": ...} in Subcategory");
                    }
                    children.add(node(source, path, parser));
                }
            } else {
                parser.skipChildren(); // "Part" and others: not parents
            }
        }
        if (name == null) {
            throw error(source, path, parser, "a node has no LabelName");
        }
        return new Node(name, children);
    }

    private static FormatException error(DatasetSource source, String path, JsonParser parser, String message) {
        return FormatException.at(source.describe(path), "line " + parser.currentLocation().getLineNr(), message);
    }

    /**
     * The parent of each declared label, as Datumaro sets them: a child's parent is the node
     * above it when both are declared labels (so the made-up root gives no parent); a child
     * listed under several parents keeps the last.
     */
    static Map<String, String> parents(Node root, Set<String> declared) {
        Map<String, String> parents = new HashMap<>();
        List<Node> stack = new ArrayList<>(List.of(root));
        while (!stack.isEmpty()) {
            Node node = stack.remove(stack.size() - 1);
            boolean isLabel = declared.contains(node.name());
            for (Node child : node.children()) {
                if (isLabel && declared.contains(child.name())) {
                    parents.put(child.name(), node.name());
                }
            }
            for (int i = node.children().size() - 1; i >= 0; i--) {
                stack.add(node.children().get(i));
            }
        }
        return parents;
    }

    /**
     * Writes the tree of labels and parents ({@code parentOf}, in label order) under a made-up
     * root named {@code /m/<n>} that no label has. Labels without parent or children are left
     * out, as Datumaro does: they add nothing.
     *
     * @return the labels written, so that a caller can tell which parents were not kept
     */
    static Set<String> write(Map<String, String> parentOf, OutputStream out) throws IOException {
        Map<String, List<String>> children = new LinkedHashMap<>();
        List<String> orphans = new ArrayList<>();
        for (Map.Entry<String, String> e : parentOf.entrySet()) {
            children.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
            if (e.getValue().isEmpty()) {
                orphans.add(e.getKey());
            } else {
                children.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
            }
        }
        int n = 0;
        while (parentOf.containsKey("/m/" + n)) {
            n++;
        }
        Set<String> written;
        try (JsonGenerator json = SafeJson.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            DefaultIndenter indent = new DefaultIndenter("    ", "\n");
            json.setPrettyPrinter(new DefaultPrettyPrinter()
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(indent).withArrayIndenter(indent));
            json.writeStartObject();
            json.writeStringField(LABEL_NAME, "/m/" + n);
            json.writeArrayFieldStart(SUBCATEGORY);
            written = new HashSet<>();
            for (String orphan : orphans) {
                if (!children.get(orphan).isEmpty()) {
                    writeNode(json, orphan, children, written);
                }
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
        return written;
    }

    private static void writeNode(JsonGenerator json, String name, Map<String, List<String>> children,
                                  Set<String> written) throws IOException {
        json.writeStartObject();
        json.writeStringField(LABEL_NAME, name);
        List<String> below = children.getOrDefault(name, List.of());
        if (written.add(name) && !below.isEmpty()) {
            json.writeArrayFieldStart(SUBCATEGORY);
            for (String child : below) {
                writeNode(json, child, children, written);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }
}
