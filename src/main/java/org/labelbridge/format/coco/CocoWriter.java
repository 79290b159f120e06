package org.labelbridge.format.coco;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.FileNames;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;

/**
 * Writes COCO 1.0 as CVAT exports it: {@code annotations/instances_<subset>.json} per subset
 * (streamed), images copied to {@code images/<subset>/}; or, for COCO Keypoints,
 * {@code annotations/person_keypoints_<subset>.json} the same way.
 */
final class CocoWriter implements DatasetWriter {

    private final DatasetOutput output;
    private final Problems problems;
    private final boolean compressedMasks;
    private final CocoTask task;
    private final Map<String, CocoSubsetWriter> subsets = new LinkedHashMap<>();
    private Categories categories;

    /** @param compressedMasks write mask counts as COCO's compressed string, not a list (CVAT's) */
    CocoWriter(DatasetOutput output, Problems problems, boolean compressedMasks) {
        this(output, problems, compressedMasks, CocoTask.INSTANCES);
    }

    /** @param task the file each subset gets: instances, or person_keypoints (COCO Keypoints) */
    CocoWriter(DatasetOutput output, Problems problems, boolean compressedMasks, CocoTask task) {
        this.task = task;
        this.output = output;
        this.problems = problems;
        this.compressedMasks = compressedMasks;
    }

    @Override
    public void begin(Categories categories) {
        this.categories = categories;
        if (categories.labels().stream().anyMatch(l -> !l.attributes().isEmpty())
                || !categories.commonAttributes().isEmpty()) {
            problems.dataset("attribute definitions (types, allowed values, defaults) are not kept: COCO has"
                    + " categories only; attribute values are written on each annotation");
        }
        if (!categories.colors().isEmpty()) {
            problems.dataset("label colours are not kept: COCO categories have none");
        }
        if (task == CocoTask.INSTANCES && !categories.skeletons().isEmpty()) {
            problems.dataset("skeleton layouts are not kept: COCO 1.0 writes instances only;"
                    + " skeleton node labels are written as categories");
        }
    }

    @Override
    public void write(Item given) throws IOException {
        Item item = FileNames.withPathId(given, problems, "COCO");
        subset(item.subset()).write(item);
    }

    @Override
    public void finish() throws IOException {
        if (subsets.isEmpty()) {
            subset(Item.DEFAULT_SUBSET);
        }
        for (CocoSubsetWriter subset : subsets.values()) {
            subset.finish();
        }
    }

    private CocoSubsetWriter subset(String name) throws IOException {
        CocoSubsetWriter subset = subsets.get(name);
        if (subset == null) {
            subset = new CocoSubsetWriter(name, task, categories, output, problems, compressedMasks);
            subsets.put(name, subset);
        }
        return subset;
    }
}
