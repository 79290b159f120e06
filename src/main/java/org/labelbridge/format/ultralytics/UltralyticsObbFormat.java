package org.labelbridge.format.ultralytics;

/**
 * Ultralytics YOLO Oriented Bounding Boxes: rotated boxes by their corners,
 * {@code class x1 y1 ... x4 y4}. See the package documentation.
 */
public final class UltralyticsObbFormat extends LabelFilesFormat {

    public UltralyticsObbFormat() {
        super(UltralyticsTask.ORIENTED_BOXES);
    }
}
