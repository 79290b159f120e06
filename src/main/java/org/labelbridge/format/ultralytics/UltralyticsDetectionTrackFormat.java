package org.labelbridge.format.ultralytics;

/**
 * Ultralytics YOLO Detection Track: detection lines with the box's track id last,
 * {@code class cx cy w h track_id}, as CVAT exports it (a box of no track has no id). CVAT has no
 * importer of this name (its Ultralytics importers read the id); here it reads as detection does.
 * See the package documentation.
 */
public final class UltralyticsDetectionTrackFormat extends LabelFilesFormat {

    public UltralyticsDetectionTrackFormat() {
        super(UltralyticsTask.DETECTION_TRACK);
    }
}
