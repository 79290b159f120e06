package org.labelbridge.format.widerface;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.format.common.LabelFileNames;
import org.labelbridge.format.common.TextFiles;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;
import org.labelbridge.model.Tag;

/** Streams the {@code wider_face_<subset>_bbx_gt.txt} files, one image block per item. */
final class WiderFaceReader implements DatasetReader {

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern NUMBERS_ONLY = Pattern.compile("[-+0-9.eE\\s]+");

    private final DatasetSource source;
    private final Problems problems;
    private final Categories categories;
    private final Map<String, Integer> labelIndex = new HashMap<>();
    /** Label index by its folder name ({@code LabelFileNames}). */
    private final Map<String, Integer> labelByFolder = new HashMap<>();
    private final Integer defaultLabel;
    private final List<String> files;
    private final Set<String> reported = new HashSet<>();
    private int fileIndex = -1;
    private LineCursor lines;

    WiderFaceReader(DatasetSource source, Problems problems) throws IOException {
        this.source = source;
        this.problems = problems;
        this.files = source.filesIn(WiderFaceFiles.ANNOTATIONS_DIR).stream()
                .filter(WiderFaceFiles::isAnnotationFile).toList();
        if (files.isEmpty()) {
            throw FormatException.at(source.describe(WiderFaceFiles.ANNOTATIONS_DIR), null,
                    "expected wider_face_<subset>_bbx_gt.txt annotation files");
        }
        this.categories = Categories.ofNames(WiderFaceLabels.read(source));
        for (int i = 0; i < categories.labels().size(); i++) {
            labelIndex.put(categories.nameOf(i), i);
        }
        this.defaultLabel = labelIndex.get(WiderFaceFiles.DEFAULT_LABEL);
        // A label whose name is no folder name was written under the one mapping of LabelFileNames.
        List<String> names = categories.labels().stream().map(l -> l.name()).toList();
        LabelFileNames folders = new LabelFileNames(names, Problems.IGNORE, "");
        for (int i = 0; i < names.size(); i++) {
            labelByFolder.put(folders.of(i), i);
        }
    }

    @Override
    public Categories categories() {
        return categories;
    }

    @Override
    public Item next() throws IOException {
        while (true) {
            if (lines == null) {
                if (++fileIndex >= files.size()) {
                    return null;
                }
                lines = new LineCursor(TextFiles.open(source, files.get(fileIndex)));
            }
            String path = lines.take();
            if (path == null) {
                lines.close();
                lines = null;
                continue;
            }
            return readImage(path.replace('\\', '/'));
        }
    }

    /** One block: the image path (taken), then optionally the box count and the boxes. */
    private Item readImage(String path) throws IOException {
        String file = files.get(fileIndex);
        if (NUMBERS_ONLY.matcher(path).matches()) {
            throw error(lines.number(), "expected an image path, got '" + path + "' (more box lines than the count before them?)");
        }
        String subset = WiderFaceFiles.subsetOf(file);
        List<Annotation> annotations = new ArrayList<>();
        String id = ImageFiles.stripExtension(path);
        int slash = id.indexOf('/');
        if (slash > 0) {
            String folder = id.substring(0, slash);
            id = id.substring(slash + 1);
            if (!folder.equals(WiderFaceFiles.NO_LABEL)) {
                String name = WiderFaceFiles.folderLabel(folder);
                Integer label = labelByFolder.containsKey(name) ? labelByFolder.get(name)
                        : label(name, "image folder " + folder);
                if (label != null) {
                    annotations.add(new Tag(AnnotationInfo.of(label)));
                }
            }
        }
        String countLine = lines.peek();
        if (countLine != null && INTEGER.matcher(countLine).matches()) {
            lines.take();
            int count = parseCount(countLine);
            for (int i = 0; i < count; i++) {
                String box = lines.take();
                if (box == null) {
                    throw error(lines.number(), "expected " + count + " box lines for " + path + ", the file ends after " + i);
                }
                annotations.add(box(box));
            }
            String next = lines.peek();
            if (count == 0 && next != null && NUMBERS_ONLY.matcher(next).matches()) {
                lines.take(); // the official placeholder row of an image without faces
            }
        }
        Media media = new Media(WiderFaceFiles.imagesDir(subset) + "/" + path, null, null);
        return new Item(id, subset, media, annotations);
    }

    private int parseCount(String line) throws FormatException {
        try {
            int count = Integer.parseInt(line);
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(lines.number(), "expected a box count, got '" + line + "'");
    }

    /** {@code x y w h [blur expression illumination occluded pose invalid] [label]}. */
    private Bbox box(String line) throws FormatException {
        String[] fields = line.split("\\s+");
        int n = fields.length;
        if (n != 4 && n != 5 && n != 10 && n != 11) {
            throw error(lines.number(), "expected 4, 5, 10 or 11 fields (x y w h, 6 flags, label), got " + n);
        }
        double[] xywh = new double[4];
        String[] names = {"x", "y", "w", "h"};
        for (int i = 0; i < 4; i++) {
            try {
                xywh[i] = Double.parseDouble(fields[i]);
            } catch (NumberFormatException e) {
                throw error(lines.number(), "expected a number for " + names[i] + ", got '" + fields[i] + "'");
            }
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (n >= 10) {
            for (int i = 0; i < WiderFaceFiles.ATTRIBUTES.size(); i++) {
                String value = fields[4 + i];
                if (!value.equals("-")) {
                    attributes.put(WiderFaceFiles.ATTRIBUTES.get(i),
                            value.equals("True") || value.equals("False") ? Boolean.valueOf(value) : value);
                }
            }
        }
        Integer label = n == 5 || n == 11 ? label(fields[n - 1], "box label") : defaultLabel();
        AnnotationInfo info = AnnotationInfo.of(label).withAttributes(attributes);
        return new Bbox(info, xywh[0], xywh[1], xywh[2], xywh[3]);
    }

    private Integer defaultLabel() {
        if (defaultLabel == null && reported.add("\u0000face")) {
            problems.dataset("boxes without a label name are faces, but '" + WiderFaceFiles.DEFAULT_LABEL
                    + "' is not a declared label: they are kept unlabelled");
        }
        return defaultLabel;
    }

    private Integer label(String name, String where) {
        Integer label = labelIndex.get(name);
        if (label == null && reported.add(name)) {
            problems.dataset(where + ": '" + name + "' is not a declared label ("
                    + String.join(", ", labelIndex.keySet().stream().sorted().toList()) + "): not kept as a label");
        }
        return label;
    }

    private FormatException error(int line, String message) {
        return FormatException.at(source.describe(files.get(fileIndex)), "line " + line, message);
    }

    @Override
    public void close() throws IOException {
        if (lines != null) {
            lines.close();
            lines = null;
        }
    }
}
