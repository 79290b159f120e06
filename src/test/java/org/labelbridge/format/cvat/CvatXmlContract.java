package org.labelbridge.format.cvat;

import static org.labelbridge.testing.XmlElements.child;
import static org.labelbridge.testing.XmlElements.children;
import static org.labelbridge.testing.XmlElements.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What CVAT's own XML importer reads of an {@code annotations.xml}, checked on the DOM (not with our
 * reader): {@code cvat/apps/dataset_manager/formats/cvat.py} ({@code load_anno}) and the bindings'
 * {@code import_dm_annotations} (labels by name, attributes by their label's spec), Datumaro's
 * {@code cvat_format} extractor for project dumps (meta labels, {@code subset} and {@code task_id}).
 */
final class CvatXmlContract {

    private static final Set<String> SHAPES = Set.of("box", "polygon", "polyline", "points", "ellipse", "cuboid",
            "mask", "skeleton");
    private static final Set<String> INPUT_TYPES = Set.of("select", "radio", "checkbox", "number", "text");

    /** A declared attribute: its input type and values. */
    private record Spec(String type, List<String> values) {
    }

    private final String where;
    /** Top-level labels (name to attribute specs) and skeleton nodes ("skeleton/node"). */
    private final Map<String, Map<String, Spec>> labels = new HashMap<>();
    /** Frames of each task id, for a project dump; key -1 for a lone task. */
    private final Map<Long, Long> taskSizes = new HashMap<>();
    private final Set<String> subsets = new HashSet<>();

    private CvatXmlContract(String where) {
        this.where = where;
    }

    /** Checks one dump; {@code video} for CVAT for video (tracks only), else images. */
    static void check(String where, Path xml, boolean video) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Document document = factory.newDocumentBuilder().parse(xml.toFile());
        Element root = document.getDocumentElement();
        assertEquals("annotations", root.getTagName(), where + ": root element");
        CvatXmlContract contract = new CvatXmlContract(where);
        Element meta = child(root, "meta");
        assertNotNull(meta, where + ": <meta>");
        contract.readMeta(meta);
        Set<Long> imageIds = new HashSet<>();
        Set<String> imageNames = new HashSet<>();
        Set<Long> trackIds = new HashSet<>();
        for (Element element : children(root)) {
            switch (element.getTagName()) {
                case "image" -> {
                    assertFalse(video, where + ": a video dump holds tracks, not <image>s");
                    contract.checkImage(element, imageIds, imageNames);
                }
                case "track" -> {
                    assertTrue(video, where + ": an images dump holds no <track>");
                    contract.checkTrack(element, trackIds);
                }
                case "version", "meta" -> {
                }
                default -> throw new AssertionError(where + ": unexpected <" + element.getTagName() + ">");
            }
        }
    }

    private void readMeta(Element meta) {
        Element project = child(meta, "project");
        Element task = child(meta, "task");
        Element owner = project != null ? project : task != null ? task : child(meta, "job");
        assertNotNull(owner, where + ": <meta> holds a <project>, <task> or <job>");
        Element tasks = child(owner, "tasks");
        if (tasks != null) {
            for (Element t : children(tasks)) {
                long id = Long.parseLong(text(t, "id"));
                assertTrue(taskSizes.put(id, Long.parseLong(text(t, "size"))) == null, where + ": task ids repeat");
                String subset = text(t, "subset");
                if (subset != null) {
                    subsets.add(subset);
                }
            }
        } else if (text(owner, "size") != null) {
            taskSizes.put(-1L, Long.parseLong(text(owner, "size")));
        }
        Element list = child(owner, "labels");
        assertNotNull(list, where + ": <labels> declared");
        Set<String> skeletons = new HashSet<>();
        List<Element> nodes = new ArrayList<>();
        for (Element label : children(list)) {
            String name = text(label, "name");
            assertTrue(name != null && !name.isEmpty(), where + ": a label without a name");
            String parent = text(label, "parent");
            if (parent != null && !parent.isEmpty()) {
                nodes.add(label);
                continue;
            }
            assertTrue(labels.put(name, specs(name, label)) == null, where + ": label '" + name + "' repeats");
            if ("skeleton".equals(text(label, "type"))) {
                skeletons.add(name);
            }
        }
        for (Element node : nodes) {
            String parent = text(node, "parent");
            assertTrue(skeletons.contains(parent), where + ": label '" + text(node, "name")
                    + "' has parent '" + parent + "', which is no skeleton");
            assertTrue(labels.put(parent + "/" + text(node, "name"), specs(text(node, "name"), node)) == null,
                    where + ": node '" + text(node, "name") + "' of '" + parent + "' repeats");
        }
    }

    /** A label's attribute specs, each valid as CVAT's AttributeSpec takes it. */
    private Map<String, Spec> specs(String label, Element element) {
        Map<String, Spec> specs = new HashMap<>();
        Element attributes = child(element, "attributes");
        if (attributes == null) {
            return specs;
        }
        for (Element attribute : children(attributes)) {
            String at = where + ": label '" + label + "' attribute '" + text(attribute, "name") + "'";
            String type = text(attribute, "input_type");
            assertTrue(INPUT_TYPES.contains(type), at + ": input_type " + type);
            String values = text(attribute, "values");
            List<String> list = values == null || values.isEmpty() ? List.of() : List.of(values.split("\n", -1));
            Spec spec = new Spec(type, list);
            switch (type) {
                case "select", "radio" -> assertFalse(list.isEmpty(), at + ": a " + type + " declares its values");
                case "number" -> {
                    assertEquals(3, list.size(), at + ": a number declares min, max and step: " + list);
                    list.forEach(Double::parseDouble);
                }
                default -> {
                }
            }
            String fallback = text(attribute, "default_value");
            if (fallback != null && !type.equals("text")) {
                checkValue(at + " default_value", spec, fallback);
            }
            assertTrue(specs.put(text(attribute, "name"), spec) == null, at + ": repeats");
        }
        return specs;
    }

    private static void checkValue(String at, Spec spec, String value) {
        switch (spec.type()) {
            case "select", "radio" -> assertTrue(spec.values().contains(value),
                    at + ": '" + value + "' is none of the declared " + spec.values());
            case "checkbox" -> assertTrue(value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"),
                    at + ": a checkbox is true or false, not '" + value + "'");
            case "number" -> {
                double number;
                try {
                    number = Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    throw new AssertionError(at + ": '" + value + "' is no number");
                }
                double min = Double.parseDouble(spec.values().get(0));
                double max = Double.parseDouble(spec.values().get(1));
                // a declaration whose min exceeds its max is the input's own (passed through as declared)
                assertTrue(min > max || number >= min && number <= max, at + ": " + value + " outside " + spec.values());
            }
            default -> {
            }
        }
    }

    private void checkImage(Element image, Set<Long> ids, Set<String> names) {
        String at = where + ": <image id=" + image.getAttribute("id") + ">";
        // a project dump numbers frames per task, as CVAT's own does
        assertTrue(ids.add(Long.parseLong(image.getAttribute("id")) * 1_000_003L + task(image)),
                at + ": image ids repeat in a task");
        String name = image.getAttribute("name");
        assertFalse(name.isEmpty(), at + ": name");
        String subset = image.getAttribute("subset");
        assertTrue(names.add(subset + "/" + name), at + ": '" + name + "' repeats in subset '" + subset + "'");
        if (!subsets.isEmpty()) {
            assertTrue(subsets.contains(subset), at + ": subset '" + subset + "' is none of " + subsets);
        }
        for (String side : List.of("width", "height")) {
            if (image.hasAttribute(side)) {
                assertTrue(Long.parseLong(image.getAttribute(side)) >= 0, at + ": " + side);
            }
        }
        for (Element annotation : children(image)) {
            String tag = annotation.getTagName();
            assertTrue(SHAPES.contains(tag) || tag.equals("tag"), at + ": unexpected <" + tag + ">");
            checkAnnotation(at, annotation, annotation.getAttribute("label"));
        }
    }

    private void checkTrack(Element track, Set<Long> ids) {
        String at = where + ": <track id=" + track.getAttribute("id") + ">";
        assertTrue(ids.add(Long.parseLong(track.getAttribute("id")) * 1_000_003L + task(track)),
                at + ": track ids repeat in a task (CVAT's importer joins the shapes of one id into one track)");
        String label = track.getAttribute("label");
        Long size = taskSizes.get(track.hasAttribute("task_id") ? Long.parseLong(track.getAttribute("task_id")) : -1L);
        if (size == null && taskSizes.size() == 1) {
            size = taskSizes.values().iterator().next();
        }
        List<Element> shapes = children(track);
        assertFalse(shapes.isEmpty(), at + ": a track without shapes");
        long previous = -1;
        String kind = shapes.get(0).getTagName();
        for (Element shape : shapes) {
            assertEquals(kind, shape.getTagName(), at + ": one shape kind per track");
            long frame = Long.parseLong(shape.getAttribute("frame"));
            assertTrue(frame > previous, at + ": shapes in increasing frame order (" + frame + " after " + previous + ")");
            previous = frame;
            if (size != null) {
                assertTrue(frame < size, at + ": frame " + frame + " beyond its task's " + size + " frames");
            }
            String outside = shape.getAttribute("outside");
            String keyframe = shape.getAttribute("keyframe");
            assertTrue(Set.of("0", "1").contains(keyframe), at + ": keyframe " + keyframe);
            if (!shape.getTagName().equals("skeleton") || !outside.isEmpty()) {
                assertTrue(Set.of("0", "1").contains(outside), at + ": outside " + outside);
            }
            if (outside.equals("1")) {
                assertEquals("1", keyframe, at + " frame " + frame + ": an outside shape is a keyframe");
            }
            checkAnnotation(at + " frame " + frame, shape, label);
        }
        Element last = shapes.get(shapes.size() - 1);
        boolean endsOutside = "1".equals(last.getAttribute("outside")) || skeletonAllOutside(last);
        assertTrue(endsOutside || size == null || previous == size - 1,
                at + ": a track that stops before its task's last frame ends with an outside keyframe"
                        + " (CVAT interpolates its last shape to the end otherwise)");
        assertEquals("1", shapes.get(0).getAttribute("keyframe"), at + ": a track starts at a keyframe");
    }

    private static long task(Element element) {
        return element.hasAttribute("task_id") ? Long.parseLong(element.getAttribute("task_id"))
                : element.getAttribute("subset").hashCode();
    }

    private static boolean skeletonAllOutside(Element skeleton) {
        if (!skeleton.getTagName().equals("skeleton")) {
            return false;
        }
        for (Element node : children(skeleton)) {
            if (node.getTagName().equals("points") && !"1".equals(node.getAttribute("outside"))) {
                return false;
            }
        }
        return true;
    }

    /** A shape or tag under the label it is written with: label declared, attributes of its spec. */
    private void checkAnnotation(String at, Element annotation, String label) {
        String tag = annotation.getTagName();
        String here = at + " <" + tag + " label=" + label + ">";
        Map<String, Spec> specs = labels.get(label);
        assertNotNull(specs, here + ": label '" + label + "' is not declared in <meta>");
        if (annotation.hasAttribute("occluded")) {
            assertTrue(Set.of("0", "1").contains(annotation.getAttribute("occluded")), here + ": occluded");
        }
        if (annotation.hasAttribute("z_order")) {
            Long.parseLong(annotation.getAttribute("z_order"));
        }
        switch (tag) {
            case "box" -> {
                assertTrue(number(annotation, "xtl") <= number(annotation, "xbr"), here + ": xtl <= xbr");
                assertTrue(number(annotation, "ytl") <= number(annotation, "ybr"), here + ": ytl <= ybr");
            }
            case "polygon" -> assertTrue(points(here, annotation) >= 3, here + ": a polygon has 3 points or more");
            case "polyline" -> assertTrue(points(here, annotation) >= 2, here + ": a polyline has 2 points or more");
            case "points" -> assertTrue(points(here, annotation) >= 1, here + ": points");
            case "mask" -> {
                long sum = 0;
                for (String run : annotation.getAttribute("rle").split(",")) {
                    sum += Long.parseLong(run.strip());
                }
                long w = Long.parseLong(annotation.getAttribute("width"));
                long h = Long.parseLong(annotation.getAttribute("height"));
                assertEquals(w * h, sum, here + ": the rle covers width x height");
                number(annotation, "left");
                number(annotation, "top");
            }
            case "skeleton" -> {
                for (Element node : children(annotation)) {
                    if (node.getTagName().equals("points")) {
                        String nodeLabel = label + "/" + node.getAttribute("label");
                        assertTrue(labels.containsKey(nodeLabel), here + ": node '" + node.getAttribute("label")
                                + "' is no node of the skeleton label");
                        checkAttributes(here + " node " + node.getAttribute("label"), node, labels.get(nodeLabel));
                        assertTrue(points(here, node) == 1, here + ": a node is one point");
                    }
                }
            }
            default -> {
            }
        }
        checkAttributes(here, annotation, specs);
    }

    private static void checkAttributes(String at, Element annotation, Map<String, Spec> specs) {
        Set<String> seen = new HashSet<>();
        for (Element attribute : children(annotation)) {
            if (!attribute.getTagName().equals("attribute")) {
                continue;
            }
            String name = attribute.getAttribute("name");
            assertTrue(seen.add(name), at + ": attribute '" + name + "' repeats");
            Spec spec = specs.get(name);
            assertNotNull(spec, at + ": attribute '" + name + "' is not declared under its label");
            checkValue(at + " attribute '" + name + "'", spec, attribute.getTextContent());
        }
    }

    private static int points(String at, Element shape) {
        String points = shape.getAttribute("points");
        int count = 0;
        for (String pair : points.split(";")) {
            String[] xy = pair.split(",");
            assertEquals(2, xy.length, at + ": points are x,y pairs: " + points);
            Double.parseDouble(xy[0]);
            Double.parseDouble(xy[1]);
            count++;
        }
        return count;
    }

    private static double number(Element element, String attribute) {
        assertTrue(element.hasAttribute(attribute), element.getTagName() + " without " + attribute);
        return Double.parseDouble(element.getAttribute(attribute));
    }
}
