package org.labelbridge.format.openimages;

import java.io.IOException;
import org.labelbridge.format.common.FileNames;
import org.labelbridge.format.common.ImagesMeta;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVPrinter;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.NumberText;
import org.labelbridge.format.common.pixels.Coverage;
import org.labelbridge.format.common.pixels.MaskCompositor;
import org.labelbridge.format.common.pixels.PngEncoder;
import org.labelbridge.format.common.pixels.Rasterizer;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Rle;
import org.labelbridge.model.Tag;

/**
 * Writes the V6 file set: {@code oidv6-class-descriptions.csv} and the hierarchy first, then
 * while items stream {@code image_ids_and_rotation.csv}, {@code images.meta} and per subset
 * the label, box and mask CSVs (spooled, each created with its first row), mask PNGs
 * ({@code masks/<subset>/}, 0 and 255) and images ({@code images/<subset>/}).
 *
 * <p>Boxes need the image size (coordinates are fractions of it); the item's size is used, else
 * its first mask's. A mask in a group with a box of its class gets that box's corners, so it
 * reads back in the box's group. Polygons are rasterised into masks.
 */
final class OpenImagesWriter implements DatasetWriter {

    private static final String DEFAULT_IMAGE_EXT = ".jpg";
    /** A mask PNG's value where the shape is (0 elsewhere), as Open Images and Datumaro write them. */
    private static final int MASK_VALUE = 255;
    private static final Set<String> TAG_ATTRIBUTES = Set.of(OpenImagesLayout.SCORE);
    private static final Set<String> BOX_ATTRIBUTES;
    private static final Set<String> MASK_ATTRIBUTES = Set.of(OpenImagesLayout.MASK_BOX_ID,
            OpenImagesLayout.MASK_PREDICTED_IOU);

    static {
        Set<String> names = new HashSet<>(List.of(OpenImagesLayout.SCORE));
        OpenImagesLayout.BOX_FLAGS.forEach(f -> names.add(f.attribute()));
        BOX_ATTRIBUTES = Set.copyOf(names);
    }

    /** A mask's PNG file name and the box id in it. */
    private record MaskFile(String name, String boxId) {
    }

    /** A box as written: its class and normalised corners, for the masks of its group. */
    private record WrittenBox(Bbox box, String[] corners) {
    }

    private final DatasetOutput output;
    private final Problems problems;
    private String[] className;
    private CSVPrinter descriptions;
    private Writer meta;
    private final Map<String, String> folderOfSubset = new HashMap<>();
    private final Set<String> writtenIds = new HashSet<>();
    private final Map<String, CSVPrinter> labelFiles = new LinkedHashMap<>();
    private final Map<String, CSVPrinter> boxFiles = new LinkedHashMap<>();
    private final Map<String, CSVPrinter> maskFiles = new LinkedHashMap<>();
    private final Map<String, Set<String>> maskNames = new HashMap<>();

    OpenImagesWriter(DatasetOutput output, Problems problems) {
        this.output = output;
        this.problems = problems;
    }

    @Override
    public void begin(Categories categories) throws IOException {
        className = new String[categories.labels().size()];
        Map<String, String> parentOf = new LinkedHashMap<>();
        for (int i = 0; i < className.length; i++) {
            Label label = categories.label(i);
            className[i] = label.name();
            if (parentOf.containsKey(label.name())) {
                problems.dataset("label '" + label.name() + "' appears under more than one parent: Open Images class"
                        + " names are unique, so it is written once, as the first");
                continue;
            }
            parentOf.put(label.name(), label.parent());
        }
        for (Map.Entry<String, String> e : parentOf.entrySet()) {
            if (!e.getValue().isEmpty() && !parentOf.containsKey(e.getValue())) {
                problems.dataset("parent '" + e.getValue() + "' of label '" + e.getKey() + "' is not a label: not kept");
                e.setValue("");
            }
        }
        try (CSVPrinter classes = printer(output.entry(OpenImagesLayout.annotation(OpenImagesLayout.V6_CLASSES_FILE)),
                OpenImagesLayout.CLASS_COLUMNS)) {
            for (String name : parentOf.keySet()) {
                classes.printRecord(name, name);
            }
        }
        Set<String> inTree;
        try (OutputStream out = output.entry(OpenImagesLayout.annotation(OpenImagesLayout.HIERARCHY))) {
            inTree = LabelHierarchy.write(parentOf, out);
        }
        parentOf.forEach((name, parent) -> {
            if (!parent.isEmpty() && !inTree.contains(name)) {
                problems.dataset("parent '" + parent + "' of label '" + name + "' not kept: the parents form a loop");
            }
        });
        descriptions = printer(output.deferred(OpenImagesLayout.annotation(OpenImagesLayout.FULL_DESCRIPTION)),
                OpenImagesLayout.DESCRIPTION_COLUMNS);
    }

    private static CSVPrinter printer(OutputStream out, List<String> header) throws IOException {
        CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), OpenImagesLayout.CSV);
        printer.printRecord(header);
        return printer;
    }

    private CSVPrinter file(Map<String, CSVPrinter> files, String subset, String suffix, List<String> header)
            throws IOException {
        CSVPrinter printer = files.get(subset);
        if (printer == null) {
            printer = printer(output.deferred(OpenImagesLayout.annotation(subset + suffix)), header);
            files.put(subset, printer);
        }
        return printer;
    }

    @Override
    public void write(Item given) throws IOException {
        Item item = FileNames.withPathId(given, problems, "Open Images");
        String subset = folder(item.subset());
        String id = uniqueId(item);
        List<String> description = new ArrayList<>(Collections.nCopies(OpenImagesLayout.DESCRIPTION_COLUMNS.size(), ""));
        description.set(0, id);
        description.set(1, subset);
        descriptions.printRecord(description);
        int[] size = size(item);
        if (size != null) {
            if (meta == null) {
                meta = new OutputStreamWriter(output.deferred(OpenImagesLayout.annotation(OpenImagesLayout.IMAGE_META)),
                        StandardCharsets.UTF_8);
            }
            meta.write(ImagesMeta.line(id, size[1], size[0]));
        }
        String extension = item.media().extension().isEmpty() ? DEFAULT_IMAGE_EXT : item.media().extension();
        output.copyMedia(item.media(), OpenImagesLayout.IMAGES_DIR + "/" + subset + "/" + id + extension);

        List<WrittenBox> boxes = new ArrayList<>();
        List<Annotation> masks = new ArrayList<>();
        // the pipeline gives only tags, boxes (not rotated), polygons and masks, each with a label
        for (Annotation a : item.annotations()) {
            if (a instanceof Tag) {
                writeTag(item, id, subset, a);
            } else if (a instanceof Bbox b) {
                WrittenBox written = writeBox(item, id, subset, b, size);
                if (written != null) {
                    boxes.add(written);
                }
            } else {
                masks.add(a);
            }
        }
        Set<String> boxIds = new HashSet<>();
        for (Annotation a : masks) {
            Object boxId = a.attributes().get(OpenImagesLayout.MASK_BOX_ID);
            if (boxId != null) {
                boxIds.add(String.valueOf(boxId));
            }
        }
        int[] nextBoxId = {0};
        for (Annotation a : masks) {
            writeMask(item, id, subset, a, size, boxes, boxIds, nextBoxId);
        }
    }

    /** The subset's folder name; one that cannot be a folder is made one, and reported. */
    private String folder(String subset) {
        return folderOfSubset.computeIfAbsent(subset, s -> {
            String name = s.replaceAll("[/\\\\\\x00]", "_");
            if (name.equals(".") || name.equals("..")) {
                name = name.replace('.', '_');
            }
            if (!name.equals(s)) {
                problems.dataset("subset '" + s + "' written as '" + name + "': a subset is one folder");
            }
            return name;
        });
    }

    /** Open Images ids are unique across subsets: a repeated id gets its subset appended, and is reported. */
    private String uniqueId(Item item) {
        String id = item.id();
        if (writtenIds.add(id)) {
            return id;
        }
        String renamed = id + "_" + item.subset();
        for (int n = 2; !writtenIds.add(renamed); n++) {
            renamed = id + "_" + item.subset() + "_" + n;
        }
        problems.item(item.id(), "written as '" + renamed + "': an Open Images ImageID is unique across subsets and '"
                + id + "' is taken");
        return renamed;
    }

    /** Height and width: the item's, else its first mask's (a mask covers the whole image). */
    private static int[] size(Item item) {
        if (item.media().hasSize()) {
            return new int[] {item.media().height(), item.media().width()};
        }
        for (Annotation a : item.annotations()) {
            if (a instanceof Mask m && m.rle().height() > 0 && m.rle().width() > 0) {
                return new int[] {m.rle().height(), m.rle().width()};
            }
        }
        return null;
    }

    private void writeTag(Item item, String id, String subset, Annotation tag) throws IOException {
        reportLost(item, tag, TAG_ATTRIBUTES);
        if (tag.info().group() != 0) {
            problems.changed(item.id(), tag.kind(), "group not kept: Open Images groups only masks with boxes");
        }
        file(labelFiles, subset, OpenImagesLayout.LABELS_SUFFIX, OpenImagesLayout.LABEL_COLUMNS)
                .printRecord(id, "", className[tag.label()], score(item, tag));
    }

    private WrittenBox writeBox(Item item, String id, String subset, Bbox box, int[] size) throws IOException {
        if (size == null) {
            problems.dropped(item.id(), box.kind(), "the image size is unknown: Open Images stores boxes as fractions of it");
            return null;
        }
        reportLost(item, box, BOX_ATTRIBUTES);
        double height = size[0], width = size[1];
        String[] corners = {NumberText.of(box.x() / width), NumberText.of(box.x2() / width),
                NumberText.of(box.y() / height), NumberText.of(box.y2() / height)};
        List<String> row = new ArrayList<>(List.of(id, "", className[box.label()], score(item, box)));
        row.addAll(List.of(corners));
        for (OpenImagesLayout.Flag flag : OpenImagesLayout.BOX_FLAGS) {
            row.add(flag(item, box, flag.attribute()));
        }
        file(boxFiles, subset, OpenImagesLayout.BOXES_SUFFIX, OpenImagesLayout.BOX_COLUMNS).printRecord(row);
        return new WrittenBox(box, corners);
    }

    private void writeMask(Item item, String id, String subset, Annotation a, int[] size, List<WrittenBox> boxes,
                           Set<String> boxIds, int[] nextBoxId) throws IOException {
        Coverage coverage;
        int height;
        int width;
        if (a instanceof Mask m) {
            Rle rle = m.rle();
            if (rle.height() == 0 || rle.width() == 0) {
                problems.dropped(item.id(), a.kind(), "a mask of no pixels cannot be a PNG");
                return;
            }
            coverage = Rasterizer.mask(rle);
            height = rle.height();
            width = rle.width();
        } else if (size == null) {
            problems.dropped(item.id(), a.kind(), "the image size is unknown, so the polygon cannot be rasterised into a mask");
            return;
        } else {
            problems.converted(item.id(), AnnotationKind.POLYGON, 1, AnnotationKind.MASK, 1,
                    "polygon rasterised into a mask: Open Images segments are masks");
            coverage = Rasterizer.polygon(((Polygon) a).points());
            height = size[0];
            width = size[1];
        }
        reportLost(item, a, MASK_ATTRIBUTES);
        String[] corners = {"", "", "", ""};
        int group = a.info().group();
        if (group != 0) {
            WrittenBox box = boxes.stream().filter(b -> b.box().info().group() == group && b.box().label().equals(a.label()))
                    .findFirst().orElse(null);
            if (box != null) {
                corners = box.corners();
            } else {
                problems.changed(item.id(), a.kind(), "group " + group + " not kept: Open Images links a mask only to"
                        + " a box of its class");
            }
        }
        MaskFile file = maskFile(item, id, subset, a, boxIds, nextBoxId);
        file(maskFiles, subset, OpenImagesLayout.MASKS_SUFFIX, OpenImagesLayout.MASK_COLUMNS).printRecord(
                file.name(), id, className[a.label()], file.boxId(), corners[0], corners[1], corners[2], corners[3],
                predictedIou(item, a), "");
        // Painted by runs on an encoder thread: 255 where the shape is, 0 elsewhere.
        output.entry(OpenImagesLayout.MASKS_DIR + "/" + subset + "/" + file.name(), out -> PngEncoder.writeGray(
                new MaskCompositor(height, width).add(coverage, MASK_VALUE, 1, 0).compile().classes(), 8, out));
    }

    /**
     * {@code <item>_<class>_<box id>.png}, as Datumaro names masks, unique in the subset's
     * folder: the mask's {@code box_id} when it has a usable one, else a new 8-digit hex id.
     */
    private MaskFile maskFile(Item item, String id, String subset, Annotation a, Set<String> boxIds, int[] nextBoxId) {
        Set<String> taken = maskNames.computeIfAbsent(subset, s -> new HashSet<>());
        String prefix = OpenImagesLayout.fileNamePart(id) + "_" + OpenImagesLayout.fileNamePart(className[a.label()]) + "_";
        Object given = a.attributes().get(OpenImagesLayout.MASK_BOX_ID);
        if (given != null) {
            String boxId = String.valueOf(given);
            if (OpenImagesLayout.isPathComponent(boxId) && taken.add(prefix + boxId + ".png")) {
                return new MaskFile(prefix + boxId + ".png", boxId);
            }
        }
        String boxId;
        do {
            boxId = String.format("%08x", nextBoxId[0]++);
        } while (boxIds.contains(boxId) || !taken.add(prefix + boxId + ".png"));
        if (given != null) {
            problems.changed(item.id(), a.kind(), "box_id '" + given + "' written as '" + boxId + "': "
                    + (OpenImagesLayout.isPathComponent(String.valueOf(given)) ? "its mask file name is taken"
                    : "it cannot be part of a file name"));
        }
        return new MaskFile(prefix + boxId + ".png", boxId);
    }

    private String score(Item item, Annotation a) {
        Object value = a.attributes().get(OpenImagesLayout.SCORE);
        if (value == null) {
            return "1";
        }
        Double number = number(value);
        if (number == null) {
            problems.changed(item.id(), a.kind(), "score '" + value + "' is not a number: written as 1");
            return "1";
        }
        return NumberText.of(number);
    }

    private String predictedIou(Item item, Annotation a) {
        Object value = a.attributes().get(OpenImagesLayout.MASK_PREDICTED_IOU);
        if (value == null) {
            return "";
        }
        Double number = number(value);
        if (number == null) {
            problems.changed(item.id(), a.kind(), "predicted_iou '" + value + "' is not a number: not kept");
            return "";
        }
        return NumberText.of(number);
    }

    private static Double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            double parsed = Double.parseDouble(String.valueOf(value).strip());
            return Double.isFinite(parsed) ? parsed : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A box flag column: 1, 0, or -1 when the attribute is absent (or not a yes/no value, reported). */
    private String flag(Item item, Annotation a, String attribute) {
        Object value = a.attributes().get(attribute);
        if (value == null) {
            return "-1";
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        String text = String.valueOf(value).strip().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("1")) {
            return "1";
        }
        if (text.equals("false") || text.equals("0")) {
            return "0";
        }
        problems.changed(item.id(), a.kind(), attribute + " '" + value + "' is not true or false: not kept");
        return "-1";
    }

    private void reportLost(Item item, Annotation a, Set<String> kept) {
        Set<String> lost = new TreeSet<>(a.attributes().keySet());
        lost.removeAll(kept);
        if (!lost.isEmpty()) {
            problems.changed(item.id(), a.kind(), "attribute(s) " + lost + " not kept: Open Images " + a.kind().id()
                    + " rows have " + String.join(", ", new TreeSet<>(kept)));
        }
    }

    @Override
    public void finish() throws IOException {
        descriptions.close(true);
        if (meta != null) {
            meta.close();
        }
        for (Map<String, CSVPrinter> files : List.of(labelFiles, boxFiles, maskFiles)) {
            for (CSVPrinter printer : files.values()) {
                printer.close(true);
            }
        }
    }
}
