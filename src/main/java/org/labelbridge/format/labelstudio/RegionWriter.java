package org.labelbridge.format.labelstudio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Caption;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Points;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Tag;

/**
 * The results of one annotation (or prediction) of an item: each shape as a region in percent
 * of the image, its attributes as per-region results of the region's id, a group as
 * {@code parentID} links to the group's first region, the item's tags as one {@code choices}
 * result and its captions as one {@code textarea} result.
 */
final class RegionWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Attributes that say who made a result: written on the annotation, not as regions' attributes. */
    private static final Set<String> STRUCTURE = Set.of(LabelStudioLayout.ANNOTATOR, LabelStudioLayout.MODEL_VERSION,
            LabelStudioLayout.SCORE);

    private final Item item;
    private final Categories categories;
    private final LabelConfig config;
    private final Problems problems;
    private int nextId = 1;

    RegionWriter(Item item, Categories categories, LabelConfig config, Problems problems) {
        this.item = item;
        this.categories = categories;
        this.config = config;
        this.problems = problems;
    }

    ArrayNode results(List<Annotation> annotations, boolean prediction) {
        ArrayNode results = NODES.arrayNode();
        Map<Integer, String> groupParents = new HashMap<>();
        List<String> choices = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Annotation a : annotations) {
            if (a instanceof Tag tag) {
                if (tag.label() == null) {
                    problems.dropped(item.id(), AnnotationKind.TAG, "a Label Studio choice needs a label name");
                } else {
                    choices.add(categories.nameOf(tag.label()));
                    regionAttributesLost(tag);
                }
            } else if (a instanceof Caption caption) {
                texts.add(caption.text());
                regionAttributesLost(caption);
            } else {
                region(a, prediction, groupParents, results);
            }
        }
        if (!choices.isEmpty()) {
            config.choices(choices);
            ObjectNode value = NODES.objectNode();
            choices.forEach(value.putArray(LabelStudioLayout.CHOICES)::add);
            results.add(result(LabelStudioLayout.CHOICES, LabelStudioLayout.CHOICES_TAG, value, null));
        }
        if (!texts.isEmpty()) {
            config.caption();
            ObjectNode value = NODES.objectNode();
            texts.forEach(value.putArray("text")::add);
            results.add(result(LabelStudioLayout.TEXTAREA, LabelStudioLayout.CAPTION_TAG, value, null));
        }
        return results;
    }

    private void region(Annotation a, boolean prediction, Map<Integer, String> groupParents, ArrayNode results) {
        if (!item.media().hasSize() && !(a instanceof Mask)) {
            problems.dropped(item.id(), a.kind(), "Label Studio's coordinates are percentages of the image size,"
                    + " which is unknown");
            return;
        }
        List<ObjectNode> values = values(a);
        if (values.isEmpty()) {
            return;
        }
        String name = a.label() == null ? null : categories.nameOf(a.label());
        String type = LabelledShape.typeOf(a.kind());
        String labelled = name == null ? unlabelledType(type) : type;
        String fromName = config.region(labelled);
        int width = a instanceof Mask m ? m.rle().width() : item.media().width();
        int height = a instanceof Mask m ? m.rle().height() : item.media().height();
        for (ObjectNode value : values) {
            if (name != null) {
                value.putArray(type).add(name);
            }
            String id = "r" + nextId++;
            ObjectNode result = result(labelled, fromName, value, id);
            result.put("original_width", width);
            result.put("original_height", height);
            result.put("image_rotation", 0);
            if (a.info().group() != 0) {
                String parent = groupParents.putIfAbsent(a.info().group(), id);
                if (parent != null) {
                    result.put("parentID", parent);
                }
            }
            if (prediction && a.attributes().get(LabelStudioLayout.SCORE) instanceof Number score) {
                result.put("score", score.doubleValue());
            }
            results.add(result);
            attributes(a, id, results);
        }
    }

    /** The region's values in percent (without its label): one, or one per point of a set of points. */
    private List<ObjectNode> values(Annotation a) {
        int width = item.media().hasSize() ? item.media().width() : 0;
        int height = item.media().hasSize() ? item.media().height() : 0;
        List<ObjectNode> values = new ArrayList<>();
        if (a instanceof Bbox box) {
            double[] r = RotatedRectangle.write(box, width, height);
            values.add(NODES.objectNode().put("x", r[0]).put("y", r[1]).put("width", r[2]).put("height", r[3])
                    .put("rotation", r[4]));
        } else if (a instanceof Polygon polygon) {
            ObjectNode value = NODES.objectNode();
            ArrayNode points = value.putArray("points");
            for (int i = 0; i < polygon.size(); i++) {
                points.addArray().add(polygon.x(i) / width * 100).add(polygon.y(i) / height * 100);
            }
            value.put("closed", true);
            values.add(value);
        } else if (a instanceof Points points) {
            for (int i = 0; i < points.size(); i++) {
                if (points.visibility(i) != Points.ABSENT) {
                    values.add(NODES.objectNode().put("x", points.x(i) / width * 100)
                            .put("y", points.y(i) / height * 100));
                }
            }
            if (values.isEmpty()) {
                problems.dropped(item.id(), AnnotationKind.POINTS, "all its points are absent");
            } else if (points.size() != 1) {
                problems.converted(item.id(), AnnotationKind.POINTS, 1, AnnotationKind.POINTS, values.size(),
                        "a set of points is written as one keypoint per point present (a Label Studio keypoint"
                                + " is one point)");
            }
        } else if (a instanceof Mask mask) {
            ObjectNode value = NODES.objectNode().put("format", "rle");
            ArrayNode rle = value.putArray("rle");
            for (int b : BrushRle.encode(mask.rle())) {
                rle.add(b);
            }
            values.add(value);
        } else {
            throw new IllegalStateException(a.kind() + " is not a region");
        }
        return values;
    }

    /** The region's own attributes as per-region results of its id, named by the attribute. */
    private void attributes(Annotation a, String id, ArrayNode results) {
        for (Map.Entry<String, Object> attribute : a.attributes().entrySet()) {
            String name = attribute.getKey();
            if (STRUCTURE.contains(name)) {
                continue;
            }
            Object v = attribute.getValue();
            ObjectNode value = NODES.objectNode();
            String type;
            if (v instanceof Number n) {
                type = LabelStudioLayout.NUMBER;
                if (n instanceof Long || n instanceof Integer) {
                    value.put(type, n.longValue());
                } else {
                    value.put(type, n.doubleValue());
                }
            } else if (v instanceof List<?> list) {
                type = LabelStudioLayout.CHOICES;
                ArrayNode chosen = value.putArray(type);
                list.forEach(e -> chosen.add(String.valueOf(e)));
                config.regionChoices(name, list.stream().map(String::valueOf).toList());
            } else {
                type = LabelStudioLayout.TEXTAREA;
                value.putArray("text").add(String.valueOf(v));
                if (v instanceof Boolean) {
                    problems.changed(item.id(), a.kind(), "a yes/no attribute is written as the text 'true' or"
                            + " 'false' (Label Studio's per-region text)");
                }
            }
            config.regionAttribute(name, type);
            results.add(result(type, name, value, id));
        }
    }

    private void regionAttributesLost(Annotation a) {
        if (a.attributes().keySet().stream().anyMatch(k -> !STRUCTURE.contains(k))) {
            problems.changed(item.id(), a.kind(), "attributes of an image label or caption are not kept (Label Studio"
                    + " gives attributes to regions)");
        }
    }

    private static String unlabelledType(String type) {
        return type.substring(0, type.length() - "labels".length());
    }

    private static ObjectNode result(String type, String fromName, JsonNode value, String id) {
        ObjectNode result = NODES.objectNode();
        if (id != null) {
            result.put("id", id);
        }
        result.put("type", type);
        result.put("from_name", fromName);
        result.put("to_name", LabelStudioLayout.IMAGE_TAG);
        result.set("value", value);
        return result;
    }
}
