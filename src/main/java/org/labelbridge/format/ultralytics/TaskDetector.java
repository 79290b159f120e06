package org.labelbridge.format.ultralytics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.Detection;
import org.labelbridge.format.common.TextFiles;

/**
 * Tells the four label-file tasks apart, cheaply and without ties: data.yaml's top-level keys
 * ({@code kpt_shape} means pose), then the shape of a few label lines. Five numbers are a
 * box; nine whose four points form a parallelogram (a rectangle, stretched by the
 * fractions) are an oriented box; other odd counts from seven up are a polygon. A trailing
 * whole number may be a track id.
 */
final class TaskDetector {

    private static final int YAML_PEEK = 16 << 10;
    private static final int LABEL_PEEK = 4 << 10;
    private static final int FILES = 5;
    private static final int LINES = 20;
    /** Corner fractions are written to about 6 decimals. */
    private static final double PARALLELOGRAM = 1e-5;
    private static final Pattern TOP_LEVEL_KEY = Pattern.compile("^([A-Za-z_][\\w-]*)\\s*:(\\s|$)", Pattern.MULTILINE);

    private TaskDetector() {
    }

    static Detection detect(DatasetSource source, UltralyticsTask task) throws IOException {
        String config = UltralyticsLayout.configFile(source);
        if (config == null) {
            return Detection.NONE;
        }
        Set<String> keys = topLevelKeys(TextFiles.head(source, config, YAML_PEEK));
        if (!keys.contains("names") && !keys.contains("nc")) {
            return Detection.NONE;
        }
        boolean pose = keys.contains("kpt_shape");
        if (task == UltralyticsTask.DETECTION_TRACK) {
            return pose ? Detection.NONE : trackedBoxes(source, config);
        }
        if (task == UltralyticsTask.POSE || pose) {
            return task == UltralyticsTask.POSE && pose ? Detection.strong(config + " with kpt_shape") : Detection.NONE;
        }
        Sample sample = Sample.of(source);
        String evidence = config + " and label lines in " + sample.example + ": ";
        if (sample.lines == 0) {
            String none = config + " without kpt_shape, and no label lines to tell the task by";
            return task == UltralyticsTask.DETECTION ? Detection.medium(none) : Detection.weak(none);
        }
        boolean boxes = sample.boxes == sample.lines;
        boolean corners = sample.corners == sample.lines;
        boolean rectangles = sample.rectangles == sample.lines;
        boolean polygons = sample.polygons == sample.lines;
        switch (task) {
            case DETECTION:
                if (boxes) {
                    return Detection.strong(evidence + "class and 4 numbers");
                }
                break;
            case ORIENTED_BOXES:
                if (corners) {
                    return rectangles ? Detection.strong(evidence + "class and the 4 corners of rectangles")
                            : Detection.medium(evidence + "class and 4 corners");
                }
                break;
            case SEGMENTATION:
                if (polygons && !rectangles) {
                    return corners ? Detection.weak(evidence + "class and 4 points, not all rectangles' corners")
                            : Detection.strong(evidence + "class and 3 or more points");
                }
                break;
            default:
                break;
        }
        return sample.fitsNothing() && task == sample.likeliest()
                ? Detection.weak(evidence + "mixed shapes, most like " + task.holds()) : Detection.NONE;
    }

    /**
     * Detection Track reads as detection does; it answers, just above detection, only when every
     * sampled line is a box with a track id, so that such a dataset reads back under the id that
     * wrote it. CVAT itself imports these files with its plain Ultralytics importers.
     */
    private static Detection trackedBoxes(DatasetSource source, String config) throws IOException {
        Sample sample = Sample.of(source);
        return sample.lines > 0 && sample.trackedBoxes == sample.lines
                ? new Detection(Detection.STRONG + 1, config + " and label lines in " + sample.example
                        + ": class, 4 numbers and a track id")
                : Detection.NONE;
    }

    private static Set<String> topLevelKeys(String yaml) {
        Set<String> keys = new HashSet<>();
        Matcher m = TOP_LEVEL_KEY.matcher(yaml);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    /** What a few label lines look like. */
    private static final class Sample {
        int lines;
        int boxes;
        int trackedBoxes;
        int polygons;
        int corners;
        int rectangles;
        String example = "";

        static Sample of(DatasetSource source) throws IOException {
            Sample sample = new Sample();
            int files = 0;
            for (String file : source.files()) {
                if (!file.endsWith(UltralyticsLayout.TEXT_EXTENSION) || !UltralyticsLayout.inLabelsFolder(file)
                        || file.endsWith("/classes.txt")) {
                    continue;
                }
                byte[] head = source.head(file, LABEL_PEEK);
                List<String> lines = completeLines(new String(head, StandardCharsets.UTF_8), head.length == LABEL_PEEK);
                if (lines.isEmpty()) {
                    continue;
                }
                if (sample.example.isEmpty()) {
                    sample.example = file;
                }
                for (String line : lines) {
                    sample.add(LabelLine.fields(line));
                    if (sample.lines == LINES) {
                        return sample;
                    }
                }
                if (++files == FILES) {
                    break;
                }
            }
            return sample;
        }

        private static List<String> completeLines(String head, boolean cut) {
            List<String> lines = new ArrayList<>();
            String[] split = head.split("\\R", -1);
            int complete = cut ? split.length - 1 : split.length;
            for (int i = 0; i < complete; i++) {
                if (!split[i].isBlank()) {
                    lines.add(split[i]);
                }
            }
            return lines;
        }

        void add(String[] fields) {
            lines++;
            if (!fields[0].matches("\\d+")) {
                return;
            }
            for (int i = 1; i < fields.length; i++) {
                if (!LabelLine.NUMBER.matcher(fields[i]).matches()) {
                    return;
                }
            }
            int n = fields.length;
            boolean trailingWhole = fields[n - 1].matches("[-+]?\\d+");
            if (n == 5 || (n == 6 && trailingWhole)) {
                boxes++;
                trackedBoxes += n == 6 ? 1 : 0;
            }
            if (n == 9 || (n == 10 && trailingWhole)) {
                corners++;
                if (parallelogram(fields)) {
                    rectangles++;
                }
            }
            int values = n - 1;
            if (values >= 6 && (values % 2 == 0 || (values >= 7 && trailingWhole))) {
                polygons++;
            }
        }

        /** The corners of a rotated rectangle, as fractions of a possibly non-square image, form a parallelogram. */
        private static boolean parallelogram(String[] f) {
            double[] p = new double[8];
            for (int i = 0; i < 8; i++) {
                p[i] = Double.parseDouble(f[i + 1]);
            }
            return Math.abs(p[0] + p[4] - p[2] - p[6]) <= PARALLELOGRAM
                    && Math.abs(p[1] + p[5] - p[3] - p[7]) <= PARALLELOGRAM;
        }

        boolean fitsNothing() {
            return boxes < lines && corners < lines && polygons < lines;
        }

        UltralyticsTask likeliest() {
            if (boxes >= polygons && boxes >= corners) {
                return UltralyticsTask.DETECTION;
            }
            return polygons >= corners ? UltralyticsTask.SEGMENTATION : UltralyticsTask.ORIENTED_BOXES;
        }
    }
}
