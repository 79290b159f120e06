package org.labelbridge.format.ultralytics;

/**
 * Ultralytics YOLO Pose: skeletons, {@code class cx cy w h px py [v] ...} with {@code kpt_shape}
 * in data.yaml. See the package documentation.
 */
public final class UltralyticsPoseFormat extends LabelFilesFormat {

    public UltralyticsPoseFormat() {
        super(UltralyticsTask.POSE);
    }
}
