package org.labelbridge.format.coco;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.CocoRle;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Label;
import org.labelbridge.model.Mask;
import org.labelbridge.model.Media;
import org.labelbridge.model.Polygon;
import org.labelbridge.model.Rle;
import org.labelbridge.model.SkeletonDef;
import org.labelbridge.model.Track;

/**
 * One {@code instances_<subset>.json} (or {@code person_keypoints_<subset>.json}), streamed: header
 * and categories first, each annotation as its item comes, and the image list (kept small in
 * memory) last, after {@code annotations}: JSON keys have no order, and so the annotations never
 * wait in memory.
 */
final class CocoSubsetWriter {

    /** Datumaro writes an unknown size as 0 and reads 0 back as unknown; pycocotools takes it as the size. */
    private static final String UNKNOWN_SIZE = "image size unknown: written as width 0 and height 0, which COCO tools that"
            + " need the size (pycocotools' annToMask, frPyObjects) cannot use";

    /** An entry of {@code images}, written at the end. */
    private record ImageRow(long id, String fileName, int width, int height) {
    }

    private final String subset;
    private final CocoTask task;
    private final Categories categories;
    private final DatasetOutput output;
    private final Problems problems;
    private final boolean compressedMasks;
    private final JsonGenerator json;
    private final List<ImageRow> images = new ArrayList<>();
    private final LongIntMap imageIds = new LongIntMap();
    private final LongIntMap annotationIds = new LongIntMap();
    private long nextImageId = 1;
    private long nextAnnotationId = 1;

    /** @param task {@link CocoTask#INSTANCES} or {@link CocoTask#PERSON_KEYPOINTS} */
    CocoSubsetWriter(String subset, CocoTask task, Categories categories, DatasetOutput output, Problems problems,
                     boolean compressedMasks) throws IOException {
        this.subset = subset;
        this.task = task;
        this.categories = categories == null ? Categories.EMPTY : categories;
        this.output = output;
        this.problems = problems;
        this.compressedMasks = compressedMasks;
        this.json = CocoFileParser.JSON.createGenerator(output.deferred(CocoLayout.annotationFile(task, subset)));
        writeHeader(this.categories);
    }

    private void writeHeader(Categories categories) throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("licenses");
        json.writeStartObject();
        json.writeStringField("name", "");
        json.writeNumberField("id", 0);
        json.writeStringField("url", "");
        json.writeEndObject();
        json.writeEndArray();
        json.writeObjectFieldStart("info");
        for (String field : List.of("contributor", "date_created", "description", "url", "version", "year")) {
            json.writeStringField(field, "");
        }
        json.writeEndObject();
        json.writeArrayFieldStart("categories");
        List<Label> labels = categories.labels();
        Set<Integer> nodes = task == CocoTask.PERSON_KEYPOINTS ? nodeLabels(categories) : Set.of();
        for (int i = 0; i < labels.size(); i++) {
            if (nodes.contains(i)) {
                continue; // a keypoint name of its skeleton's category, never a category of its own
            }
            json.writeStartObject();
            json.writeNumberField("id", i + 1);
            json.writeStringField("name", labels.get(i).name());
            json.writeStringField("supercategory", labels.get(i).parent());
            if (task == CocoTask.PERSON_KEYPOINTS) {
                writeSkeletonDef(categories.skeletons().get(i), labels);
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("annotations");
    }

    /** The labels that are nodes of a skeleton. */
    private static Set<Integer> nodeLabels(Categories categories) {
        Set<Integer> nodes = new HashSet<>();
        categories.skeletons().values().forEach(def -> nodes.addAll(def.nodeLabels()));
        return nodes;
    }

    /**
     * The category's {@code keypoints} (node label names in node order) and 1-based {@code skeleton}
     * edges; both empty without a skeleton, as CVAT's importer needs both on every category.
     */
    private void writeSkeletonDef(SkeletonDef skeleton, List<Label> labels) throws IOException {
        json.writeArrayFieldStart("keypoints");
        for (int node : skeleton == null ? List.<Integer>of() : skeleton.nodeLabels()) {
            json.writeString(labels.get(node).name());
        }
        json.writeEndArray();
        json.writeArrayFieldStart("skeleton");
        for (SkeletonDef.Edge edge : skeleton == null ? List.<SkeletonDef.Edge>of() : skeleton.edges()) {
            json.writeStartArray();
            json.writeNumber(edge.from() + 1);
            json.writeNumber(edge.to() + 1);
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    void write(Item item) throws IOException {
        long imageId = imageId(item);
        String fileName = item.id() + (item.media().extension().isEmpty() ? ".jpg" : item.media().extension());
        output.copyMedia(item.media(), CocoLayout.imageFile(subset, fileName));
        Media media = item.media();
        images.add(new ImageRow(imageId, fileName, media.hasSize() ? media.width() : 0,
                media.hasSize() ? media.height() : 0));
        if (!media.hasSize()) {
            problems.item(item.id(), UNKNOWN_SIZE);
        }
        if (task == CocoTask.PERSON_KEYPOINTS) {
            for (KeypointObject object : KeypointObject.of(item, categories, problems)) {
                writeKeypointObject(object, imageId);
            }
            return;
        }
        for (CocoObject object : CocoObject.of(item, problems)) {
            if (object.first() instanceof Mask mask && media.hasSize()
                    && (mask.rle().width() != media.width() || mask.rle().height() != media.height())) {
                problems.dropped(item.id(), mask.kind(), "the mask is " + mask.rle().width() + "x"
                        + mask.rle().height() + ", its image " + media.width() + "x" + media.height()
                        + ": COCO masks cover their image");
                continue;
            }
            writeObject(CrowdConversion.apply(object, crowd(object.first()), item, problems), imageId);
        }
    }

    private void writeObject(CocoObject object, long imageId) throws IOException {
        Annotation first = object.first();
        json.writeStartObject();
        json.writeNumberField("id", annotationId(first.info().id()));
        json.writeNumberField("image_id", imageId);
        json.writeNumberField("category_id", first.label() == null ? 0 : first.label() + 1);
        double[] box;
        double area;
        json.writeFieldName("segmentation");
        if (first instanceof Mask mask) {
            writeRle(mask.rle());
            box = mask.rle().bbox();
            area = mask.rle().area();
        } else if (first instanceof Bbox bbox) {
            json.writeStartArray();
            json.writeEndArray();
            box = new double[] {bbox.x(), bbox.y(), bbox.w(), bbox.h()};
            area = bbox.w() * bbox.h();
        } else {
            json.writeStartArray();
            for (Polygon polygon : object.polygons()) {
                double[] points = polygon.points();
                json.writeArray(points, 0, points.length);
            }
            json.writeEndArray();
            box = Geometry.bounds(object.polygons());
            area = Geometry.area(object.polygons());
        }
        json.writeNumberField("area", area);
        json.writeArrayFieldStart("bbox");
        for (double v : box) {
            json.writeNumber(v);
        }
        json.writeEndArray();
        json.writeNumberField("iscrowd", crowd(first) ? 1 : 0);
        if (first.attributes().get("score") instanceof Number score) {
            json.writeNumberField("score", score.doubleValue());
        }
        writeAttributes(first);
        json.writeEndObject();
    }

    /**
     * A person_keypoints object: the keypoints' label and data, the group's polygons as its
     * segmentation, the group's box (else the labelled points' frame) as its bbox.
     */
    private void writeKeypointObject(KeypointObject object, long imageId) throws IOException {
        Annotation first = object.keypoints();
        json.writeStartObject();
        json.writeNumberField("id", annotationId(first.info().id()));
        json.writeNumberField("image_id", imageId);
        json.writeNumberField("category_id", first.label() == null ? 0 : first.label() + 1);
        json.writeArrayFieldStart("segmentation");
        for (Polygon polygon : object.polygons()) {
            double[] points = polygon.points();
            json.writeArray(points, 0, points.length);
        }
        json.writeEndArray();
        double[] keypoints = object.triplets();
        double[] box = object.box() != null
                ? new double[] {object.box().x(), object.box().y(), object.box().w(), object.box().h()}
                : Geometry.derivedKeypointBox(object.polygons(), keypoints);
        json.writeNumberField("area", object.polygons().isEmpty() ? box[2] * box[3] : Geometry.area(object.polygons()));
        json.writeArrayFieldStart("bbox");
        for (double v : box) {
            json.writeNumber(v);
        }
        json.writeEndArray();
        json.writeNumberField("iscrowd", crowd(first) ? 1 : 0);
        json.writeArrayFieldStart("keypoints");
        int labelled = 0;
        for (int k = 0; k < keypoints.length; k += 3) {
            json.writeNumber(keypoints[k]);
            json.writeNumber(keypoints[k + 1]);
            json.writeNumber((int) keypoints[k + 2]);
            labelled += keypoints[k + 2] > 0 ? 1 : 0;
        }
        json.writeEndArray();
        json.writeNumberField("num_keypoints", labelled);
        if (first.attributes().get("score") instanceof Number score) {
            json.writeNumberField("score", score.doubleValue());
        }
        writeAttributes(first);
        json.writeEndObject();
    }

    private void writeRle(Rle rle) throws IOException {
        json.writeStartObject();
        if (compressedMasks) {
            json.writeStringField("counts", CocoRle.encode(rle));
        } else {
            int[] counts = rle.counts();
            json.writeFieldName("counts");
            json.writeArray(counts, 0, counts.length);
        }
        json.writeArrayFieldStart("size");
        json.writeNumber(rle.height());
        json.writeNumber(rle.width());
        json.writeEndArray();
        json.writeEndObject();
    }

    /** {@code is_crowd} as a checkbox, a 0/1 number or text; a mask is a crowd unless it says not. */
    private static boolean crowd(Annotation annotation) {
        Object value = annotation.attributes().get("is_crowd");
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof String s && !s.isBlank()) {
            return s.equalsIgnoreCase("true") || s.equals("1");
        }
        return annotation instanceof Mask;
    }

    /** CVAT's {@code attributes} object: custom attributes, occluded, rotation, track_id, keyframe. */
    private void writeAttributes(Annotation annotation) throws IOException {
        Map<String, Object> attributes = annotation.attributes();
        Track track = annotation.info().track();
        double rotation = annotation instanceof Bbox bbox ? bbox.rotation() : 0;
        boolean any = track != null || rotation != 0 || attributes.keySet().stream().anyMatch(k -> !isTopLevel(k, attributes));
        if (!any) {
            return;
        }
        json.writeObjectFieldStart("attributes");
        for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
            if (!isTopLevel(attribute.getKey(), attributes)) {
                json.writeFieldName(attribute.getKey());
                writeValue(attribute.getValue());
            }
        }
        if (rotation != 0) {
            json.writeNumberField("rotation", rotation);
        }
        if (track != null) {
            json.writeNumberField("track_id", track.id());
            json.writeBooleanField("keyframe", track.keyframe());
        }
        json.writeEndObject();
    }

    /** Attributes COCO keeps as fields of the annotation itself. */
    private static boolean isTopLevel(String name, Map<String, Object> attributes) {
        return name.equals("is_crowd") || name.equals("score") && attributes.get("score") instanceof Number;
    }

    private void writeValue(Object value) throws IOException {
        if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number n) {
            json.writeNumber(n.doubleValue());
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                writeValue(element);
            }
            json.writeEndArray();
        } else {
            json.writeString(String.valueOf(value));
        }
    }

    /** The item's own {@code id} where it is free in this file, else the next free number. */
    private long imageId(Item item) {
        Object wanted = item.attributes().get("id");
        if (wanted instanceof Long || wanted instanceof Integer) {
            long id = ((Number) wanted).longValue();
            if (imageIds.put(id, 0) < 0) {
                return id;
            }
            long given = nextFree(imageIds, true);
            problems.item(item.id(), "image id " + id + " is taken by another image of subset '" + subset
                    + "'; written as " + given);
            return given;
        }
        return nextFree(imageIds, true);
    }

    private long annotationId(long wanted) {
        if (wanted != 0 && annotationIds.put(wanted, 0) < 0) {
            return wanted;
        }
        return nextFree(annotationIds, false);
    }

    private long nextFree(LongIntMap used, boolean images) {
        long id = images ? nextImageId : nextAnnotationId;
        while (used.containsKey(id)) {
            id++;
        }
        used.put(id, 0);
        if (images) {
            nextImageId = id + 1;
        } else {
            nextAnnotationId = id + 1;
        }
        return id;
    }

    void finish() throws IOException {
        json.writeEndArray();
        json.writeArrayFieldStart("images");
        for (ImageRow image : images) {
            json.writeStartObject();
            json.writeNumberField("id", image.id());
            json.writeNumberField("width", image.width());
            json.writeNumberField("height", image.height());
            json.writeStringField("file_name", image.fileName());
            json.writeNumberField("license", 0);
            json.writeStringField("flickr_url", "");
            json.writeStringField("coco_url", "");
            json.writeNumberField("date_captured", 0);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.close();
    }
}
