package org.labelbridge.format.labelme;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.FileNames;
import org.labelbridge.format.common.NumberText;
import org.labelbridge.format.common.XmlOut;
import org.labelbridge.format.common.pixels.IndexImage;
import org.labelbridge.format.common.pixels.PngEncoder;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Rgb;
import org.labelbridge.model.Rle;

/**
 * Writes {@code <subset>/<id>.xml} per item, its image beside it and its masks in
 * {@code <subset>/Masks/}, as CVAT's export does (through Datumaro's LabelMe exporter).
 */
final class LabelMeWriter implements DatasetWriter {

    /** Datumaro paints LabelMe masks in this colour (over black); any non-black pixel is set. */
    private static final List<Rgb> MASK_PALETTE = List.of(new Rgb(0, 0, 0), new Rgb(255, 203, 0));

    private final DatasetOutput output;
    private final Problems problems;
    private Categories categories;
    private final Set<String> written = new HashSet<>();
    private final Map<String, String> subsetDirs = new HashMap<>();
    private final BitSet usedLabels = new BitSet();
    private final Set<String> textAttributes = new HashSet<>();

    LabelMeWriter(DatasetOutput output, Problems problems) {
        this.output = output;
        this.problems = problems;
    }

    @Override
    public void begin(Categories categories) {
        this.categories = categories;
        List<String> declared = new ArrayList<>();
        for (Label label : categories.labels()) {
            if (!label.attributes().isEmpty()) {
                declared.add(label.name());
            }
            if (label.hasParent()) {
                problems.dataset("label '" + label.name() + "': parent '" + label.parent() + "' not kept, LabelMe labels"
                        + " are object names only");
            }
        }
        if (!declared.isEmpty()) {
            problems.dataset("attribute declarations of labels " + declared + " not kept: LabelMe declares no"
                    + " attributes, each object carries its values");
        }
        if (!categories.colors().isEmpty()) {
            problems.dataset("label colours not kept: LabelMe has none");
        }
    }

    @Override
    public void write(Item given) throws IOException {
        Item item = FileNames.withPathId(given, problems, "LabelMe");
        String id = item.id();
        String dir = subsetDir(item.subset());
        if (!written.add(dir + id)) {
            problems.item(id, "item '" + id + "' of subset '" + item.subset() + "' comes again: LabelMe keeps one "
                    + dir + id + LabelMeLayout.XML + ", the first one written");
            return;
        }
        int[] size = item.media().hasSize() ? new int[] {item.media().height(), item.media().width()} : null;
        List<Annotation> objects = new ArrayList<>();
        for (Annotation a : item.annotations()) {
            if (!(a instanceof Polygon || a instanceof Bbox || a instanceof Mask)) {
                problems.dropped(id, a.kind(), "LabelMe holds polygons, boxes and masks only");
                continue;
            }
            if (a instanceof Mask m) {
                if (m.rle().height() == 0 || m.rle().width() == 0) {
                    problems.dropped(id, a.kind(), "mask of no pixels (" + m.rle().width() + "x" + m.rle().height() + ")");
                    continue;
                }
                if (size == null) {
                    size = new int[] {m.rle().height(), m.rle().width()};
                } else if (size[0] != m.rle().height() || size[1] != m.rle().width()) {
                    problems.dropped(id, a.kind(), "mask is " + m.rle().width() + "x" + m.rle().height()
                            + " but the image is " + size[1] + "x" + size[0]);
                    continue;
                }
            }
            objects.add(a);
        }
        String imageFile = id + (item.media().extension().isEmpty()
                ? LabelMeLayout.DEFAULT_IMAGE_EXT : item.media().extension());
        if (item.media().hasPath()) {
            output.copyMedia(item.media(), dir + imageFile);
        }
        for (int i = 0; i < objects.size(); i++) { // before the XML: output entries are written one at a time
            if (objects.get(i) instanceof Mask m) {
                writeMask(dir + LabelMeLayout.MASKS + maskFile(id, i), m.rle());
            }
        }
        writeXml(item, dir, imageFile, size, objects);
    }

    private void writeXml(Item item, String dir, String imageFile, int[] size, List<Annotation> objects)
            throws IOException {
        String id = item.id();
        Map<Integer, List<Integer>> groups = groups(id, objects);
        try (OutputStream stream = output.entry(dir + id + LabelMeLayout.XML);
             XmlOut xml = new XmlOut(stream)) {
            xml.open("annotation");
            int slash = imageFile.lastIndexOf('/');
            xml.leaf("filename", imageFile.substring(slash + 1));
            xml.leaf("folder", slash < 0 ? "" : imageFile.substring(0, slash));
            xml.open("source");
            xml.leaf("sourceImage", "");
            xml.leaf("sourceAnnotation", "labelbridge");
            xml.end();
            if (size != null) {
                xml.open("imagesize");
                xml.leaf("nrows", Integer.toString(size[0]));
                xml.leaf("ncols", Integer.toString(size[1]));
                xml.end();
            }
            for (int i = 0; i < objects.size(); i++) {
                writeObject(xml, item, i, objects.get(i), groups.get(objects.get(i).info().group()));
            }
            xml.end();
            if (xml.cleaned()) {
                problems.item(id, "characters XML cannot hold (control characters) were left out");
            }
        }
    }

    /** Object positions per group; a lone member cannot be linked and is reported. */
    private Map<Integer, List<Integer>> groups(String itemId, List<Annotation> objects) {
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < objects.size(); i++) {
            int group = objects.get(i).info().group();
            if (group != 0) {
                groups.computeIfAbsent(group, g -> new ArrayList<>()).add(i);
            }
        }
        groups.forEach((group, members) -> {
            if (members.size() == 1) {
                problems.changed(itemId, objects.get(members.get(0)).kind(), "group " + group + " has no other member:"
                        + " LabelMe links parts to an object, so it reads back ungrouped");
            }
        });
        return groups;
    }

    /** @param group the object positions of its group (the first one holds the others as parts), or null */
    private void writeObject(XmlOut xml, Item item, int objectId, Annotation a, List<Integer> group)
            throws IOException {
        String itemId = item.id();
        if (a.label() != null) {
            usedLabels.set(a.label());
        }
        Map<String, Object> attributes = a.attributes();
        xml.open("object");
        xml.leaf("name", a.label() == null ? "" : categories.nameOf(a.label()));
        xml.leaf("deleted", "0");
        xml.leaf("verified", "0");
        xml.leaf("occluded", occluded(itemId, a) ? "yes" : "no");
        xml.leaf("date", "");
        xml.leaf("id", Integer.toString(objectId));
        xml.open("parts");
        boolean leader = group != null && group.size() > 1 && group.get(0) == objectId;
        boolean part = group != null && group.size() > 1 && group.get(0) != objectId;
        xml.leaf("hasparts", leader ? String.join(",", group.subList(1, group.size()).stream().map(String::valueOf).toList()) : "");
        xml.leaf("ispartof", part ? Integer.toString(group.get(0)) : "");
        xml.end();
        String username = username(itemId, a);
        if (a instanceof Mask m) {
            xml.open("segm");
            xml.leaf("mask", maskFile(itemId, objectId));
            double[] box = m.rle().bbox();
            xml.open("box");
            xml.leaf("xmin", NumberText.of(box[0]));
            xml.leaf("ymin", NumberText.of(box[1]));
            xml.leaf("xmax", NumberText.of(box[0] + box[2]));
            xml.leaf("ymax", NumberText.of(box[1] + box[3]));
            xml.end();
            xml.leaf("username", username);
            xml.end();
        } else {
            double[] points;
            if (a instanceof Bbox b) {
                if (b.rotation() != 0) {
                    problems.changed(itemId, b.kind(), "rotation " + NumberText.of(b.rotation())
                            + " degrees dropped: LabelMe boxes are axis-aligned");
                }
                xml.leaf("type", LabelMeLayout.BOUNDING_BOX);
                points = new double[] {b.x(), b.y(), b.x2(), b.y(), b.x2(), b.y2(), b.x(), b.y2()};
            } else {
                points = ((Polygon) a).points();
            }
            xml.open("polygon");
            for (int i = 0; i < points.length; i += 2) {
                xml.open("pt");
                xml.leaf("x", NumberText.of(points[i]));
                xml.leaf("y", NumberText.of(points[i + 1]));
                xml.end();
            }
            xml.leaf("username", username);
            xml.end();
        }
        xml.leaf("attributes", attributeText(itemId, a));
        xml.end();
    }

    private boolean occluded(String itemId, Annotation a) {
        Object value = a.attributes().get(LabelMeLayout.OCCLUDED);
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        boolean on = value instanceof Number n ? n.doubleValue() != 0
                : String.valueOf(value).equalsIgnoreCase("true") || String.valueOf(value).equalsIgnoreCase("yes");
        problems.changed(itemId, a.kind(), "occluded = '" + value + "' written as <occluded>" + (on ? "yes" : "no")
                + "</occluded>, read back as " + on);
        return on;
    }

    private String username(String itemId, Annotation a) {
        Object value = a.attributes().get(LabelMeLayout.USERNAME);
        if (value != null && !(value instanceof String)) {
            problems.changed(itemId, a.kind(), "username " + value + " (" + value.getClass().getSimpleName()
                    + ") is written as text, as <username> holds it");
        }
        return value == null ? "" : String.valueOf(value);
    }

    /** The {@code <attributes>} text; what would not read back the same is reported. */
    private String attributeText(String itemId, Annotation a) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> attribute : a.attributes().entrySet()) {
            String name = attribute.getKey();
            Object value = attribute.getValue();
            if (name.equals(LabelMeLayout.OCCLUDED) || name.equals(LabelMeLayout.USERNAME)) {
                continue;
            }
            String text = LabelMeAttributes.encode(name, value);
            Map<String, Object> back = LabelMeAttributes.parse(text);
            if (!(value instanceof String || value instanceof Boolean || value instanceof Number)
                    && textAttributes.add(name)) {
                problems.dataset("attribute '" + name + "' (" + (value instanceof List ? "list" : value.getClass()
                        .getSimpleName()) + ") is written as text:"
                        + " LabelMe attributes are flags, numbers or text");
            } else if (!back.containsKey(name) || !Objects.equals(back.get(name), LabelMeAttributes.normalise(value))) {
                problems.changed(itemId, a.kind(), "attribute '" + name + "' = '" + value + "' reads back as " + back);
            }
            parts.add(text);
        }
        return String.join(", ", parts);
    }

    /** {@code <id>_mask_<object id>.png}, Datumaro's name, in the subset's {@code Masks/}. */
    private static String maskFile(String itemId, int objectId) {
        return itemId + LabelMeLayout.MASK_SUFFIX + objectId + LabelMeLayout.PNG;
    }

    private void writeMask(String path, Rle rle) throws IOException {
        byte[] bits = rle.toBitmap();
        IndexImage image = new IndexImage(rle.height(), rle.width());
        for (int y = 0, p = 0; y < rle.height(); y++) {
            for (int x = 0; x < rle.width(); x++, p++) {
                image.set(x, y, bits[p]);
            }
        }
        output.entry(path, out -> PngEncoder.writeIndexed(image, MASK_PALETTE, out));
    }

    /** The subset's folder: its name, with path separators replaced (reported once). */
    private String subsetDir(String subset) {
        return subsetDirs.computeIfAbsent(subset, s -> {
            String name = s.replaceAll("[/\\\\]", "_");
            if (!name.equals(s)) {
                problems.dataset("subset '" + s + "' written as '" + name + "/': a subset is one folder");
            }
            return name + "/";
        });
    }

    @Override
    public void finish() {
        List<String> unused = new ArrayList<>();
        for (int i = 0; i < categories.labels().size(); i++) {
            if (!usedLabels.get(i)) {
                unused.add(categories.nameOf(i));
            }
        }
        if (!unused.isEmpty()) {
            problems.dataset("labels no annotation uses are not kept: LabelMe names labels only on objects: "
                    + String.join(", ", unused));
        }
    }
}
