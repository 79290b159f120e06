package org.labelbridge.format.openimages;

import java.io.IOException;
import org.labelbridge.format.common.ImagesMeta;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.format.common.ImageHeaders;
import org.labelbridge.format.common.pixels.MaskImage;
import org.labelbridge.format.common.pixels.MaskImages;
import org.labelbridge.format.common.pixels.MaskSplitter;
import org.labelbridge.format.common.pixels.RunImage;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Rle;
import org.labelbridge.model.Tag;

/**
 * Reads an Open Images dataset. Its annotations of one image are spread over several CSV
 * files, so the files are read first into a compact index (rows kept as small records,
 * coordinates normalised); items are then made one at a time, each when reached: its size
 * looked up, its boxes scaled, its mask PNGs decoded.
 *
 * <p>Items come in the order of the image description files, then those only annotated.
 * An item's annotations are its labels, then its boxes (group 1, 2, ... in order), then its
 * masks, each in the group of the box of the same class with the same corners, as Datumaro
 * reads them.
 */
final class OpenImagesReader implements DatasetReader {

    /** One image and its annotation rows until it is read. */
    private static final class Entry {
        final String id;
        final String subset;
        final List<PendingAnnotation> annotations = new ArrayList<>(1);

        Entry(String id, String subset) {
            this.id = id;
            this.subset = subset;
        }
    }

    private final DatasetSource source;
    private final Problems problems;
    private final List<String> annotationFiles;
    private final Set<String> readFiles = new HashSet<>();
    private final ClassTable classes;
    private final ImagesMeta meta;
    private final Map<String, String> imageOfId = new HashMap<>();
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Entry> entryOfId = new HashMap<>();
    private final Categories categories;
    private int next;

    OpenImagesReader(DatasetSource source, Problems problems) throws IOException {
        this.source = source;
        this.problems = problems;
        this.annotationFiles = source.filesIn(OpenImagesLayout.ANNOTATIONS_DIR);
        if (annotationFiles.isEmpty()) {
            throw new FormatException(source.describe(OpenImagesLayout.ANNOTATIONS_DIR)
                    + ": expected the Open Images annotation files (image_ids_and_rotation.csv, ...)");
        }
        this.classes = ClassTable.read(source, problems);
        readFiles.addAll(classes.files());
        String metaFile = OpenImagesLayout.annotation(OpenImagesLayout.IMAGE_META);
        this.meta = source.exists(metaFile) ? ImagesMeta.read(source, metaFile) : ImagesMeta.NONE;
        readFiles.add(metaFile);
        indexImages();
        readDescriptions();
        readLabels();
        readBoxes();
        readMasks();
        this.categories = classes.categories();
        reportUnlistedImages();
        reportUnreadFiles();
        entryOfId.clear(); // items are read from the list, which lets each go once read
    }

    /** Images by item id: {@code images/<subset folder>/<id>.<ext>}, whichever the folder. */
    private void indexImages() {
        String prefix = OpenImagesLayout.IMAGES_DIR + "/";
        for (String path : source.filesUnder(OpenImagesLayout.IMAGES_DIR)) {
            int slash = path.indexOf('/', prefix.length());
            if (ImageFiles.isImage(path) && slash > 0) {
                imageOfId.putIfAbsent(ImageFiles.stripExtension(path.substring(slash + 1)), path);
            }
        }
    }

    /** The annotation files of a kind; they count as read. */
    private List<String> filesEndingWith(String suffix) {
        List<String> files = annotationFiles.stream().filter(f -> f.endsWith(suffix)).toList();
        readFiles.addAll(files);
        return files;
    }

    /** The combined image list when there is one, else the per-subset ones (as Datumaro). */
    private void readDescriptions() throws IOException {
        String full = OpenImagesLayout.annotation(OpenImagesLayout.FULL_DESCRIPTION);
        if (source.exists(full)) {
            readFiles.add(full);
            readDescription(full);
            return;
        }
        for (String suffix : OpenImagesLayout.SUBSET_DESCRIPTION_SUFFIXES) {
            for (String file : filesEndingWith(suffix)) {
                readDescription(file);
            }
        }
    }

    private void readDescription(String file) throws IOException {
        List<String> unread = OpenImagesLayout.DESCRIPTION_COLUMNS.subList(2, OpenImagesLayout.DESCRIPTION_COLUMNS.size() - 1);
        try (CsvTable table = CsvTable.withHeader(source, file,
                List.of(OpenImagesLayout.IMAGE_ID, OpenImagesLayout.SUBSET), unread, false)) {
            for (CsvTable.Row row = table.next(); row != null; row = table.next()) {
                String id = row.get(OpenImagesLayout.IMAGE_ID);
                String subset = row.get(OpenImagesLayout.SUBSET);
                if (id.isEmpty()) {
                    throw row.error("expected an ImageID");
                }
                if (!OpenImagesLayout.isPathComponent(subset)) {
                    throw row.error("subset '" + subset + "' of image " + id + " cannot be a folder name");
                }
                if (entryOfId.containsKey(id)) {
                    throw row.error("image " + id + " is listed a second time");
                }
                add(new Entry(id, subset));
                String rotation = row.optional("Rotation").strip();
                if (!rotation.isEmpty() && !isZero(rotation)) {
                    problems.item(id, "Rotation " + rotation + " (" + file + ") is not applied: the image and its"
                            + " annotations are read as stored");
                }
            }
            reportUnread(table);
        }
    }

    private static boolean isZero(String number) {
        try {
            return Double.parseDouble(number) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void add(Entry entry) {
        entries.add(entry);
        entryOfId.put(entry.id, entry);
    }

    /** The entry of an annotation row's image; one not in an image list is added, its subset from the file name. */
    private Entry entryOf(CsvTable.Row row, String file) throws FormatException {
        String id = row.get(OpenImagesLayout.IMAGE_ID);
        if (id.isEmpty()) {
            throw row.error("expected an ImageID");
        }
        Entry entry = entryOfId.get(id);
        if (entry == null) {
            String name = file.substring(file.lastIndexOf('/') + 1);
            String subset = OpenImagesLayout.subsetOfFile(name);
            if (!OpenImagesLayout.isPathComponent(subset)) {
                throw row.error("image " + id + " is in no image list, and the file name gives no subset");
            }
            entry = new Entry(id, subset);
            add(entry);
            problems.item(id, "not in an image description file: subset '" + subset + "' taken from the name of " + file);
        }
        return entry;
    }

    private void readLabels() throws IOException {
        for (String file : filesEndingWith(OpenImagesLayout.LABELS_SUFFIX)) {
            try (CsvTable table = CsvTable.withHeader(source, file, List.of(OpenImagesLayout.IMAGE_ID,
                    OpenImagesLayout.LABEL_NAME, OpenImagesLayout.CONFIDENCE), List.of(OpenImagesLayout.SOURCE))) {
                for (CsvTable.Row row = table.next(); row != null; row = table.next()) {
                    Entry entry = entryOf(row, file);
                    int label = classes.labelOf(row, file);
                    entry.annotations.add(new PendingAnnotation.Tag(label, row.number(OpenImagesLayout.CONFIDENCE)));
                }
                reportUnread(table);
            }
        }
    }

    private void readBoxes() throws IOException {
        List<String> required = new ArrayList<>(List.of(OpenImagesLayout.IMAGE_ID, OpenImagesLayout.LABEL_NAME,
                OpenImagesLayout.CONFIDENCE));
        required.addAll(OpenImagesLayout.BOX_CORNERS);
        for (String file : filesEndingWith(OpenImagesLayout.BOXES_SUFFIX)) {
            try (CsvTable table = CsvTable.withHeader(source, file, required, List.of(OpenImagesLayout.SOURCE))) {
                for (CsvTable.Row row = table.next(); row != null; row = table.next()) {
                    Entry entry = entryOf(row, file);
                    int label = classes.labelOf(row, file);
                    double[] c = corners(row, OpenImagesLayout.BOX_CORNERS);
                    byte[] flags = new byte[OpenImagesLayout.BOX_FLAGS.size()];
                    for (int i = 0; i < flags.length; i++) {
                        flags[i] = (byte) row.flag(OpenImagesLayout.BOX_FLAGS.get(i).column());
                    }
                    entry.annotations.add(new PendingAnnotation.Box(label, c[0], c[1], c[2], c[3],
                            row.number(OpenImagesLayout.CONFIDENCE), flags));
                }
                reportUnread(table);
            }
        }
    }

    private static double[] corners(CsvTable.Row row, List<String> columns) throws FormatException {
        double[] corners = new double[columns.size()];
        for (int i = 0; i < corners.length; i++) {
            corners[i] = row.number(columns.get(i));
        }
        return corners;
    }

    /** Whether the row has values in all these columns (a converted dataset's masks may have no box). */
    private static boolean hasAll(CsvTable.Row row, List<String> columns) {
        for (String column : columns) {
            if (row.optional(column).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private void readMasks() throws IOException {
        for (String file : filesEndingWith(OpenImagesLayout.MASKS_SUFFIX)) {
            try (CsvTable table = CsvTable.withHeader(source, file, List.of(OpenImagesLayout.MASK_PATH,
                    OpenImagesLayout.IMAGE_ID, OpenImagesLayout.LABEL_NAME, OpenImagesLayout.BOX_ID), List.of("Clicks"))) {
                for (CsvTable.Row row = table.next(); row != null; row = table.next()) {
                    String maskFile = row.get(OpenImagesLayout.MASK_PATH);
                    if (!OpenImagesLayout.isPathComponent(maskFile)) {
                        throw row.error("MaskPath '" + maskFile + "' must be a file name in masks/<subset>/");
                    }
                    String boxId = row.get(OpenImagesLayout.BOX_ID);
                    if (!OpenImagesLayout.isPathComponent(boxId)) {
                        throw row.error("BoxID '" + boxId + "' must be a name usable in a file name");
                    }
                    Entry entry = entryOf(row, file);
                    int label = classes.labelOf(row, file);
                    double[] box = null;
                    if (hasAll(row, OpenImagesLayout.MASK_BOX_CORNERS)) {
                        box = corners(row, OpenImagesLayout.MASK_BOX_CORNERS);
                    }
                    String iou = row.optional(OpenImagesLayout.PREDICTED_IOU);
                    Double predictedIou = iou.isBlank() ? null : row.number(OpenImagesLayout.PREDICTED_IOU);
                    entry.annotations.add(new PendingAnnotation.Mask(label, maskFile, boxId, box, predictedIou,
                            file + ", line " + row.line()));
                }
                reportUnread(table);
            }
        }
    }

    private void reportUnread(CsvTable table) {
        Map<String, String> unread = table.unreadColumns();
        if (!unread.isEmpty()) {
            List<String> examples = new ArrayList<>();
            unread.forEach((column, value) -> examples.add(column + "='" + value + "'"));
            problems.dataset(table.path() + ": column(s) " + String.join(", ", unread.keySet()) + " not kept (e.g. "
                    + String.join(", ", examples) + ")");
        }
    }

    /** Files in annotations/ that no part of the reader looked at (machine-made labels, relationships, ...). */
    private void reportUnreadFiles() {
        List<String> unread = annotationFiles.stream().filter(f -> !readFiles.contains(f)).toList();
        if (!unread.isEmpty()) {
            problems.dataset("not read (not part of what Open Images 1.0 imports): " + String.join(", ", unread));
        }
    }

    private void reportUnlistedImages() {
        TreeMap<String, String> unlisted = new TreeMap<>();
        for (String path : source.filesUnder(OpenImagesLayout.IMAGES_DIR)) {
            if (ImageFiles.isImage(path)) {
                unlisted.put(path, path);
            }
        }
        for (Entry entry : entries) {
            String image = imageOfId.get(entry.id);
            if (image != null) {
                unlisted.remove(image);
            }
        }
        if (!unlisted.isEmpty()) {
            List<String> examples = new ArrayList<>(unlisted.keySet()).subList(0, Math.min(3, unlisted.size()));
            problems.dataset(unlisted.size() + " image(s) under images/ are in no image list or annotation file and are"
                    + " not read (" + String.join(", ", examples) + (unlisted.size() > 3 ? ", ..." : "") + ")");
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
        Entry entry = entries.get(next);
        entries.set(next++, null); // read once: let its rows go
        return item(entry);
    }

    private Item item(Entry entry) throws IOException {
        String image = imageOfId.get(entry.id);
        ImageHeaders.Size size = meta.size(entry.id);
        if (size == null && image != null) {
            size = ImageHeaders.read(source, image).map(s -> s).orElse(null);
        }
        Media media = size == null ? new Media(image, null, null) : new Media(image, size.width(), size.height());
        List<Annotation> annotations = new ArrayList<>(entry.annotations.size());
        List<PendingAnnotation.Box> boxes = new ArrayList<>();
        for (PendingAnnotation pending : entry.annotations) {
            if (pending instanceof PendingAnnotation.Tag tag) {
                annotations.add(new Tag(new AnnotationInfo(tag.label(), 0, 0, 0,
                        Map.of(OpenImagesLayout.SCORE, tag.score()), null)));
            } else if (size == null) {
                AnnotationKind kind = pending instanceof PendingAnnotation.Box ? AnnotationKind.BBOX : AnnotationKind.MASK;
                problems.dropped(entry.id, kind, "the image size is unknown (not in images.meta, no readable image):"
                        + " Open Images gives " + kind.id() + " coordinates as fractions of it");
            } else if (pending instanceof PendingAnnotation.Box box) {
                boxes.add(box);
                annotations.add(box(box, boxes.size(), size));
            } else {
                Annotation mask = mask(entry, (PendingAnnotation.Mask) pending, boxes, size);
                if (mask != null) {
                    annotations.add(mask);
                }
            }
        }
        return new Item(entry.id, entry.subset, media, annotations);
    }

    private static Bbox box(PendingAnnotation.Box box, int group, ImageHeaders.Size size) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(OpenImagesLayout.SCORE, box.score());
        for (int i = 0; i < box.flags().length; i++) {
            if (box.flags()[i] >= 0) {
                attributes.put(OpenImagesLayout.BOX_FLAGS.get(i).attribute(), box.flags()[i] == 1);
            }
        }
        double x1 = box.xMin() * size.width(), x2 = box.xMax() * size.width();
        double y1 = box.yMin() * size.height(), y2 = box.yMax() * size.height();
        return new Bbox(new AnnotationInfo(box.label(), 0, group, 0, attributes, null), x1, y1, x2 - x1, y2 - y1);
    }

    private Annotation mask(Entry entry, PendingAnnotation.Mask mask, List<PendingAnnotation.Box> boxes,
                            ImageHeaders.Size size) throws IOException {
        String path = OpenImagesLayout.MASKS_DIR + "/" + entry.subset + "/" + mask.file();
        if (!source.exists(path)) {
            problems.dropped(entry.id, AnnotationKind.MASK, "its file " + path + " (" + mask.where() + ") is missing");
            return null;
        }
        int group = 0;
        if (mask.boxCorners() != null) {
            for (int i = 0; i < boxes.size(); i++) {
                if (boxes.get(i).label() == mask.label() && boxes.get(i).sameCorners(mask.boxCorners())) {
                    group = i + 1;
                }
            }
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(OpenImagesLayout.MASK_BOX_ID, mask.boxId());
        if (mask.predictedIou() != null) {
            attributes.put(OpenImagesLayout.MASK_PREDICTED_IOU, mask.predictedIou());
        }
        MaskImage image;
        try (InputStream in = source.open(path)) {
            image = MaskImages.read(in, source.describe(path));
        }
        return new Mask(new AnnotationInfo(mask.label(), 0, group, 0, attributes, null),
                scaled(image, size.height(), size.width()));
    }

    /**
     * The mask's set (non-zero) pixels scaled to the image by nearest neighbour, as Datumaro
     * (OpenCV's {@code INTER_NEAREST}) does: Open Images masks have their own resolution.
     */
    static Rle scaled(MaskImage image, int height, int width) {
        RunImage samples = image.runs();
        RunImage.Builder scaled = new RunImage.Builder(height, width);
        double scaleX = (double) image.width() / width, scaleY = (double) image.height() / height;
        boolean indexed = image.kind() == MaskImage.Kind.INDEXED;
        for (int y = 0; y < height; y++) {
            int sy = Math.min(image.height() - 1, (int) Math.floor(y * scaleY));
            int k = 0; // the run holding sx, which only grows along the row
            for (int x = 0; x < width; x++) {
                int sx = Math.min(image.width() - 1, (int) Math.floor(x * scaleX));
                while (samples.runEnd(sy, k) <= sx) {
                    k++;
                }
                int sample = samples.runValue(sy, k);
                boolean set = indexed ? image.colourOf(sample) != 0 : sample != 0;
                scaled.run(x + 1, set ? 1 : 0);
            }
            scaled.endRow();
        }
        return MaskSplitter.mask(scaled.build(), value -> value == 1);
    }
}
