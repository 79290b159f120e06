package org.labelbridge.format.datumaro;

import static org.labelbridge.format.datumaro.DatumaroLayout.KEYFRAME;
import static org.labelbridge.format.datumaro.DatumaroLayout.OUTSIDE;
import static org.labelbridge.format.datumaro.DatumaroLayout.ROTATION;
import static org.labelbridge.format.datumaro.DatumaroLayout.TRACK_ID;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.ContentProblem;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.CocoRle;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Caption;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Cuboid2d;
import org.labelbridge.model.Cuboid3d;
import org.labelbridge.model.Ellipse;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Polyline;
import org.labelbridge.model.Rle;
import org.labelbridge.model.Skeleton;
import org.labelbridge.model.SkeletonDef;
import org.labelbridge.model.Tag;
import org.labelbridge.model.Track;

/**
 * Reads one annotation object of an item, whatever the order of its fields: first every field
 * into {@link Fields}, then the annotation its {@code type} says.
 */
final class AnnotationReader {

    private final JsonInput in;
    private final Categories categories;
    private final Problems problems;
    private final Set<String> reportedFields = new HashSet<>();

    AnnotationReader(JsonInput in, Categories categories, Problems problems) {
        this.in = in;
        this.categories = categories;
        this.problems = problems;
    }

    /** The fields of one annotation object as written. */
    private static final class Fields {
        String type;
        long id;
        int group;
        int zOrder;
        Integer label;
        Map<String, Object> attributes = Map.of();
        double[] points;
        double[] bbox;
        int[] visibility;
        String rleString;
        int[] rleCounts;
        int[] rleSize;
        String caption;
        double[] position;
        double[] rotation;
        double[] scale;
        Double y3d;
        List<Annotation> elements;
        List<Map<String, Object>> pointsAttributes;
    }

    /** Reads the object the parser stands on; null when its type is unknown (reported). */
    Annotation read(String where, PendingProblems pending) throws IOException {
        in.expect(JsonToken.START_OBJECT, where, "an annotation object");
        Fields f = new Fields();
        for (JsonToken token = in.next(); token != JsonToken.END_OBJECT; token = in.next()) {
            readField(in.fieldName(), f, where, pending);
        }
        if (f.type == null) {
            throw in.fail(where, "the annotation has no 'type'");
        }
        if (f.label != null && (f.label < 0 || f.label >= categories.labels().size())) {
            pending.invalid(ContentProblem.Type.UNKNOWN_LABEL, "label".equals(f.type) ? AnnotationKind.TAG.id() : f.type,
                    in.file() + ", " + where + ": label_id " + f.label + " is not among the "
                            + categories.labels().size() + " declared labels");
            return null;
        }
        return build(f, where, pending);
    }

    private void readField(String field, Fields f, String where, PendingProblems pending) throws IOException {
        switch (field) {
            case "type" -> f.type = in.readString(where, "the annotation type");
            case "id" -> f.id = in.next() == JsonToken.VALUE_NULL ? 0 : in.longValue(where, "the annotation id");
            case "group" -> f.group = orZero(in.readOptionalInt(where, "the group"));
            case "z_order" -> f.zOrder = orZero(in.readOptionalInt(where, "z_order"));
            case "label_id" -> f.label = in.readOptionalInt(where, "label_id");
            case "attributes" -> f.attributes = AttributeValues.read(in, where, pending.itemSink(where));
            case "points" -> f.points = in.readNumbers(where, "points");
            case "bbox" -> f.bbox = in.readNumbers(where, "bbox");
            case "visibility" -> f.visibility = in.readInts(where, "visibility");
            case "rle" -> readRle(f, where);
            case "caption" -> f.caption = in.readString(where, "the caption text");
            case "position" -> f.position = in.readNumbers(where, "position");
            case "rotation" -> f.rotation = in.readNumbers(where, "rotation");
            case "scale" -> f.scale = in.readNumbers(where, "scale");
            case "y_3d" -> {
                in.next();
                f.y3d = in.current() == JsonToken.VALUE_NULL ? null : in.doubleValue(where, "y_3d");
            }
            case "elements" -> f.elements = readElements(where, pending);
            case "points_attributes" -> f.pointsAttributes = readPointsAttributes(where, pending);
            default -> {
                in.next();
                in.skipValue();
                if (reportedFields.add(field)) {
                    problems.dataset(in.file() + ": annotation field '" + field + "' is not kept");
                }
            }
        }
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private void readRle(Fields f, String where) throws IOException {
        in.nextExpect(JsonToken.START_OBJECT, where, "rle (an object {counts, size})");
        for (JsonToken token = in.next(); token != JsonToken.END_OBJECT; token = in.next()) {
            String field = in.fieldName();
            if (field.equals("counts")) {
                in.next();
                if (in.current() == JsonToken.VALUE_STRING) {
                    f.rleString = in.text();
                } else if (in.current() == JsonToken.START_ARRAY) {
                    f.rleCounts = in.ints(where, "rle counts");
                } else {
                    throw in.fail(where, "expected rle counts (a COCO RLE string or an array of counts)");
                }
            } else if (field.equals("size")) {
                f.rleSize = in.readInts(where, "rle size [h, w]");
            } else {
                in.next();
                in.skipValue();
            }
        }
    }

    private List<Annotation> readElements(String where, PendingProblems pending) throws IOException {
        in.nextExpect(JsonToken.START_ARRAY, where, "elements (an array of points annotations)");
        List<Annotation> elements = new ArrayList<>();
        int index = 0;
        for (JsonToken token = in.next(); token != JsonToken.END_ARRAY; token = in.next()) {
            String at = where + ".elements[" + index++ + "]";
            Annotation element = read(at, pending);
            if (element != null && !(element instanceof Points)) {
                throw in.fail(at, "a skeleton element must be of type points, got " + element.kind().id());
            }
            elements.add(element);
        }
        return elements;
    }

    private List<Map<String, Object>> readPointsAttributes(String where, PendingProblems pending) throws IOException {
        in.nextExpect(JsonToken.START_ARRAY, where, "points_attributes (an array of attribute objects)");
        List<Map<String, Object>> list = new ArrayList<>();
        for (JsonToken token = in.next(); token != JsonToken.END_ARRAY; token = in.next()) {
            list.add(AttributeValues.readCurrent(in, where, pending.itemSink(where)));
        }
        return list;
    }

    private Annotation build(Fields f, String where, PendingProblems pending) throws IOException {
        switch (f.type) {
            case "label":
                return new Tag(info(f, false).info());
            case "bbox": {
                double[] b = require(f.bbox, 4, where, "a bbox needs 'bbox' [x, y, w, h]");
                Shared s = info(f, true);
                return new Bbox(s.info(), b[0], b[1], b[2], b[3], s.rotation());
            }
            case "polygon":
                return new Polygon(info(f, false).info(), requirePairs(f.points, where, "a polygon"));
            case "polyline":
                return new Polyline(info(f, false).info(), requirePairs(f.points, where, "a polyline"));
            case "points":
                return points(f, where);
            case "mask":
                return new Mask(info(f, false).info(), rle(f, where));
            case "ellipse": {
                double[] p = require(f.points, 4, where, "an ellipse needs 'points' [x1, y1, x2, y2]");
                Shared s = info(f, true);
                return new Ellipse(s.info(), (p[0] + p[2]) / 2, (p[1] + p[3]) / 2,
                        (p[2] - p[0]) / 2, (p[3] - p[1]) / 2, s.rotation());
            }
            case "cuboid_2d": {
                double[] p = require(f.points, 16, where, "a cuboid_2d needs 'points' with 8 points");
                if (f.y3d != null && f.y3d != 0) {
                    pending.changed(AnnotationKind.CUBOID_2D, where + ": y_3d " + f.y3d + " is not kept");
                }
                return new Cuboid2d(info(f, false).info(), p);
            }
            case "cuboid_3d":
                return new Cuboid3d(info(f, false).info(),
                        xyz(f.position, where, "position"), xyz(f.rotation, where, "rotation"),
                        xyz(f.scale, where, "scale"));
            case "skeleton":
                return skeleton(f, where, pending);
            case "caption":
                if (f.caption == null) {
                    throw in.fail(where, "a caption needs 'caption'");
                }
                return new Caption(info(f, false).info(), f.caption);
            default:
                pending.item(where + ": annotation type '" + f.type + "' is not known; dropped");
                return null;
        }
    }

    private Points points(Fields f, String where) throws IOException {
        double[] xy = requirePairs(f.points, where, "points");
        byte[] visibility = null;
        if (f.visibility != null) {
            if (f.visibility.length != xy.length / 2) {
                throw in.fail(where, "expected " + xy.length / 2 + " visibility values (one per point), got "
                        + f.visibility.length);
            }
            visibility = new byte[f.visibility.length];
            for (int i = 0; i < visibility.length; i++) {
                visibility[i] = visibility(f.visibility[i], where);
            }
        }
        return new Points(info(f, false).info(), xy, visibility);
    }

    private byte visibility(int value, String where) throws FormatException {
        if (value < Points.ABSENT || value > Points.VISIBLE) {
            throw in.fail(where, "visibility must be 0 (absent), 1 (hidden) or 2 (visible), got " + value);
        }
        return (byte) value;
    }

    private Rle rle(Fields f, String where) throws IOException {
        if (f.rleSize == null || f.rleSize.length != 2 || (f.rleString == null && f.rleCounts == null)) {
            throw in.fail(where, "a mask needs 'rle' {counts, size: [h, w]}");
        }
        try {
            return f.rleString != null
                    ? CocoRle.decode(f.rleString, f.rleSize[0], f.rleSize[1])
                    : new Rle(f.rleSize[0], f.rleSize[1], f.rleCounts);
        } catch (IllegalArgumentException e) {
            throw in.fail(where, "bad mask RLE: " + e.getMessage());
        }
    }

    private Skeleton skeleton(Fields f, String where, PendingProblems pending) throws IOException {
        AnnotationInfo info = info(f, false).info();
        List<Points> nodes = new ArrayList<>();
        if (f.elements != null) {
            for (Annotation element : f.elements) {
                if (element != null) {
                    nodes.add((Points) element);
                }
            }
            return new Skeleton(info, nodes);
        }
        if (f.points == null) {
            return new Skeleton(info, nodes);
        }
        // CVAT's compact form: x, y, visibility per node, in the order of the skeleton's layout.
        if (f.points.length % 3 != 0) {
            throw in.fail(where, "a skeleton's points are x, y, visibility per node; got "
                    + f.points.length + " numbers");
        }
        int count = f.points.length / 3;
        if (f.pointsAttributes != null && f.pointsAttributes.size() != count) {
            throw in.fail(where, "expected " + count + " points_attributes (one per node), got "
                    + f.pointsAttributes.size());
        }
        SkeletonDef layout = f.label == null ? null : categories.skeletons().get(f.label);
        if (layout == null || layout.nodeLabels().size() != count) {
            pending.changed(AnnotationKind.SKELETON, where + ": the skeleton's label declares no layout of "
                    + count + " nodes; its nodes are unlabelled");
            layout = null;
        }
        for (int i = 0; i < count; i++) {
            double v = f.points[3 * i + 2];
            if (v != Math.rint(v)) {
                throw in.fail(where, "node " + (i + 1) + " visibility must be 0, 1 or 2, got " + v);
            }
            Map<String, Object> attributes = f.pointsAttributes == null ? Map.of() : f.pointsAttributes.get(i);
            Fields node = new Fields();
            node.label = layout == null ? null : layout.nodeLabels().get(i);
            node.attributes = attributes;
            nodes.add(new Points(info(node, false).info(), new double[] {f.points[3 * i], f.points[3 * i + 1]},
                    new byte[] {visibility((int) v, where)}));
        }
        return new Skeleton(info, nodes);
    }

    /** The shared data and, for boxes and ellipses, the rotation taken out of the attributes. */
    private record Shared(AnnotationInfo info, double rotation) {
    }

    private static Shared info(Fields f, boolean rotatable) {
        Map<String, Object> attributes = new LinkedHashMap<>(f.attributes);
        Track track = null;
        // Datumaro keeps tracks as attributes; only a numeric track_id makes them a track.
        if (attributes.get(TRACK_ID) instanceof Long id) {
            attributes.remove(TRACK_ID);
            track = new Track(id, takeFlag(attributes, KEYFRAME), takeFlag(attributes, OUTSIDE));
        }
        double rotation = 0;
        if (rotatable && attributes.get(ROTATION) instanceof Number degrees) {
            attributes.remove(ROTATION);
            rotation = degrees.doubleValue();
        }
        return new Shared(new AnnotationInfo(f.label, f.id, f.group, f.zOrder, attributes, track), rotation);
    }

    private static boolean takeFlag(Map<String, Object> attributes, String name) {
        if (attributes.get(name) instanceof Boolean flag) {
            attributes.remove(name);
            return flag;
        }
        return false;
    }

    private double[] require(double[] values, int count, String where, String message) throws FormatException {
        if (values == null) {
            throw in.fail(where, message);
        }
        if (values.length != count) {
            throw in.fail(where, message + "; got " + values.length + " numbers");
        }
        return values;
    }

    private double[] requirePairs(double[] values, String where, String what) throws FormatException {
        if (values == null) {
            throw in.fail(where, what + " needs 'points' [x1, y1, x2, y2, ...]");
        }
        if (values.length % 2 != 0) {
            throw in.fail(where, what + " needs an even number of coordinates, got " + values.length);
        }
        return values;
    }

    private List<Double> xyz(double[] values, String where, String what) throws FormatException {
        double[] v = require(values, 3, where, "a cuboid_3d needs '" + what + "' [x, y, z]");
        return List.of(v[0], v[1], v[2]);
    }
}
