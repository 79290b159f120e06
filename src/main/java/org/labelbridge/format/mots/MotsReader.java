package org.labelbridge.format.mots;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.format.common.TextFiles;
import org.labelbridge.format.common.pixels.MaskImage;
import org.labelbridge.format.common.pixels.MaskImages;
import org.labelbridge.format.common.pixels.PixelValues;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;
import org.labelbridge.model.Track;

/** Reads the instance PNGs subset by subset, decoding each only when its item is reached. */
final class MotsReader implements DatasetReader {

    /** An instance PNG and the item it is. */
    private record Entry(String subset, String id, String png, String image) {
    }

    private final DatasetSource source;
    private final Problems problems;
    private final Categories categories;
    private final int ignoredLabel;
    private final List<Entry> entries = new ArrayList<>();
    private int next;

    MotsReader(DatasetSource source, Problems problems) throws IOException {
        this.source = source;
        this.problems = problems;
        Map<String, String> subsets = MotsFormat.subsets(source);
        if (subsets.isEmpty()) {
            throw FormatException.at(source.describe(""), null, "no MOTS instance masks: expected "
                    + "<subset>/instances/<frame>.png (or instances/<frame>.png), or at least <subset>/instances/"
                    + MotsLayout.LABELS_FILE);
        }
        categories = Categories.ofNames(labels(subsets));
        ignoredLabel = categories.labels().size() < MotsLayout.IGNORED_CLASS
                ? categories.indexOf(MotsLayout.IGNORED_LABEL) : -1;
        for (Map.Entry<String, String> subset : subsets.entrySet()) {
            index(subset.getKey(), MotsLayout.base(subset.getValue()));
        }
    }

    /** The labels of the subsets' labels.txt files, which must agree; MOTS's classes without any. */
    private List<String> labels(Map<String, String> subsets) throws IOException {
        List<String> labels = null;
        String first = null;
        for (String folder : subsets.values()) {
            String path = MotsLayout.base(folder) + MotsLayout.INSTANCES_DIR + "/" + MotsLayout.LABELS_FILE;
            if (!source.exists(path)) {
                continue;
            }
            List<String> names = readLabels(path);
            if (labels == null) {
                labels = names;
                first = path;
            } else if (!labels.equals(names)) {
                throw FormatException.at(source.describe(path), null, "lists labels " + names + ", but " + first
                        + " lists " + labels + ": every subset must have the same labels");
            }
        }
        if (labels == null) {
            problems.dataset("no instances/" + MotsLayout.LABELS_FILE + ": the labels are MOTS's classes "
                    + MotsLayout.DEFAULT_LABELS);
            return MotsLayout.DEFAULT_LABELS;
        }
        return labels;
    }

    /** Non-blank lines, stripped, as Datumaro reads them. */
    private List<String> readLabels(String path) throws IOException {
        List<String> names = new ArrayList<>();
        try (BufferedReader in = TextFiles.open(source, path)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                String name = line.strip();
                if (name.isEmpty()) {
                    continue;
                }
                if (names.contains(name)) {
                    throw FormatException.at(source.describe(path), "line " + number, "label '" + name
                            + "' is listed twice");
                }
                names.add(name);
            }
        }
        return names;
    }

    private void index(String subset, String base) {
        String images = base + MotsLayout.IMAGES_DIR + "/";
        Map<String, String> imageById = new HashMap<>();
        for (String file : source.filesUnder(images)) {
            if (ImageFiles.isImage(file)) {
                imageById.putIfAbsent(ImageFiles.stripExtension(file.substring(images.length())), file);
            }
        }
        String instances = base + MotsLayout.INSTANCES_DIR + "/";
        for (String file : source.filesUnder(instances)) {
            if (file.toLowerCase(Locale.ROOT).endsWith(MotsLayout.MASK_EXT)) {
                String id = ImageFiles.stripExtension(file.substring(instances.length()));
                entries.add(new Entry(subset, id, file, imageById.get(id)));
            }
        }
    }

    @Override
    public Categories categories() {
        return categories;
    }

    @Override
    public Item next() throws IOException {
        if (next >= entries.size()) {
            return null;
        }
        Entry entry = entries.get(next++);
        String file = source.describe(entry.png());
        MaskImage png = MaskImages.readGrey(source, entry.png(), "class_id * 1000 + instance id values");
        List<Annotation> masks = PixelValues.masks(png.runs(), value -> {
            if (value == 0) {
                return null;
            }
            if (value < MotsLayout.MAX_INSTANCES) {
                problems.item(entry.id(), "pixel value " + value + " in " + file + " has class 0, the "
                        + "background: read as background, as Datumaro does");
                return null;
            }
            return info(entry, file, value);
        });
        return new Item(entry.id(), entry.subset(), new Media(entry.image(), png.width(), png.height()), masks);
    }

    /** The annotation of one pixel value: label {@code class - 1}, track the instance id. */
    private AnnotationInfo info(Entry entry, String file, int value) throws FormatException {
        int classId = value / MotsLayout.MAX_INSTANCES;
        int instance = value % MotsLayout.MAX_INSTANCES;
        Integer label;
        int zOrder = 0;
        if (classId == MotsLayout.IGNORED_CLASS && categories.labels().size() < MotsLayout.IGNORED_CLASS) {
            zOrder = 1; // as Datumaro reads MOTS's "ignored" regions: on top
            label = ignoredLabel >= 0 ? ignoredLabel : null;
            if (label == null) {
                problems.item(entry.id(), "pixel value " + value + " is MOTS's class 10 (ignored), which the labels "
                        + "do not name: its mask is unlabelled");
            }
        } else if (classId > categories.labels().size()) {
            throw FormatException.at(file, "pixel value " + value, "class " + classId + ", but there are "
                    + categories.labels().size() + " labels");
        } else {
            label = classId - 1;
        }
        return new AnnotationInfo(label, 0, 0, zOrder, Map.of(), new Track(instance, true, false));
    }
}
