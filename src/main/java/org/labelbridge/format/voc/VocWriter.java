package org.labelbridge.format.voc;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.FlatFolderIds;
import org.labelbridge.format.common.LabelFileNames;
import org.labelbridge.format.common.NumberText;
import org.labelbridge.format.common.XmlOut;
import org.labelbridge.format.common.pixels.MaskImage;
import org.labelbridge.format.common.pixels.MasksReadBack;
import org.labelbridge.format.common.pixels.VocLabelMap;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.AttributeType;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Tag;

/**
 * Writes a VOC dataset as CVAT exports it: one XML per item and, for items with masks or
 * polygons, its SegmentationClass and SegmentationObject PNGs; the ImageSets lists (spooled per
 * subset as items stream), class lists and {@code labelmap.txt} at the end, when it is known
 * which labels served as parts.
 */
final class VocWriter implements DatasetWriter {

    /** Names an XML element can have, so an action can be {@code <actions><name>1</name>}. */
    private static final Pattern XML_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private final DatasetOutput output;
    private final Problems problems;
    private Categories categories;
    private VocLabelColours colours;
    private VocMaskWriter masks;
    /** Per label index: its actions (checkbox attributes that can be VOC actions). */
    private final List<List<String>> actionsOf = new ArrayList<>();
    private final BitSet usedAsObject = new BitSet();
    private final Map<Integer, TreeSet<String>> partsOf = new HashMap<>();
    private final Set<Integer> usedAsPart = new HashSet<>();
    /** Subset to (item id to present labels), for the class lists written at the end. */
    private final Map<String, Map<String, BitSet>> tags = new LinkedHashMap<>();
    private final Map<String, Writer> lists = new LinkedHashMap<>();
    private final FlatFolderIds ids;
    private LabelFileNames labelFiles;
    private final Set<String> textAttributes = new HashSet<>();

    VocWriter(DatasetOutput output, Problems problems) {
        this.output = output;
        this.problems = problems;
        this.ids = new FlatFolderIds(problems, "VOC");
    }

    @Override
    public void begin(Categories categories) throws IOException {
        this.categories = categories;
        this.colours = new VocLabelColours(categories, problems);
        this.masks = new VocMaskWriter(output, problems, categories, colours);
        this.labelFiles = new LabelFileNames(categories, problems, "labelmap.txt and the XML keep the real name;"
                + " CVAT and Datumaro look for ImageSets/Main/<label>_<subset>.txt by the real name and will not read"
                + " its image-level labels");
        for (Label label : categories.labels()) {
            if (label.name().indexOf(':') >= 0 || label.name().indexOf('\n') >= 0 || label.name().indexOf('\r') >= 0) {
                throw new FormatException("label '" + label.name() + "' cannot be written to labelmap.txt: "
                        + "':' and line breaks separate its fields");
            }
            List<String> actions = new ArrayList<>();
            for (AttributeDef attribute : label.attributes()) {
                if (isAction(attribute)) {
                    actions.add(attribute.name());
                } else {
                    problems.dataset("label '" + label.name() + "': attribute '" + attribute.name() + "' ("
                            + attribute.type().id() + ") is not declared in labelmap.txt, which holds only 0/1 "
                            + "actions; its values are written as custom attributes, as text");
                }
            }
            actionsOf.add(actions);
        }
    }

    private static boolean isAction(AttributeDef attribute) {
        String name = attribute.name();
        return attribute.type() == AttributeType.CHECKBOX && XML_NAME.matcher(name).matches()
                && !VocLayout.FLAGS.contains(name) && !name.equals(VocLayout.POSE) && !name.equals(VocLayout.POINT);
    }

    @Override
    public void write(Item item) throws IOException {
        item = ids.place(item);
        if (item == null) {
            return;
        }
        String id = item.id();
        List<Bbox> boxes = new ArrayList<>();
        List<Annotation> shapes = new ArrayList<>();
        BitSet present = new BitSet();
        for (Annotation annotation : item.annotations()) {
            if (annotation.label() == null) {
                problems.dropped(id, annotation.kind(), "VOC objects, class lists and mask pixels need a label");
            } else if (annotation instanceof Bbox box) {
                boxes.add(box);
                if (box.info().zOrder() != 0) {
                    problems.changed(id, box.kind(), "z-order " + box.info().zOrder() + " not kept: VOC boxes have none");
                }
            } else if (annotation instanceof Mask || annotation instanceof Polygon) {
                shapes.add(annotation);
            } else if (annotation instanceof Tag tag) {
                if (present.get(tag.label())) {
                    problems.dropped(id, tag.kind(), "image label repeated: VOC class lists say once whether a label"
                            + " is present");
                    continue;
                }
                present.set(tag.label());
                usedAsObject.set(tag.label());
                if (!tag.attributes().isEmpty()) {
                    problems.changed(id, tag.kind(), "attributes dropped: VOC class lists hold presence only");
                }
            } else {
                problems.dropped(id, annotation.kind(), "VOC holds boxes, masks, polygons (as masks) and image labels only");
            }
        }
        List<VocObject> objects = VocObject.of(boxes);
        String filename = id + (item.media().extension().isEmpty()
                ? VocLayout.DEFAULT_IMAGE_EXT : item.media().extension());
        VocMaskWriter.Painted painted = masks.write(item, shapes, objects);
        boolean segmented = painted.segmented();
        if (segmented) {
            MasksReadBack.report(problems, id, painted.masks(), Map.of(AnnotationKind.BBOX, boxes.size(),
                    AnnotationKind.TAG, present.cardinality()), "masks and polygons painted into the"
                    + " SegmentationClass and SegmentationObject PNGs, read back as one mask per instance");
        }
        writeXml(item, filename, objects, segmented);
        if (item.media().hasPath()) {
            output.copyMedia(item.media(), VocLayout.IMAGES + filename);
        }
        addToLists(item, objects, present);
        if (segmented) {
            line(listPath(VocLayout.SEGMENTATION, item.subset()), id);
        }
    }

    private void writeXml(Item item, String filename, List<VocObject> objects, boolean segmented) throws IOException {
        try (OutputStream stream = output.entry(VocLayout.ANNOTATIONS + item.id() + ".xml");
             XmlOut xml = new XmlOut(stream)) {
            xml.open("annotation");
            xml.leaf("folder", "");
            xml.leaf("filename", filename);
            xml.open("source");
            xml.leaf("database", "Unknown");
            xml.leaf("annotation", "Unknown");
            xml.leaf("image", "Unknown");
            xml.end();
            if (item.media().hasSize()) {
                xml.open("size");
                xml.leaf("width", Integer.toString(item.media().width()));
                xml.leaf("height", Integer.toString(item.media().height()));
                xml.leaf("depth", ""); // not known without decoding the image
                xml.end();
            }
            xml.leaf("segmented", segmented ? "1" : "0");
            for (VocObject object : objects) {
                writeObject(xml, item.id(), object);
            }
            xml.end();
            if (xml.cleaned()) {
                problems.item(item.id(), "characters XML cannot hold (control characters) were left out");
            }
        }
    }

    private void writeObject(XmlOut xml, String itemId, VocObject object) throws IOException {
        Bbox box = object.box();
        int label = box.label();
        usedAsObject.set(label);
        Map<String, Object> attributes = box.attributes();
        xml.open("object");
        xml.leaf("name", categories.nameOf(label));
        if (attributes.containsKey(VocLayout.POSE)) {
            xml.leaf("pose", String.valueOf(attributes.get(VocLayout.POSE)));
        }
        xml.leaf("truncated", flag(itemId, "truncated", attributes.get("truncated"), "0"));
        xml.leaf("occluded", flag(itemId, "occluded", attributes.get("occluded"), "0"));
        xml.leaf("difficult", flag(itemId, "difficult", attributes.get("difficult"), "0"));
        List<Double> point = point(attributes.get(VocLayout.POINT));
        if (point != null) {
            xml.open("point");
            xml.leaf("x", number(point.get(0)));
            xml.leaf("y", number(point.get(1)));
            xml.end();
        }
        writeBndbox(xml, itemId, box);
        for (Bbox part : object.parts()) {
            xml.open("part");
            xml.leaf("name", categories.nameOf(part.label()));
            writeBndbox(xml, itemId, part);
            xml.end();
            usedAsPart.add(part.label());
            partsOf.computeIfAbsent(label, l -> new TreeSet<>()).add(categories.nameOf(part.label()));
            if (!part.attributes().isEmpty()) {
                problems.changed(itemId, part.kind(), "'" + categories.nameOf(part.label()) + "' is written as a part of "
                        + "object " + object.index() + " (same group); VOC parts have no attributes, dropped: "
                        + String.join(", ", part.attributes().keySet()));
            }
        }
        List<String> actions = actionsOf.get(label);
        List<String[]> actionValues = new ArrayList<>();
        for (String action : actions) {
            if (attributes.containsKey(action)) {
                String value = flag(itemId, action, attributes.get(action), null);
                if (value != null) {
                    actionValues.add(new String[] {action, value});
                }
            }
        }
        if (!actionValues.isEmpty()) {
            xml.open("actions");
            for (String[] action : actionValues) {
                xml.leaf(action[0], action[1]);
            }
            xml.end();
        }
        writeCustomAttributes(xml, itemId, attributes, actions, point != null);
        xml.end();
    }

    private void writeCustomAttributes(XmlOut xml, String itemId, Map<String, Object> attributes,
                                       List<String> actions, boolean pointWritten) throws IOException {
        boolean open = false;
        for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
            String name = attribute.getKey();
            if (VocLayout.FLAGS.contains(name) || name.equals(VocLayout.POSE) || actions.contains(name)
                    || (pointWritten && name.equals(VocLayout.POINT))) {
                continue;
            }
            Object value = attribute.getValue();
            if (!(value instanceof String || value instanceof Boolean) && textAttributes.add(name)) {
                problems.dataset("attribute '" + name + "' (" + value.getClass().getSimpleName() + ") is written "
                        + "as text: VOC custom attributes are untyped and read back as String");
            }
            if (!open) {
                xml.open("attributes");
                open = true;
            }
            xml.open("attribute");
            xml.leaf("name", name);
            xml.leaf("value", value instanceof Double d ? number(d) : String.valueOf(value));
            xml.end();
        }
        if (open) {
            xml.end();
        }
    }

    /** A 0/1 flag; a value that is no flag is reported and gives {@code fallback}. */
    private String flag(String itemId, String name, Object value, String fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        String text = String.valueOf(value);
        if (value instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
            return n.doubleValue() == 1 ? "1" : "0";
        }
        if (text.equals("1") || text.equalsIgnoreCase("true")) {
            return "1";
        }
        if (text.equals("0") || text.equalsIgnoreCase("false")) {
            return "0";
        }
        problems.changed(itemId, AnnotationKind.BBOX, "attribute '" + name + "' = '" + text
                + "' is not a 0/1 flag, which VOC needs; " + (fallback == null ? "left out" : "written as " + fallback));
        return fallback;
    }

    /** Whether a flag is set; values that are no flag were reported when the XML was written. */
    private static boolean isOn(Object value) {
        return Boolean.TRUE.equals(value) || (value instanceof Number n && n.doubleValue() == 1)
                || (value instanceof String s && (s.equals("1") || s.equalsIgnoreCase("true")));
    }

    private static List<Double> point(Object value) {
        if (value instanceof List<?> list && list.size() == 2
                && list.get(0) instanceof Number x && list.get(1) instanceof Number y) {
            return List.of(x.doubleValue(), y.doubleValue());
        }
        return null;
    }

    private void writeBndbox(XmlOut xml, String itemId, Bbox box) throws IOException {
        if (box.rotation() != 0) {
            problems.changed(itemId, box.kind(), "rotation " + number(box.rotation())
                    + " degrees dropped: VOC boxes are axis-aligned");
        }
        xml.open("bndbox");
        xml.leaf("xmin", number(box.x()));
        xml.leaf("ymin", number(box.y()));
        xml.leaf("xmax", number(box.x2()));
        xml.leaf("ymax", number(box.y2()));
        xml.end();
    }

    /** Whole numbers without a fraction (what tools expect), others exact and never in exponent form. */
    static String number(double value) {
        return NumberText.of(value);
    }

    private void addToLists(Item item, List<VocObject> objects, BitSet present) throws IOException {
        String id = item.id();
        String subset = item.subset();
        if (subset.indexOf('_') >= 0 && !lists.containsKey(listPath(VocLayout.MAIN, subset))) {
            problems.dataset("subset '" + subset + "' has '_' in its name; CVAT and Datumaro take "
                    + "ImageSets/Main/" + subset + ".txt for a class list and will not see this subset");
        }
        line(listPath(VocLayout.MAIN, subset), id);
        if (!present.isEmpty()) {
            tags.computeIfAbsent(subset, s -> new LinkedHashMap<>()).merge(id, present, (a, b) -> {
                a.or(b);
                return a;
            });
        }
        String quoted = id.chars().anyMatch(Character::isWhitespace) ? "\"" + id + "\"" : id;
        boolean anyActions = false;
        for (VocObject object : objects) {
            if (!object.parts().isEmpty()) {
                line(listPath(VocLayout.LAYOUT, subset), quoted + "  " + object.index());
            }
            List<String> actions = actionsOf.get(object.box().label());
            anyActions |= !actions.isEmpty();
            for (String action : actions) {
                boolean on = isOn(object.box().attributes().get(action));
                line(listPath(VocLayout.ACTION, action + "_" + subset), id + " " + object.index() + (on ? "  1" : " -1"));
            }
        }
        if (anyActions) {
            line(listPath(VocLayout.ACTION, subset), id);
        }
    }

    private static String listPath(String dir, String name) {
        return VocLayout.IMAGE_SETS + dir + "/" + name + ".txt";
    }

    private void line(String path, String text) throws IOException {
        Writer writer = lists.get(path);
        if (writer == null) {
            writer = new OutputStreamWriter(output.deferred(path), StandardCharsets.UTF_8);
            lists.put(path, writer);
        }
        writer.write(text);
        writer.write('\n');
    }

    @Override
    public void finish() throws IOException {
        for (Writer writer : lists.values()) {
            writer.close();
        }
        List<VocLabelMap.Entry> labelMap = labelMap();
        Set<String> lines = new HashSet<>();
        labelMap.forEach(e -> lines.add(e.name()));
        for (Map.Entry<String, Map<String, BitSet>> subset : tags.entrySet()) {
            for (int label = 0; label < categories.labels().size(); label++) {
                String name = categories.nameOf(label);
                if (!lines.contains(name)) {
                    continue;
                }
                try (Writer writer = new OutputStreamWriter(output.entry(
                        listPath(VocLayout.MAIN, labelFiles.of(label) + "_" + subset.getKey())), StandardCharsets.UTF_8)) {
                    for (Map.Entry<String, BitSet> item : subset.getValue().entrySet()) {
                        writer.write(item.getKey() + (item.getValue().get(label) ? "  1" : " -1") + "\n");
                    }
                }
            }
        }
        try (OutputStream out = output.entry(VocLayout.LABELMAP)) {
            VocLabelMap.write(labelMap, out);
        }
    }

    /**
     * One line per label, except labels that only ever served as parts (they are listed in
     * their objects' parts). Person's default parts stay parts when nothing used them as
     * objects. Painted labels are lines, for their colours; so is the background when no label
     * gave the colour of unpainted pixels.
     */
    private List<VocLabelMap.Entry> labelMap() throws IOException {
        for (int i = 0; i < categories.labels().size(); i++) {
            if (colours.painted(i)) {
                usedAsObject.set(i);
            }
        }
        int person = categories.indexOf(VocLayout.PERSON);
        if (person >= 0) {
            for (String part : VocLayout.DEFAULT_PARTS) {
                int index = categories.indexOf(part);
                if (index >= 0 && !usedAsObject.get(index)) {
                    usedAsPart.add(index);
                    partsOf.computeIfAbsent(person, l -> new TreeSet<>()).add(part);
                }
            }
        }
        List<VocLabelMap.Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < categories.labels().size(); i++) {
            Label label = categories.label(i);
            if (usedAsPart.contains(i) && !usedAsObject.get(i)) {
                if (categories.colors().containsKey(i)) {
                    problems.dataset("colour of part label '" + label.name() + "' dropped: labelmap.txt lists parts "
                            + "by name only");
                }
                continue;
            }
            if (!names.add(label.name())) {
                problems.dataset("label '" + label.name() + "' (parent '" + label.parent() + "') left out of "
                        + "labelmap.txt: VOC labels have no parents and the name is taken");
                continue;
            }
            List<String> parts = new ArrayList<>(partsOf.getOrDefault(i, new TreeSet<>()));
            for (String part : parts) {
                if (part.indexOf(',') >= 0) {
                    throw new FormatException("part label '" + part + "' cannot be written to labelmap.txt: "
                            + "',' separates parts");
                }
            }
            if (label.hasParent()) {
                problems.dataset("label '" + label.name() + "': parent '" + label.parent() + "' dropped, VOC labels "
                        + "have no hierarchy");
            }
            entries.add(new VocLabelMap.Entry(label.name(), colours.colour(i), parts, actionsOf.get(i)));
        }
        if (colours.needsBackgroundLine()) {
            Set<String> allNames = new HashSet<>();
            categories.labels().forEach(l -> allNames.add(l.name()));
            String name = VocLayout.BACKGROUND;
            while (allNames.contains(name)) {
                name = "_" + name;
            }
            entries.add(VocLabelMap.Entry.of(name, colours.background()));
            problems.dataset("labelmap.txt gains the label '" + name + "' " + MaskImage.describe(MaskImage.pack(
                    colours.background())) + ": the class of SegmentationClass pixels no shape covers");
        }
        return entries;
    }
}
