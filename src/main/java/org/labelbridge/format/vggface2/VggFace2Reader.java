package org.labelbridge.format.vggface2;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.LabelFileNames;
import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.format.common.TextFiles;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;
import org.labelbridge.model.Points;
import org.labelbridge.model.Tag;

/**
 * Reads one subset at a time: its boxes file into a compact index by {@code NAME_ID}, then its
 * landmarks file row by row (each row an item, joined with its box), then the items that have
 * only a box.
 */
final class VggFace2Reader implements DatasetReader {

    private final DatasetSource source;
    private final Problems problems;
    private final Categories categories;
    private final Map<String, Integer> labelIndex = new HashMap<>();
    private final Set<String> reportedLabels = new HashSet<>();
    private final List<String> subsets;
    private int subsetIndex = -1;

    private String subset;
    private Map<String, String> images;
    private Map<String, double[]> boxes;
    private static final Pattern CSV_LINE = Pattern.compile("(?:\\((?:start)?line |at line: )(\\d+)");

    private CSVParser landmarks;
    private Iterator<CSVRecord> landmarkRows;
    private Set<String> landmarkIds;
    private Iterator<Map.Entry<String, double[]>> boxOnly;

    VggFace2Reader(DatasetSource source, Problems problems) throws IOException {
        this.source = source;
        this.problems = problems;
        TreeSet<String> found = new TreeSet<>();
        for (String file : source.filesIn(VggFace2Files.ANNOTATIONS_DIR)) {
            String s = VggFace2Files.subsetOf(file);
            if (s != null) {
                found.add(s);
            }
        }
        if (found.isEmpty()) {
            throw FormatException.at(source.describe(VggFace2Files.ANNOTATIONS_DIR), null,
                    "expected loose_bb_<subset>.csv or loose_landmark_<subset>.csv files");
        }
        this.subsets = List.copyOf(found);
        this.categories = Categories.ofNames(source.exists(VggFace2Files.LABELS_FILE) ? labelsFromFile() : labelsFromFolders());
        for (int i = 0; i < categories.labels().size(); i++) {
            labelIndex.put(categories.nameOf(i), i);
        }
        // A label whose name is no folder name was written under the one mapping of LabelFileNames.
        List<String> names = categories.labels().stream().map(l -> l.name()).toList();
        LabelFileNames folders = new LabelFileNames(names, Problems.IGNORE, "");
        for (int i = 0; i < names.size(); i++) {
            labelIndex.putIfAbsent(folders.of(i), i);
        }
    }

    private List<String> labelsFromFile() throws IOException {
        Set<String> labels = new LinkedHashSet<>();
        List<String> classNames = new ArrayList<>();
        try (BufferedReader in = TextFiles.open(source, VggFace2Files.LABELS_FILE)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.strip().split("\\s+", 2);
                labels.add(parts[0]);
                if (parts.length > 1) {
                    classNames.add(parts[0] + " " + parts[1]);
                }
            }
        }
        if (!classNames.isEmpty()) {
            problems.dataset(VggFace2Files.LABELS_FILE + ": class names after the label ids are not kept ("
                    + String.join(", ", classNames.subList(0, Math.min(3, classNames.size())))
                    + (classNames.size() > 3 ? ", ..." : "") + ")");
        }
        return List.copyOf(labels);
    }

    private List<String> labelsFromFolders() {
        TreeSet<String> labels = new TreeSet<>();
        for (String s : subsets) {
            for (String folder : source.foldersIn(s)) {
                if (!folder.equals(VggFace2Files.NO_LABEL)) {
                    labels.add(folder);
                }
            }
        }
        return List.copyOf(labels);
    }

    @Override
    public Categories categories() {
        return categories;
    }

    @Override
    public Item next() throws IOException {
        while (true) {
            if (subset == null) {
                if (++subsetIndex >= subsets.size()) {
                    return null;
                }
                openSubset(subsets.get(subsetIndex));
            }
            if (landmarkRows != null) {
                CSVRecord row = nextRow(landmarkRows, VggFace2Files.landmarksFile(subset));
                if (row != null) {
                    return fromLandmarks(row);
                }
                landmarks.close();
                landmarks = null;
                landmarkRows = null;
            }
            if (boxOnly == null) {
                boxOnly = boxes.entrySet().iterator();
            }
            if (boxOnly.hasNext()) {
                Map.Entry<String, double[]> entry = boxOnly.next();
                return item(entry.getKey(), entry.getValue(), null);
            }
            subset = null;
        }
    }

    private void openSubset(String name) throws IOException {
        subset = name;
        boxOnly = null;
        landmarkIds = new HashSet<>();
        images = new HashMap<>();
        for (String path : source.filesUnder(name)) {
            if (ImageFiles.isImage(path)) {
                images.putIfAbsent(ImageFiles.stripExtension(path.substring(name.length() + 1)), path);
            }
        }
        boxes = new LinkedHashMap<>();
        String boxesFile = VggFace2Files.boxesFile(name);
        if (source.exists(boxesFile)) {
            try (CSVParser parser = open(boxesFile, VggFace2Files.BOX_COLUMNS)) {
                Iterator<CSVRecord> rows = parser.iterator();
                for (CSVRecord row = nextRow(rows, boxesFile); row != null; row = nextRow(rows, boxesFile)) {
                    double[] box = numbers(row, boxesFile, VggFace2Files.BOX_COLUMNS);
                    String id = row.get(VggFace2Files.NAME_ID);
                    if (boxes.containsKey(id)) {
                        throw rowError(boxesFile, row, "a second box for " + id + ": an image has one box");
                    }
                    boxes.put(id, box);
                }
            }
        }
        String landmarksFile = VggFace2Files.landmarksFile(name);
        if (source.exists(landmarksFile)) {
            landmarks = open(landmarksFile, VggFace2Files.LANDMARK_COLUMNS);
            landmarkRows = landmarks.iterator();
        }
    }

    private Item fromLandmarks(CSVRecord row) throws FormatException {
        String file = VggFace2Files.landmarksFile(subset);
        String id = row.get(VggFace2Files.NAME_ID);
        if (!landmarkIds.add(id)) {
            throw rowError(file, row, "a second landmarks row for " + id + ": an image has one set of landmarks");
        }
        double[] points = numbers(row, file, VggFace2Files.LANDMARK_COLUMNS);
        return item(id, boxes.remove(id), points == null ? new double[0] : points);
    }

    /**
     * @param points null when the item has no landmarks row, empty when the row has no
     *               coordinates (then the row is a tag)
     */
    private Item item(String nameId, double[] box, double[] points) {
        Integer label = labelOf(nameId);
        List<Annotation> annotations = new ArrayList<>(2);
        if (points != null && points.length > 0) {
            annotations.add(new Points(AnnotationInfo.of(label), points));
        } else if (points != null && label != null) {
            annotations.add(new Tag(AnnotationInfo.of(label)));
        }
        if (box != null) {
            annotations.add(new Bbox(AnnotationInfo.of(label), box[0], box[1], box[2], box[3]));
        }
        String image = images.get(nameId);
        return new Item(nameId, subset, image == null ? Media.NONE : new Media(image, null, null), annotations);
    }

    /** The label the {@code NAME_ID}'s folder names, or null for {@code no_label/}, none or an undeclared one. */
    private Integer labelOf(String nameId) {
        int slash = nameId.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String folder = nameId.substring(0, slash);
        if (folder.equals(VggFace2Files.NO_LABEL)) {
            return null;
        }
        Integer label = labelIndex.get(folder);
        if (label == null && reportedLabels.add(folder)) {
            problems.dataset("folder '" + folder + "' of " + nameId + " is not a declared label: its annotations"
                    + " are kept unlabelled");
        }
        return label;
    }

    /** The coordinate columns: all empty gives null, all numbers gives them, anything else is an error. */
    private double[] numbers(CSVRecord row, String file, List<String> columns) throws FormatException {
        int empty = 0;
        for (String column : columns) {
            empty += row.get(column).isBlank() ? 1 : 0;
        }
        if (empty == columns.size()) {
            return null;
        }
        double[] values = new double[columns.size()];
        for (int i = 0; i < values.length; i++) {
            String text = row.get(columns.get(i)).strip();
            try {
                values[i] = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                values[i] = Double.NaN;
            }
            if (!Double.isFinite(values[i])) {
                throw rowError(file, row, "expected a finite number in column " + columns.get(i) + ", got '" + text + "'");
            }
        }
        return values;
    }

    private CSVParser open(String file, List<String> columns) throws IOException {
        Reader reader = TextFiles.open(source, file);
        CSVParser parser;
        try {
            parser = VggFace2Files.CSV.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            reader.close();
            throw FormatException.at(source.describe(file), "line 1", "expected a header " + header(columns)
                    + ": " + e.getMessage());
        }
        List<String> header = parser.getHeaderNames();
        if (!header.contains(VggFace2Files.NAME_ID) || !header.containsAll(columns)) {
            parser.close();
            throw FormatException.at(source.describe(file), "line 1", "expected the header " + header(columns)
                    + ", got " + String.join(",", header));
        }
        return parser;
    }

    private static String header(List<String> columns) {
        return VggFace2Files.NAME_ID + "," + String.join(",", columns);
    }

    /** The next row, checked to have as many fields as the header; null at the end. */
    private CSVRecord nextRow(Iterator<CSVRecord> rows, String file) throws FormatException {
        CSVRecord row;
        try {
            if (!rows.hasNext()) {
                return null;
            }
            row = rows.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            // Commons CSV puts the line in its message only: "(startline 3) EOF reached before ...".
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String message = String.valueOf(cause.getMessage());
            Matcher line = CSV_LINE.matcher(message);
            throw FormatException.at(source.describe(file), line.find() ? "line " + line.group(1) : null,
                    "broken CSV: " + message.replaceFirst("^\\((?:start)?line \\d+\\) ", ""));
        }
        if (!row.isConsistent()) {
            throw rowError(file, row, "expected " + row.getParser().getHeaderNames().size() + " fields, got " + row.size());
        }
        return row;
    }

    private FormatException rowError(String file, CSVRecord row, String message) {
        return FormatException.at(source.describe(file), "line " + (row.getRecordNumber() + 1), message);
    }

    @Override
    public void close() throws IOException {
        if (landmarks != null) {
            landmarks.close();
            landmarks = null;
        }
    }
}
