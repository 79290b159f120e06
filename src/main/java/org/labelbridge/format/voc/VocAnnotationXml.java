package org.labelbridge.format.voc;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.SafeXml;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads one {@code Annotations/<id>.xml}: the image it names, its size, its objects and parts. */
final class VocAnnotationXml {

    /**
     * @param filename the {@code <filename>}, or {@code null}
     * @param width    {@code null} when the file gives no usable size
     */
    record Parsed(String filename, Integer width, Integer height, List<Annotation> annotations) {
    }

    private final String file;
    private final String itemId;
    private final Categories categories;
    private final Map<String, Integer> labels;
    private final Problems problems;

    private VocAnnotationXml(String file, String itemId, Categories categories, Map<String, Integer> labels,
                             Problems problems) {
        this.file = file;
        this.itemId = itemId;
        this.categories = categories;
        this.labels = labels;
        this.problems = problems;
    }

    /** @param labels label index by name, for {@code categories} */
    static Parsed read(DatasetSource source, String path, String itemId, Categories categories,
                       Map<String, Integer> labels, Problems problems) throws IOException {
        String file = source.describe(path);
        Document document;
        try (InputStream in = source.open(path)) {
            document = SafeXml.document(in, file);
        }
        return new VocAnnotationXml(file, itemId, categories, labels, problems).parse(document.getDocumentElement());
    }

    private Parsed parse(Element root) throws FormatException {
        if (!root.getTagName().equals("annotation")) {
            throw FormatException.at(file, null, "expected root element <annotation>, got <" + root.getTagName() + ">");
        }
        String filename = text(child(root, "filename"));
        Element size = child(root, "size");
        Integer width = size == null ? null : dimension(size, "width");
        Integer height = size == null ? null : dimension(size, "height");
        if (width == null || height == null) {
            width = null;
            height = null;
        }
        List<Annotation> annotations = new ArrayList<>();
        int index = 0;
        for (Element object : children(root, "object")) {
            index++;
            readObject(object, index, annotations);
        }
        return new Parsed(filename == null || filename.isEmpty() ? null : filename, width, height, annotations);
    }

    private void readObject(Element object, int index, List<Annotation> out) throws FormatException {
        String where = "object " + index;
        String name = requiredName(object, where);
        Bbox box = box(object, where);
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (String flag : VocLayout.FLAGS) {
            attributes.put(flag, flag(child(object, flag), where));
        }
        Element pose = child(object, VocLayout.POSE);
        if (pose != null) {
            attributes.put(VocLayout.POSE, text(pose));
        }
        Element point = child(object, VocLayout.POINT);
        if (point != null) {
            attributes.put(VocLayout.POINT, List.of(coordinate(point, "x", where + ", point"),
                    coordinate(point, "y", where + ", point")));
        }
        int label = labels.getOrDefault(name, -1);
        if (label >= 0) {
            for (AttributeDef action : categories.label(label).attributes()) {
                attributes.put(action.name(), false);
            }
        }
        Element actions = child(object, "actions");
        if (actions != null) {
            for (Element action : children(actions, null)) {
                attributes.put(action.getTagName(), flag(action, where + ", actions"));
            }
        }
        Element custom = child(object, "attributes");
        if (custom != null) {
            int n = 0;
            for (Element attribute : children(custom, "attribute")) {
                n++;
                String attributeName = text(child(attribute, "name"));
                if (attributeName == null || attributeName.isEmpty()) {
                    throw FormatException.at(file, where + ", attribute " + n, "expected <name>");
                }
                Element value = child(attribute, "value");
                attributes.put(attributeName, customValue(value == null ? null : value.getTextContent()));
            }
        }
        if (label < 0) {
            problems.dropped(itemId, AnnotationKind.BBOX, undeclared(name, where));
        } else {
            out.add(box.withInfo(new AnnotationInfo(label, index, index, 0, attributes, null)));
        }
        int partIndex = 0;
        for (Element part : children(object, "part")) {
            partIndex++;
            String partWhere = where + ", part " + partIndex;
            String partName = requiredName(part, partWhere);
            Bbox partBox = box(part, partWhere);
            int partLabel = labels.getOrDefault(partName, -1);
            if (partLabel < 0) {
                problems.dropped(itemId, AnnotationKind.BBOX, undeclared(partName, partWhere));
            } else {
                out.add(partBox.withInfo(new AnnotationInfo(partLabel, 0, index, 0, Map.of(), null)));
            }
        }
    }

    private String undeclared(String name, String where) {
        return file + ", " + where + ": label '" + name + "' is not declared in labelmap.txt";
    }

    private String requiredName(Element element, String where) throws FormatException {
        String name = text(child(element, "name"));
        if (name == null || name.isEmpty()) {
            throw FormatException.at(file, where, "expected a <name>");
        }
        return name;
    }

    private Bbox box(Element element, String where) throws FormatException {
        Element bndbox = child(element, "bndbox");
        if (bndbox == null) {
            throw FormatException.at(file, where, "expected a <bndbox>");
        }
        return Bbox.fromCorners(AnnotationInfo.EMPTY, coordinate(bndbox, "xmin", where), coordinate(bndbox, "ymin", where),
                coordinate(bndbox, "xmax", where), coordinate(bndbox, "ymax", where));
    }

    private double coordinate(Element parent, String name, String where) throws FormatException {
        String value = text(child(parent, name));
        if (value == null || value.isEmpty()) {
            throw FormatException.at(file, where, "expected <" + parent.getTagName() + "><" + name + "> with a number");
        }
        try {
            double number = Double.parseDouble(value);
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw FormatException.at(file, where, "<" + parent.getTagName() + "><" + name + "> must be a number, got '"
                + value + "'");
    }

    private Integer dimension(Element size, String name) throws FormatException {
        String value = text(child(size, name));
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            double number = Double.parseDouble(value);
            if (number == Math.rint(number) && number >= 0 && number <= Integer.MAX_VALUE) {
                return number == 0 ? null : (int) number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw FormatException.at(file, "size", "<" + name + "> must be a whole number of pixels, got '" + value + "'");
    }

    /** A VOC flag: 0 or 1 (true/false accepted too); absent is 0. */
    private boolean flag(Element element, String where) throws FormatException {
        if (element == null) {
            return false;
        }
        String value = text(element);
        if (value.equals("1") || value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equals("0") || value.equalsIgnoreCase("false")) {
            return false;
        }
        throw FormatException.at(file, where, "<" + element.getTagName() + "> must be 0 or 1, got '" + value + "'");
    }

    /** Custom attributes are text in VOC; CVAT's checkbox values true/false come back as Boolean. */
    private static Object customValue(String value) {
        if (value == null) {
            return "";
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        return value;
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    /** Child elements with the name, or all of them when {@code name} is null. */
    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && (name == null || element.getTagName().equals(name))) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element element) {
        return element == null ? null : element.getTextContent().strip();
    }
}
