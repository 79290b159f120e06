package org.labelbridge.format.ultralytics;

/** Ultralytics YOLO Detection: boxes, {@code class cx cy w h}. See the package documentation. */
public final class UltralyticsDetectionFormat extends LabelFilesFormat {

    public UltralyticsDetectionFormat() {
        super(UltralyticsTask.DETECTION);
    }
}
