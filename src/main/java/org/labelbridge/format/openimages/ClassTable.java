package org.labelbridge.format.openimages;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Label;

/**
 * The classes of an Open Images dataset: the class description file's {@code LabelName}s in
 * order (display names are not kept, and reported when they differ), parents from the
 * hierarchy, and any class the annotations use without declaring it, added at the end.
 */
final class ClassTable {

    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private Map<String, String> parents = Map.of();
    private final List<String> files = new ArrayList<>();
    private final Problems problems;

    private ClassTable(Problems problems) {
        this.problems = problems;
    }

    static ClassTable read(DatasetSource source, Problems problems) throws IOException {
        ClassTable table = new ClassTable(problems);
        String file = classFile(source);
        if (file == null) {
            problems.dataset("no class description file (" + OpenImagesLayout.V6_CLASSES_FILE + " or "
                    + OpenImagesLayout.V5_CLASSES + "): the labels are the classes the annotations use");
        } else {
            table.readClasses(source, file);
            table.files.add(file);
        }
        String hierarchy = OpenImagesLayout.annotation(OpenImagesLayout.HIERARCHY);
        if (source.exists(hierarchy)) {
            table.files.add(hierarchy);
            table.parents = LabelHierarchy.parents(LabelHierarchy.read(source, hierarchy), new HashSet<>(table.names));
        }
        return table;
    }

    /** The class description file, as Datumaro picks it: V6 names first, then V5's. */
    private static String classFile(DatasetSource source) {
        for (String file : source.filesIn(OpenImagesLayout.ANNOTATIONS_DIR)) {
            String name = file.substring(file.lastIndexOf('/') + 1);
            if (OpenImagesLayout.V6_CLASSES.matcher(name).matches()) {
                return file;
            }
        }
        for (String name : List.of(OpenImagesLayout.V5_CLASSES_BOXABLE, OpenImagesLayout.V5_CLASSES)) {
            String file = OpenImagesLayout.annotation(name);
            if (source.exists(file)) {
                return file;
            }
        }
        return null;
    }

    private void readClasses(DatasetSource source, String file) throws IOException {
        boolean v5 = file.endsWith("/" + OpenImagesLayout.V5_CLASSES) || file.endsWith("/" + OpenImagesLayout.V5_CLASSES_BOXABLE);
        List<String> renamed = new ArrayList<>();
        try (CsvTable table = v5 ? CsvTable.headerless(source, file, OpenImagesLayout.CLASS_COLUMNS)
                : CsvTable.withHeader(source, file, List.of(OpenImagesLayout.LABEL_NAME), List.of())) {
            for (CsvTable.Row row = table.next(); row != null; row = table.next()) {
                String name = row.get(OpenImagesLayout.LABEL_NAME);
                if (name.isEmpty()) {
                    throw row.error("expected a LabelName");
                }
                if (index.putIfAbsent(name, names.size()) != null) {
                    throw row.error("class '" + name + "' is described twice");
                }
                names.add(name);
                String display = row.optional(OpenImagesLayout.DISPLAY_NAME);
                if (!display.isEmpty() && !display.equals(name) && renamed.size() < 3) {
                    renamed.add(name + " '" + display + "'");
                }
            }
        }
        if (!renamed.isEmpty()) {
            problems.dataset(file + ": display names are not kept, labels are the LabelNames (" + String.join(", ", renamed)
                    + (renamed.size() == 3 ? ", ..." : "") + ")");
        }
    }

    /** The label index of a class an annotation row names; an undeclared one is added and reported. */
    int labelOf(CsvTable.Row row, String file) throws FormatException {
        String name = row.get(OpenImagesLayout.LABEL_NAME);
        if (name.isEmpty()) {
            throw row.error("expected a LabelName");
        }
        Integer label = index.get(name);
        if (label == null) {
            label = names.size();
            names.add(name);
            index.put(name, label);
            problems.dataset("class '" + name + "' (" + file + ", line " + row.line()
                    + ") is not in the class descriptions: added as a label");
        }
        return label;
    }

    /** The files the classes were read from. */
    List<String> files() {
        return files;
    }

    Categories categories() {
        List<Label> labels = new ArrayList<>(names.size());
        for (String name : names) {
            labels.add(new Label(name, parents.getOrDefault(name, ""), List.of()));
        }
        return Categories.of(labels);
    }
}
