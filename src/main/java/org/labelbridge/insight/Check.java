package org.labelbridge.insight;

/**
 * The validation checks, each with its stable id (what reports, scripts and thresholds name),
 * its severity and what it finds.
 */
public enum Check {
    BOX_OUTSIDE_IMAGE("box_outside_image", Severity.ERROR, "boxes wholly outside their image"),
    BOX_PARTLY_OUTSIDE_IMAGE("box_partly_outside_image", Severity.WARNING,
            "boxes reaching beyond their image by more than outside_tolerance pixels"),
    ZERO_AREA("zero_area", Severity.ERROR, "boxes, polygons, ellipses and masks with no area"),
    NEAR_ZERO_AREA("near_zero_area", Severity.WARNING,
            "boxes, polygons, ellipses and masks smaller than near_zero_area square pixels"),
    DUPLICATE_ANNOTATION("duplicate_annotation", Severity.WARNING,
            "annotations repeating another of their item: same kind, label and coordinates"),
    DUPLICATE_IMAGE("duplicate_image", Severity.WARNING, "images with the same bytes as an earlier item's image"),
    LABEL_UNUSED("label_unused", Severity.WARNING, "labels declared but never used"),
    LABEL_RARE("label_rare", Severity.WARNING, "labels used fewer than rare_label times"),
    IMAGE_WITHOUT_ANNOTATIONS("image_without_annotations", Severity.INFO, "items without any annotation"),
    SKELETON_MISSING_NODES("skeleton_missing_nodes", Severity.WARNING,
            "skeletons lacking some of their declared nodes (absent or not given)"),
    TRACK_GAP("track_gap", Severity.WARNING,
            "tracks with frames between two of their shapes where they have none and were not marked outside");

    private final String id;
    private final Severity severity;
    private final String description;

    Check(String id, Severity severity, String description) {
        this.id = id;
        this.severity = severity;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    public String description() {
        return description;
    }
}
