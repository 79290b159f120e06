package org.labelbridge.format.cvat;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.NumberText;
import org.labelbridge.format.common.SafeXml;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Cuboid2d;
import org.labelbridge.model.Ellipse;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Polyline;
import org.labelbridge.model.Skeleton;
import org.labelbridge.model.Track;

/**
 * Writes CVAT for images 1.1 as CVAT exports a project: {@code annotations.xml} (a meta with
 * one task per subset, then one {@code <image>} per item, in order) and the images under
 * {@code images/<subset>/}. The {@code <image>} elements are spooled to a temporary file while
 * items stream, because the meta before them lists the subsets and the attributes the items
 * turn out to use; at the end the meta and the spooled images go into {@code annotations.xml}.
 */
final class CvatImagesWriter implements DatasetWriter {

    private static final String[] CUBOID_CORNERS = {
        "xtl1", "ytl1", "xbl1", "ybl1", "xtr1", "ytr1", "xbr1", "ybr1",
        "xtl2", "ytl2", "xbl2", "ybl2", "xtr2", "ytr2", "xbr2", "ybr2"};

    private final DatasetOutput output;
    private final Problems problems;
    private final Map<String, SubsetFrames> subsets = new LinkedHashMap<>();
    private Categories categories;
    private AttributeDeclarations declarations;
    private ImageSpool spool;
    private IndentingXml images;
    private boolean tracksReported;

    /** The image ids (frames) of one subset: CVAT numbers frames per task. */
    private static final class SubsetFrames {
        final int taskId;
        final Set<Long> used = new HashSet<>();
        long next;

        SubsetFrames(int taskId) {
            this.taskId = taskId;
        }
    }

    /** A coordinate CVAT cannot hold (NaN or infinite): the annotation is dropped. */
    private static final class NotFinite extends Exception {
        NotFinite() {
            super(null, null, false, false);
        }
    }

    CvatImagesWriter(DatasetOutput output, Problems problems) {
        this.output = output;
        this.problems = problems;
    }

    @Override
    public void begin(Categories categories) throws IOException {
        this.categories = categories;
        this.declarations = new AttributeDeclarations(categories);
        CvatMetaWriter.reportLostParents(categories, problems);
        spool = new ImageSpool();
        images = spool.xml();
    }

    @Override
    public void write(Item item) throws IOException {
        SubsetFrames frames = subsets.computeIfAbsent(item.subset(), s -> new SubsetFrames(subsets.size()));
        String extension = item.media().extension();
        String name = item.id() + (extension.isEmpty() ? ".jpg" : extension);
        images.start(CvatLayout.IMAGE);
        images.attribute("id", Long.toString(frame(item, frames)));
        images.attribute("name", name);
        images.attribute("subset", item.subset());
        images.attribute("task_id", Integer.toString(frames.taskId));
        Media media = item.media();
        if (!media.hasSize()) {
            media = sizeFromMasks(item);
        }
        if (media.hasSize()) {
            images.attribute("width", Integer.toString(media.width()));
            images.attribute("height", Integer.toString(media.height()));
        } else {
            problems.item(item.id(), "image size unknown: the <image> has no width and height");
        }
        for (Annotation annotation : item.annotations()) {
            annotation(item.id(), annotation);
        }
        images.end();
        if (output.keepsMedia() && item.media().hasPath()) {
            String target = CvatLayout.IMAGES_DIR + "/" + item.subset() + "/" + name;
            if (!output.copyMedia(item.media(), target)) {
                problems.item(item.id(), "image " + item.media().path() + " is not in the source; not copied");
            }
        }
    }

    /** A mask covers the whole image: without a known size, the first mask's is the image's. */
    private Media sizeFromMasks(Item item) {
        for (Annotation annotation : item.annotations()) {
            if (annotation instanceof Mask mask && mask.rle().width() > 0 && mask.rle().height() > 0) {
                problems.item(item.id(), "image size unknown: taken from its mask, "
                        + mask.rle().width() + "x" + mask.rle().height());
                return item.media().withSize(mask.rle().width(), mask.rle().height());
            }
        }
        return item.media();
    }

    /** The item's frame when it has one free in its subset, else the next free number. */
    private long frame(Item item, SubsetFrames frames) {
        Long frame = item.frame();
        if (frame != null && frame >= 0 && frames.used.add(frame)) {
            return frame;
        }
        while (!frames.used.add(frames.next)) {
            frames.next++;
        }
        if (frame != null) {
            problems.item(item.id(), "frame " + frame + " is taken in subset '" + item.subset()
                    + "'; the <image> id is " + frames.next);
        }
        return frames.next;
    }

    private void annotation(String itemId, Annotation annotation) throws IOException {
        AnnotationKind kind = annotation.kind();
        Track track = annotation.info().track();
        if (track != null) {
            if (!tracksReported) {
                tracksReported = true;
                problems.dataset("track ids and keyframes are not kept: CVAT for images 1.1 has no tracks, "
                        + "so the shapes of tracks are written frame by frame as plain shapes");
            }
            if (track.outside()) {
                problems.dropped(itemId, kind, "outside its track (id " + track.id() + ") at this frame: "
                        + "CVAT for images holds only visible shapes");
                return;
            }
        }
        if (kind == AnnotationKind.CAPTION || kind == AnnotationKind.CUBOID_3D) {
            problems.dropped(itemId, kind, "CVAT for images 1.1 cannot hold a " + kind.id());
            return;
        }
        if (annotation.label() == null) {
            problems.dropped(itemId, kind, "unlabelled: CVAT needs a label on every annotation");
            return;
        }
        String element = elementOf(kind);
        Map<String, String> xml = new LinkedHashMap<>();
        xml.put("label", categories.label(annotation.label()).name());
        if (annotation.attributes().get(CvatLayout.SOURCE) instanceof String source) {
            xml.put(CvatLayout.SOURCE, source);
        }
        if (kind != AnnotationKind.TAG) {
            xml.put(CvatLayout.OCCLUDED, isOccluded(annotation) ? "1" : "0");
        }
        List<Map<String, String>> nodes = new ArrayList<>();
        try {
            if (!geometry(itemId, annotation, xml, nodes)) {
                return;
            }
        } catch (NotFinite e) {
            problems.dropped(itemId, kind, "a coordinate is not a finite number");
            return;
        }
        if (kind != AnnotationKind.TAG) {
            xml.put("z_order", Integer.toString(annotation.info().zOrder()));
        }
        if (annotation.info().group() != 0) {
            xml.put("group_id", Integer.toString(annotation.info().group()));
        }
        images.start(element);
        for (Map.Entry<String, String> attribute : xml.entrySet()) {
            images.attribute(attribute.getKey(), attribute.getValue());
        }
        if (annotation instanceof Skeleton skeleton) {
            for (int i = 0; i < nodes.size(); i++) {
                images.start(CvatLayout.POINTS);
                for (Map.Entry<String, String> attribute : nodes.get(i).entrySet()) {
                    images.attribute(attribute.getKey(), attribute.getValue());
                }
                attributes(itemId, skeleton.nodes().get(i), kind);
                images.end();
            }
        }
        attributes(itemId, annotation, kind);
        images.end();
    }

    /**
     * Puts the shape's geometry into {@code xml} (and a skeleton's nodes into {@code nodes});
     * false when the annotation cannot be written (reported).
     */
    private boolean geometry(String itemId, Annotation annotation, Map<String, String> xml,
                             List<Map<String, String>> nodes) throws NotFinite {
        if (annotation instanceof Bbox box) {
            xml.put("xtl", coordinate(box.x()));
            xml.put("ytl", coordinate(box.y()));
            xml.put("xbr", coordinate(box.x2()));
            xml.put("ybr", coordinate(box.y2()));
            if (box.rotation() != 0) {
                xml.put("rotation", coordinate(box.rotation()));
            }
        } else if (annotation instanceof Ellipse ellipse) {
            xml.put("cx", coordinate(ellipse.cx()));
            xml.put("cy", coordinate(ellipse.cy()));
            xml.put("rx", coordinate(ellipse.rx()));
            xml.put("ry", coordinate(ellipse.ry()));
            if (ellipse.rotation() != 0) {
                xml.put("rotation", coordinate(ellipse.rotation()));
            }
        } else if (annotation instanceof Polygon polygon) {
            xml.put("points", points(polygon.points()));
        } else if (annotation instanceof Polyline polyline) {
            xml.put("points", points(polyline.points()));
        } else if (annotation instanceof Points points) {
            for (int i = 0; i < points.size(); i++) {
                if (points.visibility(i) != Points.VISIBLE) {
                    problems.changed(itemId, AnnotationKind.POINTS, "point visibility is not kept: "
                            + "CVAT points are all visible");
                    break;
                }
            }
            xml.put("points", points(points.points()));
        } else if (annotation instanceof Cuboid2d cuboid) {
            double[] corners = cuboid.points();
            for (int i = 0; i < corners.length; i++) {
                xml.put(CUBOID_CORNERS[i], coordinate(corners[i]));
            }
        } else if (annotation instanceof Mask mask) {
            CvatMaskRle.BoxRle box = CvatMaskRle.toBox(mask.rle());
            if (box == null) {
                problems.dropped(itemId, AnnotationKind.MASK, "empty: CVAT cannot hold a mask without pixels");
                return false;
            }
            xml.put("rle", box.countsText());
            xml.put("left", Integer.toString(box.left()));
            xml.put("top", Integer.toString(box.top()));
            xml.put("width", Integer.toString(box.width()));
            xml.put("height", Integer.toString(box.height()));
        } else if (annotation instanceof Skeleton skeleton) {
            return skeletonNodes(itemId, skeleton, nodes);
        }
        return true;
    }

    private boolean skeletonNodes(String itemId, Skeleton skeleton, List<Map<String, String>> nodes)
            throws NotFinite {
        for (Points node : skeleton.nodes()) {
            if (node.label() == null || node.size() != 1) {
                problems.dropped(itemId, AnnotationKind.SKELETON, "a node is unlabelled or is not one point: "
                        + "CVAT skeleton nodes are single labelled points");
                return false;
            }
            Map<String, String> xml = new LinkedHashMap<>();
            xml.put("label", categories.label(node.label()).name());
            if (node.attributes().get(CvatLayout.SOURCE) instanceof String source) {
                xml.put(CvatLayout.SOURCE, source);
            }
            xml.put("outside", node.visibility(0) == Points.ABSENT ? "1" : "0");
            xml.put(CvatLayout.OCCLUDED, node.visibility(0) == Points.HIDDEN ? "1" : "0");
            xml.put("points", points(node.points()));
            nodes.add(xml);
        }
        return true;
    }

    /** The {@code <attribute>} children: every attribute but those written as XML attributes. */
    private void attributes(String itemId, Annotation annotation, AnnotationKind kind) throws IOException {
        for (Map.Entry<String, Object> attribute : annotation.attributes().entrySet()) {
            String name = attribute.getKey();
            Object value = attribute.getValue();
            if (CvatLayout.SOURCE.equals(name) && value instanceof String
                    || CvatLayout.OCCLUDED.equals(name) && value instanceof Boolean
                    && annotation.kind() != AnnotationKind.TAG) {
                continue;
            }
            if (value instanceof List) {
                problems.changed(itemId, kind, "attribute '" + name + "' is a list, which CVAT cannot hold: "
                        + "written as comma-separated text");
            }
            declarations.add(annotation.label(), name, value);
            images.start(CvatLayout.ATTRIBUTE);
            images.attribute("name", name);
            images.text(AttributeValues.format(value));
            images.end();
        }
    }

    private static boolean isOccluded(Annotation annotation) {
        return Boolean.TRUE.equals(annotation.attributes().get(CvatLayout.OCCLUDED));
    }

    private static String elementOf(AnnotationKind kind) {
        switch (kind) {
            case BBOX:
                return "box";
            case CUBOID_2D:
                return "cuboid";
            case TAG:
                return CvatLayout.TAG;
            default:
                return kind.id(); // polygon, polyline, points, mask, ellipse, skeleton
        }
    }

    private static String points(double[] points) throws NotFinite {
        StringBuilder text = new StringBuilder(points.length * 6);
        for (int i = 0; i < points.length; i += 2) {
            if (i > 0) {
                text.append(';');
            }
            text.append(coordinate(points[i])).append(',').append(coordinate(points[i + 1]));
        }
        return text.toString();
    }

    private static String coordinate(double value) throws NotFinite {
        if (!Double.isFinite(value)) {
            throw new NotFinite();
        }
        return number(value);
    }

    /** Whole numbers without a fraction (what tools expect), others exact and never in exponent form. */
    static String number(double value) {
        return NumberText.of(value);
    }

    @Override
    public void finish() throws IOException {
        try (ImageSpool images = spool; OutputStream out = output.deferred(CvatLayout.ANNOTATIONS_FILE)) {
            XMLStreamWriter head = SafeXml.writer(out);
            try {
                head.writeStartDocument("utf-8", "1.0");
            } catch (XMLStreamException e) {
                throw new IOException("cannot write CVAT XML: " + e.getMessage(), e);
            }
            IndentingXml xml = new IndentingXml(head, 0);
            xml.start(CvatLayout.ROOT);
            xml.leaf("version", CvatLayout.VERSION);
            List<CvatMetaWriter.SubsetTask> tasks = new ArrayList<>();
            for (Map.Entry<String, SubsetFrames> subset : subsets.entrySet()) {
                tasks.add(new CvatMetaWriter.SubsetTask(subset.getKey(), subset.getValue().taskId,
                        subset.getValue().used.size()));
            }
            new CvatMetaWriter(xml, categories, declarations, problems).write(tasks);
            xml.flush(); // the root stays open here: the spooled images and its end tag follow
            images.appendTo(out);
        }
    }
}
