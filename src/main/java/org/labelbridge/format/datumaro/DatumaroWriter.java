package org.labelbridge.format.datumaro;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;

/**
 * Streams items into one {@code annotations/<subset>.json} per subset, each opened (deferred)
 * when its first item arrives and begun with the categories; images go to
 * {@code images/<subset>/<id><ext>}.
 */
final class DatumaroWriter implements DatasetWriter {

    private final DatasetOutput output;
    private final Problems problems;
    private final Map<String, SubsetFile> subsets = new LinkedHashMap<>();
    private final Map<String, String> fileNames = new LinkedHashMap<>();
    /** Image paths written so far: two items of a subset with one id would collide. */
    private final Set<String> imageTargets = new HashSet<>();
    private Categories categories;
    private int imagesMissing;
    private String firstMissing;

    DatumaroWriter(DatasetOutput output, Problems problems) {
        this.output = output;
        this.problems = problems;
    }

    /** One subset's JSON, open until {@link #finish}. */
    private static final class SubsetFile {
        final JsonGenerator json;
        final AnnotationWriter annotations;

        SubsetFile(JsonGenerator json, Categories categories, Problems problems) {
            this.json = json;
            this.annotations = new AnnotationWriter(json, categories, problems);
        }
    }

    @Override
    public void begin(Categories declared) {
        this.categories = declared;
        CategoriesWriter.reportLosses(declared, problems);
    }

    @Override
    public void write(Item item) throws IOException {
        String subset = fileName(item.subset());
        SubsetFile file = subsets.get(subset);
        if (file == null) {
            file = open(subset);
        }
        JsonGenerator json = file.json;
        json.writeStartObject();
        json.writeStringField("id", item.id());
        json.writeArrayFieldStart("annotations");
        for (Annotation annotation : item.annotations()) {
            Integer label = annotation.label();
            if (label != null && (label < 0 || label >= categories.labels().size())) {
                problems.dropped(item.id(), annotation.kind(), "label index " + label + " is not declared");
                continue;
            }
            file.annotations.write(item.id(), annotation);
        }
        json.writeEndArray();
        if (!item.attributes().isEmpty()) {
            json.writeObjectFieldStart("attr");
            for (Map.Entry<String, Object> entry : item.attributes().entrySet()) {
                json.writeFieldName(entry.getKey());
                if (!AttributeValues.write(json, entry.getValue())) {
                    problems.item(item.id(), "item attribute '" + entry.getKey() + "' = " + entry.getValue()
                            + " is written as text");
                }
            }
            json.writeEndObject();
        }
        Media media = item.media();
        if (media.isPointCloud()) {
            writePointCloud(json, item, subset);
        } else if (media.hasPath() || media.hasSize()) {
            json.writeObjectFieldStart("image");
            if (media.hasPath()) {
                json.writeStringField("path", copyImage(item, subset));
            }
            if (media.hasSize()) {
                json.writeArrayFieldStart("size");
                json.writeNumber(media.height());
                json.writeNumber(media.width());
                json.writeEndArray();
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    /**
     * Datumaro 3D, as its exporter writes it: {@code point_cloud} {path} copied to
     * {@code point_clouds/<subset>/<id><ext>}, and {@code related_images} [{path, size}] copied to
     * {@code related_images/<subset>/<id>/image_<i><ext>} (renamed, as two cameras' files may
     * share a name), in the order of their paths.
     */
    private void writePointCloud(JsonGenerator json, Item item, String subset) throws IOException {
        Media cloud = item.media();
        if (cloud.hasPath()) {
            json.writeObjectFieldStart("point_cloud");
            json.writeStringField("path", copy(item, cloud, DatumaroLayout.pointCloudFolder(subset),
                    item.id() + cloud.extension()));
            json.writeEndObject();
        }
        java.util.List<Media> related = cloud.relatedImages().stream().filter(Media::hasPath)
                .sorted(java.util.Comparator.comparing(Media::path)).toList();
        if (related.isEmpty()) {
            return;
        }
        json.writeArrayFieldStart("related_images");
        for (int i = 0; i < related.size(); i++) {
            Media image = related.get(i);
            String ext = image.extension().isEmpty() ? DatumaroLayout.DEFAULT_IMAGE_EXT : image.extension();
            json.writeStartObject();
            json.writeStringField("path", copy(item, image, DatumaroLayout.relatedImagesFolder(subset, item.id()),
                    "image_" + i + ext));
            if (image.hasSize()) {
                json.writeArrayFieldStart("size");
                json.writeNumber(image.height());
                json.writeNumber(image.width());
                json.writeEndArray();
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** Copies the image to {@code images/<subset>/<id><ext>}; returns its path there. */
    private String copyImage(Item item, String subset) throws IOException {
        String ext = item.media().extension();
        return copy(item, item.media(), DatumaroLayout.imageFolder(subset),
                item.id() + (ext.isEmpty() ? DatumaroLayout.DEFAULT_IMAGE_EXT : ext));
    }

    /** Copies a media file to {@code folder + name}; returns the name, which the JSON gives. */
    private String copy(Item item, Media media, String folder, String name) throws IOException {
        if (!isCleanRelative(folder + name)) {
            problems.item(item.id(), "the id is not a clean relative path, so its media file is not copied");
            return name;
        }
        String target = folder + name;
        if (!imageTargets.add(target)) {
            problems.item(item.id(), "an earlier item of subset '" + item.subset() + "' has the same id, so its"
                    + " media file " + target + " is not copied again");
            return name;
        }
        if (!output.copyMedia(media, target) && output.keepsMedia()) {
            if (imagesMissing++ == 0) {
                firstMissing = media.path();
            }
        }
        return name;
    }

    private static boolean isCleanRelative(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("//")
                || path.matches("^[A-Za-z]:.*")) {
            return false;
        }
        for (String part : path.split("/")) {
            if (part.equals("..") || part.equals(".")) {
                return false;
            }
        }
        return true;
    }

    /** A subset name usable as a file name (Datumaro refuses path separators in subsets). */
    private String fileName(String subset) {
        return fileNames.computeIfAbsent(subset, s -> {
            String clean = s.replace('/', '_').replace('\\', '_');
            if (clean.equals(".") || clean.equals("..")) {
                clean = clean.replace('.', '_');
            }
            if (!clean.equals(s)) {
                problems.dataset("subset '" + s + "' is written as '" + clean + "': a subset name is a file name");
            }
            return clean;
        });
    }

    private SubsetFile open(String subset) throws IOException {
        OutputStream out = output.deferred(DatumaroLayout.annotationFile(subset));
        JsonGenerator json = JsonInput.FACTORY.createGenerator(out, JsonEncoding.UTF8);
        json.writeStartObject();
        json.writeObjectFieldStart("info");
        json.writeEndObject();
        CategoriesWriter.write(json, categories);
        json.writeArrayFieldStart("items");
        SubsetFile file = new SubsetFile(json, categories, problems);
        subsets.put(subset, file);
        return file;
    }

    @Override
    public void finish() throws IOException {
        if (subsets.isEmpty()) {
            open(fileName(Item.DEFAULT_SUBSET)); // keeps the categories of an empty dataset
        }
        for (SubsetFile file : subsets.values()) {
            file.json.writeEndArray();
            file.json.writeEndObject();
            file.json.close();
        }
        if (imagesMissing > 0) {
            problems.dataset(imagesMissing + " image(s) are not in the source and were not copied (the first: "
                    + firstMissing + ")");
        }
    }
}
