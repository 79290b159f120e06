package org.labelbridge.format.yolo;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.labelbridge.format.ContentProblem;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.TextFiles;
import org.labelbridge.model.AnnotationKind;

/** Reads an image's label file: {@code label_id cx cy w h} per line, fractions of the image size. */
final class LabelFile {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Plain decimal numbers only: Java would also take "NaN", "Infinity", "1d" and hex. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern LABEL_ID = Pattern.compile("\\d+");
    private static final String[] FIELDS = {"label id", "centre x", "centre y", "width", "height"};

    private LabelFile() {
    }

    /**
     * The boxes of the entry's label file. A label id beyond obj.names is content that is wrong,
     * not a broken file: it goes to {@link Problems#invalid} (the conversion's policy fails or
     * skips it); anything else malformed fails, naming the file and line.
     */
    static List<YoloBox> read(DatasetSource source, YoloEntry entry, int labelCount, Problems problems)
            throws IOException {
        String path = entry.labelsPath();
        List<YoloBox> boxes = new ArrayList<>();
        try (BufferedReader in = TextFiles.open(source, path)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                YoloBox box = parse(trimmed, source.describe(path), number);
                if (box.label() < labelCount) {
                    boxes.add(box);
                } else {
                    problems.invalid(new ContentProblem(ContentProblem.Type.UNKNOWN_LABEL, entry.id(), entry.subset(),
                            boxes.size(), AnnotationKind.BBOX.id(), source.describe(path) + ", line " + number
                            + ": label id " + trimmed.split("\\s+")[0] + " is not in obj.names (" + labelCount
                            + " labels, ids 0 to " + (labelCount - 1) + ")"));
                }
            }
        }
        return boxes;
    }

    private static YoloBox parse(String line, String file, int number) throws FormatException {
        String where = "line " + number;
        String[] fields = WHITESPACE.split(line);
        if (fields.length != 5) {
            throw FormatException.at(file, where, "expected 5 fields (label_id cx cy w h), got "
                    + fields.length + ": '" + line + "'");
        }
        if (!LABEL_ID.matcher(fields[0]).matches()) {
            throw FormatException.at(file, where, "expected a label id (a whole number from 0), got '"
                    + fields[0] + "'");
        }
        int label;
        try {
            label = Integer.parseInt(fields[0]);
        } catch (NumberFormatException e) {
            label = Integer.MAX_VALUE;
        }
        double[] values = new double[4];
        for (int i = 1; i < 5; i++) {
            if (!NUMBER.matcher(fields[i]).matches()) {
                throw FormatException.at(file, where, "expected a number for the box " + FIELDS[i]
                        + ", got '" + fields[i] + "'");
            }
            values[i - 1] = Double.parseDouble(fields[i]);
            if (!Double.isFinite(values[i - 1])) {
                throw FormatException.at(file, where, "the box " + FIELDS[i] + " '" + fields[i] + "' is out of range");
            }
        }
        return new YoloBox(label, values[0], values[1], values[2], values[3]);
    }
}
