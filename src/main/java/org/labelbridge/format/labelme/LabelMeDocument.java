package org.labelbridge.format.labelme;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.ImageHeaders;
import org.labelbridge.format.common.SafeXml;
import org.labelbridge.format.common.pixels.MaskImage;
import org.labelbridge.format.common.pixels.MaskImages;
import org.labelbridge.format.common.pixels.MaskSplitter;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Rle;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads one LabelMe XML into its item (see the package description for the rules). */
final class LabelMeDocument {

    /** An object read, before its group is known. */
    private record Read(long id, Annotation annotation) {
    }

    private final DatasetSource source;
    private final LabelMeIndex.Document document;
    private final Map<String, Integer> labels;
    private final Problems problems;
    private final String file;
    /** Height and width of the image, once known. */
    private int[] size;
    private String sizeFrom;

    private LabelMeDocument(DatasetSource source, LabelMeIndex.Document document, Map<String, Integer> labels,
                            Problems problems) {
        this.source = source;
        this.document = document;
        this.labels = labels;
        this.problems = problems;
        this.file = source.describe(document.path());
    }

    /** @param labels label index by name */
    static Item read(DatasetSource source, LabelMeIndex.Document document, Map<String, Integer> labels,
                     Problems problems) throws IOException {
        return new LabelMeDocument(source, document, labels, problems).read();
    }

    private Item read() throws IOException {
        Document xml;
        try (InputStream in = source.open(document.path())) {
            xml = SafeXml.document(in, file);
        }
        Element root = xml.getDocumentElement();
        readSize(child(root, "imagesize"));
        List<Read> objects = new ArrayList<>();
        PartGroups groups = new PartGroups();
        Set<Long> ids = new HashSet<>();
        int position = 0;
        for (Element object : children(root, "object")) {
            String where = "object " + (position + 1);
            long id = objectId(object, position, where);
            if (!ids.add(id)) {
                throw FormatException.at(file, where, "<id>" + id + "</id> is already the id of an earlier object");
            }
            Annotation annotation = null;
            if (!deleted(object, where)) {
                annotation = readObject(object, id, where);
            } else if (kind(object) != null) {
                problems.dropped(document.id(), kind(object), file + ", " + where + " (id " + id
                        + ") is marked <deleted>: not read");
            }
            objects.add(new Read(id, annotation));
            Element parts = child(object, "parts");
            if (parts != null) {
                groups.add(id, idList(child(parts, "hasparts"), where), idList(child(parts, "ispartof"), where));
            }
            position++;
        }
        for (long unknown : groups.unknownParts(ids)) {
            problems.item(document.id(), file + ": part id " + unknown + " in <hasparts> is no object of the file");
        }
        Map<Long, Integer> groupOf = groups.assign();
        List<Annotation> annotations = new ArrayList<>();
        for (Read object : objects) {
            if (object.annotation() != null) {
                Annotation a = object.annotation();
                annotations.add(a.withInfo(a.info().withGroup(groupOf.getOrDefault(object.id(), 0))));
            }
        }
        Media media = new Media(document.imagePath(), size == null ? null : size[1], size == null ? null : size[0]);
        return new Item(document.id(), document.subset(), media, annotations);
    }

    private void readSize(Element imagesize) throws IOException {
        if (imagesize != null) {
            Integer rows = dimension(imagesize, "nrows");
            Integer cols = dimension(imagesize, "ncols");
            if (rows != null && cols != null) {
                size = new int[] {rows, cols};
                sizeFrom = "<imagesize>";
                return;
            }
        }
        if (document.imagePath() != null && source.exists(document.imagePath())) {
            Optional<ImageHeaders.Size> header = ImageHeaders.read(source, document.imagePath());
            if (header.isPresent()) {
                size = new int[] {header.get().height(), header.get().width()};
                sizeFrom = "the image " + document.imagePath();
            }
        }
    }

    private Integer dimension(Element imagesize, String name) throws FormatException {
        String text = text(child(imagesize, name));
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw FormatException.at(file, "<imagesize><" + name + ">", "expected a whole number of pixels, got '" + text + "'");
    }

    /** {@code <id>}, or the object's position when the file gives none. */
    private long objectId(Element object, int position, String where) throws FormatException {
        String text = text(child(object, "id"));
        if (text == null || text.isEmpty()) {
            return position;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw FormatException.at(file, where, "<id> must be a whole number, got '" + text + "'");
        }
    }

    private boolean deleted(Element object, String where) throws FormatException {
        String text = text(child(object, "deleted"));
        if (text == null || text.isEmpty()) {
            return false;
        }
        try {
            return Long.parseLong(text) != 0;
        } catch (NumberFormatException e) {
            throw FormatException.at(file, where, "<deleted> must be 0 or 1, got '" + text + "'");
        }
    }

    /** What the object is, or {@code null} when it has no shape. */
    private static AnnotationKind kind(Element object) {
        if (child(object, "polygon") != null) {
            return LabelMeLayout.BOUNDING_BOX.equals(text(child(object, "type"))) ? AnnotationKind.BBOX
                    : AnnotationKind.POLYGON;
        }
        return child(object, "segm") != null ? AnnotationKind.MASK : null;
    }

    private Annotation readObject(Element object, long id, String where) throws IOException {
        Element polygon = child(object, "polygon");
        Element segm = child(object, "segm");
        if (polygon == null && segm == null) {
            problems.item(document.id(), file + ", " + where + " (id " + id + ") has neither <polygon> nor <segm>:"
                    + " nothing to read");
            return null;
        }
        Element nameElement = child(object, "name");
        String name = nameElement == null ? "" : ownText(nameElement);
        Integer label = name.isEmpty() ? null : labels.get(name);
        Map<String, Object> attributes = new LinkedHashMap<>();
        Element attributesElement = child(object, "attributes");
        if (attributesElement != null) {
            attributes.putAll(LabelMeAttributes.parse(ownText(attributesElement)));
        }
        for (String reserved : List.of(LabelMeLayout.OCCLUDED, LabelMeLayout.USERNAME)) {
            if (attributes.containsKey(reserved)) {
                problems.item(document.id(), file + ", " + where + ": '" + reserved + "' in <attributes> is replaced by"
                        + " the object's own " + reserved);
            }
        }
        attributes.put(LabelMeLayout.OCCLUDED, "yes".equals(text(child(object, "occluded"))));
        Element shape = polygon != null ? polygon : segm;
        Element user = child(shape, "username");
        attributes.put(LabelMeLayout.USERNAME, user == null ? "" : ownText(user));
        AnnotationInfo info = new AnnotationInfo(label, id, 0, 0, attributes, null);
        if (polygon != null) {
            double[] points = points(polygon, where);
            if (LabelMeLayout.BOUNDING_BOX.equals(text(child(object, "type")))) {
                return box(info, points);
            }
            return new Polygon(info, points);
        }
        return new Mask(info, mask(segm, where));
    }

    private static Bbox box(AnnotationInfo info, double[] points) {
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < points.length; i += 2) {
            x0 = Math.min(x0, points[i]);
            x1 = Math.max(x1, points[i]);
            y0 = Math.min(y0, points[i + 1]);
            y1 = Math.max(y1, points[i + 1]);
        }
        return Bbox.fromCorners(info, x0, y0, x1, y1);
    }

    private double[] points(Element polygon, String where) throws FormatException {
        List<Element> pts = children(polygon, "pt");
        if (pts.isEmpty()) {
            throw FormatException.at(file, where, "expected <pt> points in <polygon>");
        }
        double[] points = new double[pts.size() * 2];
        for (int i = 0; i < pts.size(); i++) {
            points[2 * i] = coordinate(pts.get(i), "x", where + ", point " + (i + 1));
            points[2 * i + 1] = coordinate(pts.get(i), "y", where + ", point " + (i + 1));
        }
        return points;
    }

    private double coordinate(Element pt, String name, String where) throws FormatException {
        String text = text(child(pt, name));
        if (text == null || text.isEmpty()) {
            throw FormatException.at(file, where, "expected <pt><" + name + "> with a number");
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw FormatException.at(file, where, "<pt><" + name + "> must be a number, got '" + text + "'");
    }

    /** The mask file {@code <segm><mask>} names in the subset's {@code Masks/}: set where not black. */
    private Rle mask(Element segm, String where) throws IOException {
        String name = text(child(segm, "mask"));
        if (name == null || name.isEmpty()) {
            throw FormatException.at(file, where, "expected <segm><mask> with a mask file name");
        }
        String path = LabelMeLayout.subsetDir(document.path()) + LabelMeLayout.MASKS + name;
        if (!source.exists(path)) {
            throw FormatException.at(file, where, "the mask file " + source.describe(path) + " is missing");
        }
        MaskImage image;
        try (InputStream in = source.open(path)) {
            image = MaskImages.read(in, source.describe(path));
        }
        if (size == null) {
            size = new int[] {image.height(), image.width()};
            sizeFrom = "the first mask";
        } else if (size[0] != image.height() || size[1] != image.width()) {
            throw FormatException.at(source.describe(path), null, "mask is " + image.width() + "x" + image.height()
                    + " but the image is " + size[1] + "x" + size[0] + " (from " + sizeFrom + " of " + file + ")");
        }
        return MaskSplitter.mask(image.runs(), sample -> image.kind() == MaskImage.Kind.INDEXED
                ? sample < image.palette().size() && image.colourOf(sample) != 0 : sample != 0);
    }

    private List<Long> idList(Element element, String where) throws FormatException {
        List<Long> ids = new ArrayList<>();
        String text = element == null ? null : ownText(element).strip();
        if (text == null || text.isEmpty()) {
            return ids;
        }
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                ids.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                throw FormatException.at(file, where + ", <" + element.getTagName() + ">",
                        "expected comma-separated object ids, got '" + text + "'");
            }
        }
        return ids;
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    /** The element's own text (not its children's), as the first pass reads names. */
    private static String ownText(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(node.getNodeValue());
            }
        }
        return text.toString();
    }

    private static String text(Element element) {
        return element == null ? null : ownText(element).strip();
    }
}
