package org.labelbridge.format.coco;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Detection;
import org.labelbridge.format.Feature;
import org.labelbridge.format.Format;
import org.labelbridge.format.FormatDescriptor;
import org.labelbridge.format.Problems;
import org.labelbridge.format.coco.CocoLayout.TaskFile;
import org.labelbridge.model.AnnotationKind;

/**
 * COCO Keypoints 1.0 as CVAT names it: {@code annotations/person_keypoints_<subset>.json}, skeletons
 * as keypoints with the box and polygons of their group alongside. Shares COCO 1.0's reader, which
 * here also gives a keypoint object's box when it is more than the frame of its keypoints.
 */
public final class CocoKeypointsFormat implements Format {

    /**
     * Skeletons, with the boxes and polygons of their group (the writer drops those outside a
     * skeleton's group). No plain points and no unlabelled objects: every object's keypoints are
     * those its category names, as CVAT's importer reads them.
     */
    private static final FormatDescriptor DESCRIPTOR = new FormatDescriptor("coco_keypoints", "COCO Keypoints 1.0",
            true, true,
            EnumSet.of(AnnotationKind.SKELETON, AnnotationKind.BBOX, AnnotationKind.POLYGON),
            EnumSet.of(Feature.ANNOTATION_ATTRIBUTES, Feature.TRACKS, Feature.GROUPS, Feature.SUBSETS),
            ".json");

    private final CocoFormat coco = new CocoFormat();

    @Override
    public FormatDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * Where COCO 1.0 sees COCO JSON and every task file is person_keypoints (COCO 1.0 then scores
     * itself a step lower): strong when COCO 1.0 would be, else one step below it. Declines a
     * dataset with other tasks, which COCO 1.0 reads whole.
     */
    @Override
    public Detection detect(DatasetSource source) throws IOException {
        List<TaskFile> files = CocoLayout.taskFiles(source);
        if (files.isEmpty() || !files.stream().allMatch(f -> f.task() == CocoTask.PERSON_KEYPOINTS)) {
            return Detection.NONE;
        }
        Detection asCoco = coco.detect(source);
        if (!asCoco.matched()) {
            return Detection.NONE;
        }
        int confidence = asCoco.confidence() == Detection.MEDIUM ? Detection.STRONG : Detection.MEDIUM;
        return new Detection(confidence, asCoco.evidence());
    }

    @Override
    public DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        return CocoReader.open(source, problems, true);
    }

    @Override
    public DatasetWriter writer(DatasetOutput output, Problems problems) {
        return new CocoWriter(output, problems, false, CocoTask.PERSON_KEYPOINTS);
    }
}
