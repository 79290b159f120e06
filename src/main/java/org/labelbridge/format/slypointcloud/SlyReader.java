package org.labelbridge.format.slypointcloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.format.common.PointCloudFiles;
import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Cuboid3d;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;
import org.labelbridge.model.Track;

/**
 * Yields one item per annotation file of each dataset folder ({@code ann/<name>.pcd.json}, in
 * name order), then one per point cloud without an annotation file (CVAT's task data has none).
 * Numeric ids come from {@code key_id_map.json}: the frame of the item's key, the id of each
 * figure, and the id of each object, which is the track id of its cuboids in every frame;
 * without the map, frames and objects are numbered in reading order.
 */
final class SlyReader implements DatasetReader {

    private record Entry(String dataset, String annotation, String pointCloud) {
    }

    private final DatasetSource source;
    private final Problems problems;
    private final SlyMeta meta;
    private final Map<String, Long> objectIds = new HashMap<>();
    private final Map<String, Long> figureIds = new HashMap<>();
    private final Map<String, Long> frameIds = new HashMap<>();
    private final Set<Long> framesUsed = new HashSet<>();
    private final Set<Long> framesMapped = new HashSet<>();
    private final List<Entry> entries = new ArrayList<>();
    private final String keyFile;
    private long nextObject;
    private long nextFrame;
    private int next;

    SlyReader(DatasetSource source, Problems problems) throws IOException {
        this.source = source;
        this.problems = problems;
        this.meta = SlyMeta.read(source);
        this.keyFile = source.describe(SlyLayout.KEY_ID_MAP);
        if (source.exists(SlyLayout.KEY_ID_MAP)) {
            JsonNode map = SlyJson.read(source, SlyLayout.KEY_ID_MAP);
            ids(map, "objects", objectIds);
            ids(map, "figures", figureIds);
            ids(map, "videos", frameIds);
        }
        framesMapped.addAll(frameIds.values());
        nextObject = objectIds.values().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
        nextFrame = frameIds.values().stream().mapToLong(Long::longValue).max().orElse(-1) + 1;
        List<String> datasets = SlyLayout.datasets(source);
        if (datasets.isEmpty()) {
            throw new FormatException(source.describe("") + ": no dataset folder (<dataset>/ann/ or <dataset>/pointcloud/)");
        }
        for (String dataset : datasets) {
            Set<String> annotated = new HashSet<>();
            String annotations = dataset + SlyLayout.ANNOTATIONS;
            for (String file : source.filesUnder(annotations)) {
                if (file.endsWith(SlyLayout.ANNOTATION_SUFFIX)) {
                    String name = file.substring(annotations.length(), file.length() - SlyLayout.ANNOTATION_SUFFIX.length());
                    annotated.add(name);
                    entries.add(new Entry(dataset, file, dataset + SlyLayout.POINT_CLOUDS + name));
                }
            }
            for (String file : source.filesUnder(dataset + SlyLayout.POINT_CLOUDS)) {
                String name = file.substring((dataset + SlyLayout.POINT_CLOUDS).length());
                if (PointCloudFiles.isPointCloud(file) && !annotated.contains(name)) {
                    entries.add(new Entry(dataset, null, file));
                }
            }
        }
    }

    private void ids(JsonNode map, String field, Map<String, Long> into) throws FormatException {
        JsonNode ids = map.path(field);
        var fields = ids.fields();
        while (fields.hasNext()) {
            var entry = fields.next();
            if (!entry.getValue().canConvertToLong() || !entry.getValue().isIntegralNumber()) {
                throw FormatException.at(keyFile, field + "." + entry.getKey(), "expected an integer id");
            }
            into.put(entry.getKey(), entry.getValue().asLong());
        }
    }

    @Override
    public Categories categories() {
        return meta.categories();
    }

    @Override
    public Item next() throws IOException {
        if (next >= entries.size()) {
            return null;
        }
        Entry entry = entries.get(next++);
        String name = entry.pointCloud().substring((entry.dataset() + SlyLayout.POINT_CLOUDS).length());
        String id = ImageFiles.stripExtension(name);
        Media media = Media.pointCloud(entry.pointCloud(), relatedImages(entry.dataset(), id));
        if (entry.annotation() == null) {
            return new Item(id, Item.DEFAULT_SUBSET, media, List.of(), Map.of(SlyLayout.FRAME, frame(null)));
        }
        return annotated(entry, id, media);
    }

    private Item annotated(Entry entry, String id, Media media) throws IOException {
        String file = source.describe(entry.annotation());
        JsonNode ann = SlyJson.read(source, entry.annotation());
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(SlyLayout.FRAME, frame(ann.path("key").asText(null)));
        attributes.put(SlyLayout.DESCRIPTION, ann.path(SlyLayout.DESCRIPTION).asText(""));
        int index = 0;
        for (JsonNode tag : SlyJson.array(ann, "tags", file, "tags")) {
            attributes.put(SlyJson.text(tag, "name", file, "tags[" + index++ + "]"), SlyJson.tagValue(tag.get("value")));
        }
        Map<String, JsonNode> objects = new HashMap<>();
        index = 0;
        for (JsonNode object : SlyJson.array(ann, "objects", file, "objects")) {
            objects.put(SlyJson.text(object, "key", file, "objects[" + index++ + "]"), object);
        }
        List<org.labelbridge.model.Annotation> cuboids = new ArrayList<>();
        index = 0;
        for (JsonNode figure : SlyJson.array(ann, "figures", file, "figures")) {
            String where = "figures[" + index++ + "]";
            String type = figure.path("geometryType").asText("cuboid_3d");
            if (!type.equals("cuboid_3d") && !type.equals("cuboid")) {
                problems.dropped(id, AnnotationKind.CUBOID_3D, file + " " + where + ": geometry '" + type
                        + "' is not a cuboid, not read");
                continue;
            }
            String objectKey = SlyJson.text(figure, "objectKey", file, where);
            JsonNode object = objects.get(objectKey);
            if (object == null) {
                throw FormatException.at(file, where, "objectKey '" + objectKey + "' is not among the file's objects");
            }
            cuboids.add(cuboid(figure, object, file, where));
        }
        return new Item(id, Item.DEFAULT_SUBSET, media, cuboids, attributes);
    }

    private Cuboid3d cuboid(JsonNode figure, JsonNode object, String file, String where) throws FormatException {
        String title = SlyJson.text(object, "classTitle", file, where + " object");
        int label = meta.categories().indexOf(title);
        if (label < 0) {
            throw FormatException.at(file, where, "class '" + title + "' is not declared in " + SlyLayout.META);
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (JsonNode tag : SlyJson.array(object, "tags", file, where + " object tags")) {
            attributes.put(SlyJson.text(tag, "name", file, where + " object tag"), SlyJson.tagValue(tag.get("value")));
        }
        for (String name : meta.attributesOf(label)) {
            SlyMeta.TagDef def = meta.tags().get(name);
            attributes.putIfAbsent(name, def == null ? "" : def.absentValue());
        }
        String objectKey = SlyJson.text(object, "key", file, where + " object");
        long objectId = objectIds.computeIfAbsent(objectKey, k -> nextObject++);
        JsonNode keyframe = figure.get("keyframe");
        Track track = new Track(objectId, keyframe == null || keyframe.asBoolean(true), false);
        long figureId = figureIds.getOrDefault(figure.path("key").asText(""), 0L);
        JsonNode geometry = figure.path("geometry");
        return new Cuboid3d(new AnnotationInfo(label, figureId, 0, 0, attributes, track),
                xyz(geometry, "position", file, where), xyz(geometry, "rotation", file, where),
                xyz(geometry, "dimensions", file, where));
    }

    private static List<Double> xyz(JsonNode geometry, String field, String file, String where) throws FormatException {
        JsonNode value = geometry.path(field);
        List<Double> xyz = new ArrayList<>(3);
        for (String axis : List.of("x", "y", "z")) {
            JsonNode n = value.get(axis);
            if (n == null || !n.isNumber()) {
                throw FormatException.at(file, where, "geometry." + field + "." + axis + " must be a number");
            }
            xyz.add(n.asDouble());
        }
        return xyz;
    }

    /** The frame of an item key, from the key map; else the next number no item has. */
    private long frame(String key) {
        Long frame = key == null ? null : frameIds.get(key);
        if (frame == null || !framesUsed.add(frame)) {
            while (framesUsed.contains(nextFrame) || framesMapped.contains(nextFrame)) {
                nextFrame++;
            }
            frame = nextFrame++;
            framesUsed.add(frame);
        }
        return frame;
    }

    /** The images in {@code related_images/<id>_pcd/} (their {@code .json} camera files are not kept). */
    private List<Media> relatedImages(String dataset, String id) {
        String folder = dataset + SlyLayout.RELATED_IMAGES + id + SlyLayout.RELATED_SUFFIX + "/";
        return source.filesIn(folder).stream().filter(ImageFiles::isImage).map(f -> new Media(f, null, null)).toList();
    }
}
