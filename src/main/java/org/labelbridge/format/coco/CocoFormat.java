package org.labelbridge.format.coco;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;
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
import org.labelbridge.format.common.TextFiles;
import org.labelbridge.model.AnnotationKind;

/**
 * COCO 1.0 as CVAT names it: reads every COCO task (instances, person_keypoints, stuff, labels,
 * captions, image_info; panoptic segments as masks), writes instances, as CVAT's export does.
 */
public final class CocoFormat implements Format {

    private static final FormatDescriptor DESCRIPTOR = new FormatDescriptor("coco", "COCO 1.0", true, true,
            EnumSet.of(AnnotationKind.BBOX, AnnotationKind.POLYGON, AnnotationKind.MASK),
            EnumSet.of(Feature.ANNOTATION_ATTRIBUTES, Feature.TRACKS, Feature.GROUPS, Feature.SUBSETS),
            ".json");

    /** How far into a file the detector looks for COCO's keys. */
    private static final int HEAD = 1 << 16;
    /**
     * COCO's {@code "images": [}, or a document opening with {@code {"licenses": [} as CVAT's
     * export and this writer's do (their images list may come late).
     */
    private static final Pattern COCO_KEYS = Pattern.compile("\"images\"\\s*:\\s*\\[|^\\s*\\{\\s*\"licenses\"\\s*:\\s*\\[");

    @Override
    public FormatDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * Strong when a task file is where COCO puts it, or named {@code <task>_<subset>.json}, and
     * starts like COCO JSON ({@link #COCO_KEYS} in its head); medium for a lone JSON named after no
     * task that starts so. Files outside {@code annotations/} must show those keys. Person keypoints
     * alone score one step lower, so that COCO Keypoints wins them.
     */
    @Override
    public Detection detect(DatasetSource source) throws IOException {
        List<TaskFile> files = CocoLayout.taskFiles(source);
        if (files.isEmpty()) {
            return Detection.NONE;
        }
        TaskFile probe = files.get(0);
        String body = TextFiles.head(source, probe.path(), HEAD);
        if (!body.stripLeading().startsWith("{")) {
            return Detection.NONE;
        }
        boolean cocoKeys = COCO_KEYS.matcher(body).find();
        if (!cocoKeys && !CocoLayout.inAnnotationsDir(probe)) {
            return Detection.NONE;
        }
        boolean named = CocoTask.ofFileName(probe.path()) != null;
        int confidence = named && cocoKeys ? Detection.STRONG : Detection.MEDIUM;
        if (files.stream().allMatch(f -> f.task() == CocoTask.PERSON_KEYPOINTS)) {
            confidence = confidence == Detection.STRONG ? Detection.MEDIUM : Detection.WEAK;
        }
        return new Detection(confidence, probe.path());
    }

    @Override
    public DatasetReader reader(DatasetSource source, Problems problems) throws IOException {
        return CocoReader.open(source, problems);
    }

    @Override
    public DatasetWriter writer(DatasetOutput output, Problems problems) {
        return new CocoWriter(output, problems, false);
    }
}
