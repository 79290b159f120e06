package org.labelbridge.format.ultralytics;

import java.util.Set;
import org.labelbridge.format.Feature;
import org.labelbridge.format.FormatDescriptor;
import org.labelbridge.model.AnnotationKind;

/** The five Ultralytics tasks, each a format of its own in CVAT, with what each can hold. */
enum UltralyticsTask {
    DETECTION("ultralytics_detection", "Ultralytics YOLO Detection 1.0", Set.of(AnnotationKind.BBOX),
            Set.of(Feature.SUBSETS), "boxes"),
    /** CVAT's detection with the track id last ({@code class cx cy w h track_id}); read as detection. */
    DETECTION_TRACK("ultralytics_detection_track", "Ultralytics YOLO Detection Track 1.0", Set.of(AnnotationKind.BBOX),
            Set.of(Feature.SUBSETS, Feature.TRACKS), "boxes"),
    SEGMENTATION("ultralytics_segmentation", "Ultralytics YOLO Segmentation 1.0",
            Set.of(AnnotationKind.POLYGON, AnnotationKind.MASK), Set.of(Feature.SUBSETS),
            "polygons (masks as their outlines)"),
    ORIENTED_BOXES("ultralytics_obb", "Ultralytics YOLO Oriented Bounding Boxes 1.0", Set.of(AnnotationKind.BBOX),
            Set.of(Feature.SUBSETS, Feature.ROTATION), "rotated boxes"),
    POSE("ultralytics_pose", "Ultralytics YOLO Pose 1.0", Set.of(AnnotationKind.SKELETON), Set.of(Feature.SUBSETS),
            "skeletons"),
    CLASSIFICATION("ultralytics_classification", "Ultralytics YOLO Classification 1.0", Set.of(AnnotationKind.TAG),
            Set.of(Feature.SUBSETS), "image labels (tags)");

    private final FormatDescriptor descriptor;
    private final String holds;

    UltralyticsTask(String id, String displayName, Set<AnnotationKind> kinds, Set<Feature> features, String holds) {
        this.descriptor = new FormatDescriptor(id, displayName, true, true, kinds, features, "");
        this.holds = holds;
    }

    FormatDescriptor descriptor() {
        return descriptor;
    }

    String displayName() {
        return descriptor.displayName();
    }

    /** What its label files hold, for messages: "boxes". */
    String holds() {
        return holds;
    }

    /** Whether its lines are detection lines, {@code class cx cy w h [track_id]}. */
    boolean detection() {
        return this == DETECTION || this == DETECTION_TRACK;
    }
}
