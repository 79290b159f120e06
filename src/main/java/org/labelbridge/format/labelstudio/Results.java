package org.labelbridge.format.labelstudio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Caption;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Tag;

/**
 * The results of one annotation (or prediction) of a task as annotations. Regions become shapes
 * in pixels; results sharing a region's {@code id} (Label Studio's per-region choices, text and
 * numbers) become its attributes, named by their {@code from_name}; a region with a
 * {@code parentID} shares a group with its parent; whole-image choices become tags, whole-image
 * text captions.
 */
final class Results {

    private final String itemId;
    private final Media media;
    private final Map<String, Integer> labels;
    private final Problems problems;
    /** Group numbers are per item, over all its annotations and predictions. */
    private int groups;

    Results(String itemId, Media media, Map<String, Integer> labels, Problems problems) {
        this.itemId = itemId;
        this.media = media;
        this.labels = labels;
        this.problems = problems;
    }

    List<Annotation> read(JsonNode results, String at, Map<String, Object> setAttributes) throws FormatException {
        List<Annotation> shapes = new ArrayList<>();
        List<String> shapeIds = new ArrayList<>();
        List<String> parents = new ArrayList<>();
        List<Annotation> wholeImage = new ArrayList<>();
        List<Integer> later = new ArrayList<>();
        for (int k = 0; k < results.size(); k++) {
            JsonNode result = results.get(k);
            String here = at + ", result[" + k + "]";
            String type = result.path("type").asText("").toLowerCase(Locale.ROOT);
            AnnotationKind kind = LabelledShape.kindOf(type);
            if (kind == null) {
                later.add(k);
                continue;
            }
            Annotation shape = shape(result, type, kind, here, info(result, type, kind, setAttributes));
            if (shape != null) {
                shapes.add(shape);
                shapeIds.add(result.path("id").asText(null));
                parents.add(result.path("parentID").asText(null));
            }
        }
        for (int k : later) {
            JsonNode result = results.get(k);
            String here = at + ", result[" + k + "]";
            String type = result.path("type").asText("").toLowerCase(Locale.ROOT);
            String id = result.path("id").asText(null);
            int region = id == null ? -1 : shapeIds.indexOf(id);
            if (region >= 0 && isRegionAttribute(type)) {
                Object value = attributeValue(result.path("value"), type);
                if (value != null) {
                    String name = result.path("from_name").asText(type);
                    shapes.set(region, shapes.get(region).withInfo(shapes.get(region).info().withAttribute(name, value)));
                }
            } else if (type.equals(LabelStudioLayout.CHOICES)) {
                wholeImage.addAll(tags(result, here, setAttributes));
            } else if (type.equals(LabelStudioLayout.TEXTAREA)) {
                for (JsonNode text : result.path("value").path("text")) {
                    wholeImage.add(new Caption(new AnnotationInfo(null, 0, 0, 0, setAttributes, null), text.asText()));
                }
            } else if (type.equals(LabelStudioLayout.RELATION)) {
                problems.item(itemId, "a relation between two regions is not kept (the model has none)");
            } else {
                problems.item(itemId, "a '" + type + "' result is not kept: labelbridge reads image regions,"
                        + " choices and text");
            }
        }
        group(shapes, shapeIds, parents);
        shapes.addAll(wholeImage);
        return shapes;
    }

    private AnnotationInfo info(JsonNode result, String type, AnnotationKind kind, Map<String, Object> setAttributes) {
        Map<String, Object> attributes = new LinkedHashMap<>(setAttributes);
        if (setAttributes.containsKey(LabelStudioLayout.MODEL_VERSION) && result.path("score").isNumber()) {
            attributes.put(LabelStudioLayout.SCORE, result.path("score").asDouble());
        }
        JsonNode names = result.path("value").path(type);
        Integer label = null;
        if (names.isArray() && !names.isEmpty()) {
            label = labels.get(names.get(0).asText());
            if (names.size() > 1) {
                problems.changed(itemId, kind, "a region of " + names.size() + " labels keeps its first");
            }
        }
        return new AnnotationInfo(label, 0, 0, 0, attributes, null);
    }

    private Annotation shape(JsonNode result, String type, AnnotationKind kind, String here, AnnotationInfo info)
            throws FormatException {
        int width = result.path("original_width").asInt(0);
        int height = result.path("original_height").asInt(0);
        if (width <= 0 || height <= 0) {
            if (!media.hasSize()) {
                problems.dropped(itemId, kind, "its coordinates are percentages of the image size, which neither the"
                        + " result (original_width, original_height) nor an image in the archive gives");
                return null;
            }
            width = media.width();
            height = media.height();
        }
        JsonNode value = result.path("value");
        if (result.path("image_rotation").asDouble(0) % 360 != 0) {
            problems.changed(itemId, kind, "image_rotation is not applied: the coordinates are taken as of the image"
                    + " as stored");
        }
        switch (kind) {
            case BBOX:
                return RotatedRectangle.read(info, number(value, "x", here), number(value, "y", here),
                        number(value, "width", here), number(value, "height", here),
                        value.has("rotation") ? number(value, "rotation", here) : 0, width, height);
            case POLYGON:
                return polygon(value, info, here, width, height);
            case POINTS:
                return new Points(info, new double[] {number(value, "x", here) / 100 * width,
                        number(value, "y", here) / 100 * height});
            case MASK:
                return mask(value, info, here, width, height);
            default:
                throw new IllegalStateException(type);
        }
    }

    private Polygon polygon(JsonNode value, AnnotationInfo info, String here, int width, int height)
            throws FormatException {
        JsonNode points = value.path("points");
        if (!points.isArray() || points.size() < 3) {
            throw new FormatException(here + ": expected value.points, a list of at least 3 [x, y] pairs");
        }
        double[] flat = new double[points.size() * 2];
        for (int i = 0; i < points.size(); i++) {
            JsonNode point = points.get(i);
            if (!point.isArray() || point.size() != 2 || !point.get(0).isNumber() || !point.get(1).isNumber()) {
                throw new FormatException(here + ": expected value.points[" + i + "] to be [x, y] (percent)");
            }
            flat[2 * i] = point.get(0).asDouble() / 100 * width;
            flat[2 * i + 1] = point.get(1).asDouble() / 100 * height;
        }
        return new Polygon(info, flat);
    }

    private Mask mask(JsonNode value, AnnotationInfo info, String here, int width, int height)
            throws FormatException {
        JsonNode rle = value.path("rle");
        if (!rle.isArray()) {
            throw new FormatException(here + ": expected value.rle, Label Studio's brush RLE (a list of bytes)"
                    + (value.has("format") ? "; format '" + value.path("format").asText() + "' is not read" : ""));
        }
        int[] bytes = new int[rle.size()];
        for (int i = 0; i < bytes.length; i++) {
            JsonNode b = rle.get(i);
            if (!b.isIntegralNumber() || b.asInt() < 0 || b.asInt() > 255) {
                throw new FormatException(here + ": expected value.rle[" + i + "] to be a byte (0..255), got "
                        + b);
            }
            bytes[i] = b.asInt();
        }
        try {
            return new Mask(info, BrushRle.decode(bytes, width, height));
        } catch (FormatException e) {
            throw new FormatException(here + ": " + e.getMessage());
        }
    }

    private List<Annotation> tags(JsonNode result, String here, Map<String, Object> setAttributes)
            throws FormatException {
        List<Annotation> tags = new ArrayList<>();
        for (JsonNode choice : result.path("value").path(LabelStudioLayout.CHOICES)) {
            if (!choice.isTextual()) {
                throw new FormatException(here + ": expected value.choices to be a list of strings");
            }
            tags.add(new Tag(new AnnotationInfo(labels.get(choice.asText()), 0, 0, 0, setAttributes, null)));
        }
        return tags;
    }

    private static boolean isRegionAttribute(String type) {
        return type.equals(LabelStudioLayout.CHOICES) || type.equals(LabelStudioLayout.TEXTAREA)
                || type.equals(LabelStudioLayout.NUMBER) || type.equals(LabelStudioLayout.RATING);
    }

    /** One choice or text as a string, several as a list; a number or rating as a number. */
    private static Object attributeValue(JsonNode value, String type) {
        if (type.equals(LabelStudioLayout.NUMBER) || type.equals(LabelStudioLayout.RATING)) {
            JsonNode n = value.path(type);
            return n.isIntegralNumber() ? (Object) n.asLong() : n.isNumber() ? (Object) n.asDouble() : null;
        }
        JsonNode list = value.path(type.equals(LabelStudioLayout.CHOICES) ? LabelStudioLayout.CHOICES : "text");
        List<String> values = new ArrayList<>();
        list.forEach(v -> values.add(v.asText()));
        return values.isEmpty() ? null : values.size() == 1 ? values.get(0) : List.copyOf(values);
    }

    /** Regions linked by parentID share a group number, new for each linked set. */
    private void group(List<Annotation> shapes, List<String> ids, List<String> parents) {
        int[] roots = new int[shapes.size()];
        Map<Integer, Integer> members = new HashMap<>();
        for (int i = 0; i < shapes.size(); i++) {
            roots[i] = root(i, ids, parents);
            members.merge(roots[i], 1, Integer::sum);
        }
        Map<Integer, Integer> groupOfRoot = new HashMap<>();
        for (int i = 0; i < shapes.size(); i++) {
            if (members.get(roots[i]) > 1) {
                int group = groupOfRoot.computeIfAbsent(roots[i], r -> ++groups);
                shapes.set(i, shapes.get(i).withInfo(shapes.get(i).info().withGroup(group)));
            }
        }
    }

    /** The region at the top of i's parentID chain (a chain with a loop or a missing parent stops there). */
    private static int root(int i, List<String> ids, List<String> parents) {
        int at = i;
        for (int steps = 0; steps < ids.size(); steps++) {
            String parent = parents.get(at);
            int up = parent == null ? -1 : ids.indexOf(parent);
            if (up < 0 || up == at) {
                return at;
            }
            at = up;
        }
        return at;
    }

    private static double number(JsonNode value, String field, String here) throws FormatException {
        JsonNode n = value.path(field);
        if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw new FormatException(here + ": expected value." + field + " to be a number (percent), got "
                    + (n.isMissingNode() ? "nothing" : n.toString()));
        }
        return n.asDouble();
    }
}
