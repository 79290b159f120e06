package org.labelbridge.format.slypointcloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.AttributeText;
import org.labelbridge.format.common.FileNames;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Cuboid3d;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Media;

/**
 * Writes one {@code ds0/ann/<id>.pcd.json} per item as it streams (its point cloud and related
 * images copied beside it), then {@code meta.json} (classes, and the tags the items and objects
 * used) and {@code key_id_map.json}. Keys are name-based UUIDs, so the same input gives the same
 * output. An object is a track (its id the track id) or a cuboid without one (a new object);
 * figure ids are the annotation ids where those are set and unique.
 */
final class SlyWriter implements DatasetWriter {

    private static final String FORMAT = "Sly Point Cloud Format 1.0";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DatasetOutput output;
    private final Problems problems;
    private Categories categories;
    /** Tag definitions by name, in order of declaration then first use. */
    private final Map<String, ObjectNode> tags = new LinkedHashMap<>();
    /** Object key to object id; ids of untracked objects are given at the end, above every track id. */
    private final Map<String, Long> objects = new LinkedHashMap<>();
    private final Map<String, Long> figures = new LinkedHashMap<>();
    private final Map<String, Long> frames = new LinkedHashMap<>();
    private final Map<String, Long> itemTags = new LinkedHashMap<>();
    private final Set<Long> figureIdsUsed = new HashSet<>();
    private final Set<Long> framesUsed = new HashSet<>();
    private final Set<String> mediaTargets = new HashSet<>();
    private long untrackedObjects;
    private long figureCount;

    SlyWriter(DatasetOutput output, Problems problems) {
        this.output = output;
        this.problems = problems;
    }

    @Override
    public void begin(Categories declared) {
        this.categories = declared;
        for (String common : declared.commonAttributes()) {
            tag(common, SlyMeta.OBJECTS_ONLY);
        }
        for (Label label : declared.labels()) {
            for (AttributeDef attribute : label.attributes()) {
                ObjectNode tag = tag(attribute.name(), SlyMeta.OBJECTS_ONLY);
                ArrayNode classes = (ArrayNode) tag.get("classes");
                if (classes.size() > 0 || !declared.commonAttributes().contains(attribute.name())) {
                    classes.add(label.name());
                }
            }
        }
    }

    /** The tag definition of this name, registered as {@code applicable} when new, widened to {@code all} when used both ways. */
    private ObjectNode tag(String name, String applicable) {
        ObjectNode tag = tags.get(name);
        if (tag == null) {
            tag = NODES.objectNode();
            tag.put("name", name);
            tag.putNull("value_type");
            tag.put("color", "");
            tag.put("id", tags.size() + 1);
            tag.put("hotkey", "");
            tag.put("applicable_type", applicable);
            tag.putArray("classes");
            tags.put(name, tag);
        } else if (!tag.get("applicable_type").asText().equals(applicable)) {
            tag.put("applicable_type", SlyMeta.ALL);
        }
        return tag;
    }

    private void typed(ObjectNode tag, Object value) {
        String type = value instanceof Number ? "any_number" : "any_string";
        if (tag.get("value_type").isNull()) {
            tag.put("value_type", type);
        } else if (!tag.get("value_type").asText().equals(type)) {
            tag.put("value_type", "any_string");
        }
    }

    @Override
    public void write(Item original) throws IOException {
        Item item = FileNames.withPathId(original, problems, FORMAT);
        String frameKey = key("frame", frames.size());
        frames.put(frameKey, frameOf(item));
        ObjectNode ann = NODES.objectNode();
        Object description = item.attributes().get(SlyLayout.DESCRIPTION);
        ann.put(SlyLayout.DESCRIPTION, description == null ? "" : String.valueOf(description));
        ann.put("key", frameKey);
        ArrayNode itemTagList = ann.putArray("tags");
        item.attributes().forEach((name, value) -> {
            if (!name.equals(SlyLayout.FRAME) && !name.equals(SlyLayout.DESCRIPTION)) {
                String tagKey = key("tag", itemTags.size());
                itemTags.put(tagKey, (long) itemTags.size() + 1);
                ObjectNode tag = itemTagList.addObject().put("key", tagKey).put("name", name);
                putValue(tag, value);
                typed(tag(name, SlyMeta.IMAGES_ONLY), value);
            }
        });
        ArrayNode objectList = ann.putArray("objects");
        ArrayNode figureList = ann.putArray("figures");
        Set<String> objectsHere = new HashSet<>();
        for (Annotation annotation : item.annotations()) {
            if (annotation instanceof Cuboid3d cuboid) {
                figure(cuboid, objectList, figureList, objectsHere);
            }
        }
        output.text(SlyLayout.DATASET + "/" + SlyLayout.ANNOTATIONS + item.id() + cloudExtension(item.media())
                + SlyLayout.ANNOTATION_SUFFIX, ann.toPrettyString());
        copyMedia(item);
    }

    private long frameOf(Item item) {
        Long frame = item.frame();
        if (frame == null || frame < 0 || !framesUsed.add(frame)) {
            long next = framesUsed.stream().mapToLong(Long::longValue).max().orElse(-1) + 1;
            if (frame != null) {
                problems.item(item.id(), "frame " + frame + " is taken by an earlier item (or is negative): written"
                        + " as frame " + next);
            }
            framesUsed.add(next);
            return next;
        }
        return frame;
    }

    private void figure(Cuboid3d cuboid, ArrayNode objectList, ArrayNode figureList, Set<String> objectsHere) {
        var track = cuboid.info().track();
        String objectKey = track != null ? key("track", track.id()) : key("object", untrackedObjects++);
        objects.putIfAbsent(objectKey, track != null ? track.id() : null);
        String label = categories.nameOf(cuboid.label());
        if (objectsHere.add(objectKey)) {
            ObjectNode object = objectList.addObject();
            object.put("key", objectKey);
            object.put("classTitle", label);
            ArrayNode objectTags = object.putArray("tags");
            cuboid.info().attributes().forEach((name, value) -> {
                ObjectNode tag = objectTags.addObject().put("key", key("object tag " + objectKey, objectTags.size()))
                        .put("name", name);
                putValue(tag, value);
                ObjectNode def = tag(name, SlyMeta.OBJECTS_ONLY);
                typed(def, value);
                ArrayNode classes = (ArrayNode) def.get("classes");
                boolean listed = false;
                for (var c : classes) {
                    listed |= c.asText().equals(label);
                }
                if (classes.size() > 0 && !listed) {
                    classes.add(label);
                }
            });
        }
        String figureKey = key("figure", figureCount++);
        long id = cuboid.info().id();
        figures.put(figureKey, id > 0 && figureIdsUsed.add(id) ? id : null);
        ObjectNode figure = figureList.addObject();
        figure.put("key", figureKey);
        figure.put("objectKey", objectKey);
        figure.put("geometryType", "cuboid_3d");
        ObjectNode geometry = figure.putObject("geometry");
        xyz(geometry.putObject("position"), cuboid.position());
        xyz(geometry.putObject("rotation"), cuboid.rotation());
        xyz(geometry.putObject("dimensions"), cuboid.scale());
        if (track != null) {
            figure.put("keyframe", track.keyframe());
        }
    }

    private static void xyz(ObjectNode node, List<Double> values) {
        node.put("x", values.get(0));
        node.put("y", values.get(1));
        node.put("z", values.get(2));
    }

    /** Booleans as {@code "true"}/{@code "false"}, as Supervisely stores them. */
    private static void putValue(ObjectNode tag, Object value) {
        if (value instanceof Long || value instanceof Integer) {
            tag.put("value", ((Number) value).longValue());
        } else if (value instanceof Number n) {
            tag.put("value", n.doubleValue());
        } else {
            tag.put("value", AttributeText.format(value));
        }
    }

    private static String key(String what, long n) {
        return UUID.nameUUIDFromBytes((what + " " + n).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** {@code ds0/pointcloud/<id><ext>}; related images to {@code ds0/related_images/<id>_pcd/<name>} with a camera file. */
    private void copyMedia(Item item) throws IOException {
        Media media = item.media();
        if (!media.isPointCloud()) {
            return;
        }
        String dataset = SlyLayout.DATASET + "/";
        if (media.hasPath()) {
            copy(media, dataset + SlyLayout.POINT_CLOUDS + item.id() + cloudExtension(media));
        }
        String folder = dataset + SlyLayout.RELATED_IMAGES + item.id() + SlyLayout.RELATED_SUFFIX + "/";
        List<Media> related = media.relatedImages().stream().filter(Media::hasPath)
                .sorted(Comparator.comparing(Media::path)).toList();
        for (Media image : related) {
            String name = FileNames.segment(image.path().substring(image.path().lastIndexOf('/') + 1));
            if (copy(image, folder + name)) {
                output.text(folder + name + ".json", camera(name));
            }
        }
    }

    /** The camera file Supervisely keeps beside a related image (sensor matrices unknown: zeros, as Datumaro writes). */
    private static String camera(String name) {
        ObjectNode camera = NODES.objectNode();
        camera.put("name", name);
        ObjectNode sensors = camera.putObject("meta").putObject("sensorsData");
        ArrayNode extrinsic = sensors.putArray("extrinsicMatrix");
        for (int i = 0; i < 12; i++) {
            extrinsic.add(0);
        }
        ArrayNode intrinsic = sensors.putArray("intrinsicMatrix");
        for (int i = 0; i < 9; i++) {
            intrinsic.add(0);
        }
        return camera.toPrettyString();
    }

    /** The point cloud's extension, which the annotation file's name repeats ({@code <id>.pcd.json}). */
    private static String cloudExtension(Media media) {
        return media.isPointCloud() && !media.extension().isEmpty() ? media.extension() : ".pcd";
    }

    private boolean copy(Media media, String target) throws IOException {
        if (!mediaTargets.add(target)) {
            return false;
        }
        output.copyMedia(media, target);
        return true;
    }

    @Override
    public void finish() throws IOException {
        ObjectNode meta = NODES.objectNode();
        ArrayNode classes = meta.putArray("classes");
        for (int i = 0; i < categories.labels().size(); i++) {
            ObjectNode c = classes.addObject();
            c.put("id", i);
            c.put("title", categories.label(i).name());
            c.put("color", "");
            c.put("shape", "cuboid_3d");
            c.putObject("geometry_config");
        }
        ArrayNode tagList = meta.putArray("tags");
        for (ObjectNode tag : tags.values()) {
            if (tag.get("value_type").isNull()) {
                tag.put("value_type", "any_string");
            }
            tagList.add(tag);
        }
        meta.put("projectType", "point_clouds");
        output.text(SlyLayout.META, meta.toPrettyString());

        long nextObject = objects.values().stream().filter(java.util.Objects::nonNull).mapToLong(Long::longValue)
                .max().orElse(0) + 1;
        long nextFigure = figureIdsUsed.stream().mapToLong(Long::longValue).max().orElse(0) + 1;
        ObjectNode keys = NODES.objectNode();
        ObjectNode tagIds = keys.putObject("tags");
        itemTags.forEach(tagIds::put);
        ObjectNode objectIds = keys.putObject("objects");
        for (Map.Entry<String, Long> object : objects.entrySet()) {
            objectIds.put(object.getKey(), object.getValue() != null ? object.getValue() : nextObject++);
        }
        ObjectNode figureIds = keys.putObject("figures");
        for (Map.Entry<String, Long> figure : figures.entrySet()) {
            figureIds.put(figure.getKey(), figure.getValue() != null ? figure.getValue() : nextFigure++);
        }
        ObjectNode frameIds = keys.putObject("videos");
        frames.forEach(frameIds::put);
        try (OutputStream out = output.entry(SlyLayout.KEY_ID_MAP)) {
            out.write(keys.toPrettyString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
