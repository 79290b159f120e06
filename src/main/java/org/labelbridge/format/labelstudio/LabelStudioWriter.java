package org.labelbridge.format.labelstudio;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.FileNames;
import org.labelbridge.format.common.SafeJson;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;

/**
 * Writes {@code tasks.json}, a list of tasks as Label Studio imports them (an item's image as
 * {@code images/<id>.<ext>}, referred to through local storage), and {@code label_config.xml},
 * the labeling config whose tags the results name. Results are grouped back into annotations by
 * their {@code annotator} attribute and into predictions by their {@code model_version}.
 */
final class LabelStudioWriter implements DatasetWriter {


    private final DatasetOutput output;
    private final Problems problems;
    private final LabelConfig config = new LabelConfig();
    private Categories categories;
    private JsonGenerator json;
    private final Set<String> paths = new HashSet<>();
    private final Set<Long> taskIds = new HashSet<>();
    private long nextTaskId = 1;
    private long nextSetId = 1;

    LabelStudioWriter(DatasetOutput output, Problems problems) {
        this.output = output;
        this.problems = problems;
    }

    @Override
    public void begin(Categories categories) throws IOException {
        this.categories = categories;
        json = SafeJson.FACTORY.createGenerator(output.deferred(LabelStudioLayout.TASKS_FILE));
        json.useDefaultPrettyPrinter();
        json.writeStartArray();
    }

    @Override
    public void write(Item item) throws IOException {
        String path = imagePath(item);
        output.copyMedia(item.media(), path);
        ObjectNode task = SafeJson.TREES.createObjectNode();
        task.put("id", taskId(item));
        ObjectNode data = task.putObject("data");
        data.put(LabelStudioLayout.IMAGE_KEY, LabelStudioLayout.LOCAL_FILES + path);
        item.attributes().forEach((name, value) -> {
            if (name.equals(LabelStudioLayout.IMAGE_KEY)) {
                problems.item(item.id(), "item attribute 'image' is not kept: data.image is the image itself");
            } else if (!name.equals("id")) {
                data.set(name, DataValues.node(value));
            }
        });
        ArrayNode annotations = task.putArray("annotations");
        ArrayNode predictions = task.putArray("predictions");
        RegionWriter regions = new RegionWriter(item, categories, config, problems);
        for (Map.Entry<SetKey, List<Annotation>> set : sets(item).entrySet()) {
            SetKey key = set.getKey();
            ObjectNode node = key.prediction() ? predictions.addObject() : annotations.addObject();
            node.put("id", nextSetId++);
            if (key.prediction()) {
                node.put("model_version", key.who().toString());
                Double score = meanScore(set.getValue());
                if (score != null) {
                    node.put("score", score);
                }
            } else {
                // Not completed_by: Label Studio refuses an import whose completed_by is no member of its
                // organisation; without it the importing user is the annotator, and meta keeps who it was.
                if (key.who() != null) {
                    annotators(task).set(String.valueOf(node.path("id").asLong()), DataValues.node(key.who()));
                }
                node.put("was_cancelled", false);
                node.put("ground_truth", false);
            }
            node.set("result", regions.results(set.getValue(), key.prediction()));
        }
        SafeJson.TREES.writeTree(json, task);
    }

    @Override
    public void finish() throws IOException {
        json.writeEndArray();
        json.close();
        config.write(output, categories);
    }

    private static ObjectNode annotators(ObjectNode task) {
        ObjectNode meta = task.has("meta") ? (ObjectNode) task.get("meta") : task.putObject("meta");
        return meta.has(LabelStudioLayout.META_ANNOTATORS) ? (ObjectNode) meta.get(LabelStudioLayout.META_ANNOTATORS)
                : meta.putObject(LabelStudioLayout.META_ANNOTATORS);
    }

    /** Who made each annotation: one annotation per annotator, one prediction per model version. */
    private static Map<SetKey, List<Annotation>> sets(Item item) {
        Map<SetKey, List<Annotation>> sets = new LinkedHashMap<>();
        for (Annotation a : item.annotations()) {
            Object version = a.attributes().get(LabelStudioLayout.MODEL_VERSION);
            boolean prediction = version != null || a.attributes().get(LabelStudioLayout.SCORE) instanceof Number;
            SetKey key = prediction ? new SetKey(true, version == null ? "" : version.toString())
                    : new SetKey(false, a.attributes().get(LabelStudioLayout.ANNOTATOR));
            sets.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
        }
        return sets;
    }

    private record SetKey(boolean prediction, Object who) {
    }

    private static Double meanScore(List<Annotation> annotations) {
        double sum = 0;
        int n = 0;
        for (Annotation a : annotations) {
            if (a.attributes().get(LabelStudioLayout.SCORE) instanceof Number score) {
                sum += score.doubleValue();
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }

    /** {@code images/<id><ext>}, unique: two items of one id (from two subsets) get a number. */
    private String imagePath(Item item) {
        String extension = item.media().extension().isEmpty() ? ".jpg" : item.media().extension();
        String base = LabelStudioLayout.IMAGES + "/" + FileNames.path(item.id());
        String path = base + extension;
        for (int n = 2; !paths.add(path); n++) {
            path = base + "_" + n + extension;
        }
        if (!path.equals(base + extension)) {
            problems.item(item.id(), "its image is written as '" + path + "': another item has its id");
        }
        return path;
    }

    /** The item's own task id ({@code id} attribute) where no other task has it, else the next free one. */
    private long taskId(Item item) {
        if (item.attributes().get("id") instanceof Number n && taskIds.add(n.longValue())) {
            return n.longValue();
        }
        while (!taskIds.add(nextTaskId)) {
            nextTaskId++;
        }
        return nextTaskId;
    }
}
