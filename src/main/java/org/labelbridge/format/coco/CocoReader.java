package org.labelbridge.format.coco;

import java.io.IOException;
import java.util.List;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.format.coco.CocoLayout.TaskFile;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;

/**
 * Reads every task file of a COCO dataset into one compact index, then yields one item per
 * image (subset and file name), with the annotations of all its tasks.
 */
final class CocoReader implements DatasetReader {

    private final CocoIndex index;
    private final Categories categories;
    private final Problems problems;
    private int next;

    private CocoReader(CocoIndex index, Problems problems) {
        this.index = index;
        this.categories = index.labels().categories();
        this.problems = problems;
    }

    static CocoReader open(DatasetSource source, Problems problems) throws IOException {
        return open(source, problems, false);
    }

    /**
     * @param keypointBoxes give a person_keypoints object's {@code bbox} as a box of its group when it
     *                      is not just the frame of its visible keypoints (COCO Keypoints' reading)
     */
    static CocoReader open(DatasetSource source, Problems problems, boolean keypointBoxes) throws IOException {
        List<TaskFile> files = CocoLayout.taskFiles(source);
        if (files.isEmpty()) {
            throw FormatException.at(source.describe(""), null, "no COCO annotation file: expected "
                    + CocoLayout.ANNOTATIONS_DIR + "/<task>_<subset>.json, e.g. "
                    + CocoLayout.annotationFile("train"));
        }
        for (String stray : CocoLayout.strayFiles(source)) {
            problems.dataset(source.describe(stray) + ": not read: its name starts with no COCO task"
                    + " (instances_, person_keypoints_, stuff_, labels_, captions_, image_info_, panoptic_)");
        }
        CocoIndex index = new CocoIndex();
        for (int i = 0; i < files.size(); i++) {
            new CocoFileParser(index, source, problems, files.get(i), i, keypointBoxes).parse();
        }
        index.settleLabels(problems);
        index.sortByItem();
        return new CocoReader(index, problems);
    }

    @Override
    public Categories categories() {
        return categories;
    }

    @Override
    public Item next() {
        return next < index.itemCount() ? index.item(next++, problems) : null;
    }
}
