package org.labelbridge.format.labelstudio;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.ImageFiles;
import org.labelbridge.format.common.ImageHeaders;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Item;
import org.labelbridge.model.Media;

/**
 * One task as an item: its image found in the archive, the results of its annotations and
 * predictions as annotations (see the package documentation for what each result becomes).
 * Errors name the file, the task and the result.
 */
final class TaskReader {

    private final DatasetSource source;
    private final Problems problems;
    private final ImageReferences images;
    private final Map<String, Integer> labels;
    private final Map<String, String> usedIds = new HashMap<>();

    TaskReader(DatasetSource source, Problems problems, ImageReferences images, Map<String, Integer> labels) {
        this.source = source;
        this.problems = problems;
        this.images = images;
        this.labels = labels;
    }

    /**
     * Every label name the task's results use, in order: region labels and whole-image choices
     * (choices of a region are its attribute, not a label); cancelled annotations are not read.
     */
    static void labelNames(JsonNode task, Consumer<String> names) {
        for (JsonNode set : resultSets(task)) {
            if (set.path("was_cancelled").asBoolean(false)) {
                continue;
            }
            java.util.Set<String> regions = new java.util.HashSet<>();
            for (JsonNode result : set.path("result")) {
                if (LabelledShape.isShape(result.path("type").asText("")) && result.path("id").isTextual()) {
                    regions.add(result.path("id").asText());
                }
            }
            for (JsonNode result : set.path("result")) {
                String type = result.path("type").asText("").toLowerCase(java.util.Locale.ROOT);
                boolean choices = type.equals(LabelStudioLayout.CHOICES)
                        && !regions.contains(result.path("id").asText(""));
                if (LabelledShape.isShape(type) || choices) {
                    for (JsonNode name : result.path("value").path(type)) {
                        if (name.isTextual()) {
                            names.accept(name.asText());
                        }
                    }
                }
            }
        }
    }

    private static List<JsonNode> resultSets(JsonNode task) {
        List<JsonNode> sets = new ArrayList<>();
        task.path("annotations").forEach(sets::add);
        task.path("completions").forEach(sets::add); // Label Studio before 1.0
        task.path("predictions").forEach(sets::add);
        return sets;
    }

    /** The task's item, or {@code null} when it is no image task (reported). */
    Item read(JsonNode task, String where) throws IOException {
        if (!task.isObject()) {
            throw new FormatException(where + ": expected a task object, got " + task.getNodeType());
        }
        JsonNode data = task.path("data");
        String reference = imageReference(data);
        String taskName = task.path("id").isIntegralNumber() ? "task " + task.path("id").asLong() : where;
        if (reference == null) {
            problems.droppedItem(taskName, "its data has no image (data.image): not an image task");
            return null;
        }
        String entry = images.entry(reference);
        String id = uniqueId(entry != null ? itemIdOf(entry) : ImageFiles.stripExtension(
                ImageReferences.fileName(ImageReferences.path(reference))), taskName);
        if (entry == null) {
            problems.item(id, "its image '" + reference + "' is not in the archive (no image of that file name)");
        } else if (!entry.equals(reference)) {
            problems.item(id, "its image '" + reference + "' is the archive's '" + entry + "' (same file name)");
        }
        Media media = media(task, entry);
        List<Annotation> annotations = new ArrayList<>();
        Results results = new Results(id, media, labels, problems);
        for (String key : List.of("annotations", "completions", "predictions")) {
            boolean prediction = key.equals("predictions");
            int i = 0;
            for (JsonNode set : task.path(key)) {
                String at = where + ", " + key + "[" + i++ + "]";
                if (set.path("was_cancelled").asBoolean(false)) {
                    problems.item(id, "a cancelled (skipped) annotation is not kept, as Label Studio's converters"
                            + " leave it out");
                    continue;
                }
                annotations.addAll(results.read(set.path("result"), at, setAttributes(set, task, prediction)));
            }
        }
        return new Item(id, null, media, annotations, itemAttributes(task, reference, id));
    }

    /** The task id as {@code id}; the task's other data fields (single values, or lists of them) by name. */
    private Map<String, Object> itemAttributes(JsonNode task, String reference, String itemId) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (task.path("id").isIntegralNumber()) {
            attributes.put("id", task.path("id").asLong());
        }
        var fields = task.path("data").fields();
        while (fields.hasNext()) {
            var field = fields.next();
            JsonNode value = field.getValue();
            if (value.isTextual() && value.asText().equals(reference) || field.getKey().equals("id")) {
                continue;
            }
            Object kept = DataValues.of(value);
            if (kept == null) {
                problems.item(itemId, "data field '" + field.getKey() + "' is not kept: it is no text, number or yes/no"
                        + " (or list of them)");
            } else {
                attributes.put(field.getKey(), kept);
            }
        }
        return attributes;
    }

    /** {@code data.image}, else the first data value that names an image file. */
    static String imageReference(JsonNode data) {
        JsonNode image = data.path(LabelStudioLayout.IMAGE_KEY);
        if (image.isTextual() && !image.asText().isBlank()) {
            return image.asText();
        }
        var fields = data.fields();
        while (fields.hasNext()) {
            JsonNode value = fields.next().getValue();
            if (value.isTextual() && ImageFiles.isImage(ImageReferences.path(value.asText()))) {
                return value.asText();
            }
        }
        return null;
    }

    /** The entry's path without extension, and without the writer's {@code images/} folder. */
    private static String itemIdOf(String entry) {
        String id = ImageFiles.stripExtension(entry);
        String prefix = LabelStudioLayout.IMAGES + "/";
        return id.startsWith(prefix) && id.length() > prefix.length() ? id.substring(prefix.length()) : id;
    }

    /** Two tasks of one image (or of two images of one name) are two items: the later gets its task's name. */
    private String uniqueId(String id, String taskName) {
        String unique = id;
        for (int n = 2; usedIds.containsKey(unique); n++) {
            unique = id + "_" + taskName.replace(' ', '_') + (n == 2 ? "" : "_" + n);
        }
        usedIds.put(unique, taskName);
        if (!unique.equals(id)) {
            problems.item(unique, "another task has the image '" + id + "' too: this one is item '" + unique + "'");
        }
        return unique;
    }

    /** The size the results give (their percentages are of it), else the image's header. */
    private Media media(JsonNode task, String entry) throws IOException {
        for (JsonNode set : resultSets(task)) {
            for (JsonNode result : set.path("result")) {
                int width = result.path("original_width").asInt(0);
                int height = result.path("original_height").asInt(0);
                if (width > 0 && height > 0) {
                    return new Media(entry, width, height);
                }
            }
        }
        return entry == null ? Media.NONE : ImageHeaders.media(source, entry);
    }

    /**
     * Who made the results ({@code completed_by}: a user id, or the user object whose email is
     * kept; else the task's {@code meta.annotators} entry for the annotation), or the model and its
     * score (predictions).
     */
    private static Map<String, Object> setAttributes(JsonNode set, JsonNode task, boolean prediction) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (prediction) {
            JsonNode version = set.path("model_version");
            attributes.put(LabelStudioLayout.MODEL_VERSION, version.isValueNode() && !version.isNull()
                    ? version.asText() : "");
            if (set.path("score").isNumber()) {
                attributes.put(LabelStudioLayout.SCORE, set.path("score").asDouble());
            }
            return attributes;
        }
        JsonNode by = set.path("completed_by");
        if (by.isMissingNode() || by.isNull()) {
            // our writer's place for it (see LabelStudioWriter)
            by = task.path("meta").path(LabelStudioLayout.META_ANNOTATORS).path(set.path("id").asText(""));
        }
        if (by.isIntegralNumber()) {
            attributes.put(LabelStudioLayout.ANNOTATOR, by.asLong());
        } else if (by.isTextual()) {
            attributes.put(LabelStudioLayout.ANNOTATOR, by.asText());
        } else if (by.isObject()) {
            JsonNode email = by.path("email");
            if (email.isTextual() && !email.asText().isEmpty()) {
                attributes.put(LabelStudioLayout.ANNOTATOR, email.asText());
            } else if (by.path("id").isIntegralNumber()) {
                attributes.put(LabelStudioLayout.ANNOTATOR, by.path("id").asLong());
            }
        }
        return attributes;
    }
}
