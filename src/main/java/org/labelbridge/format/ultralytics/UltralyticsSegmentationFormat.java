package org.labelbridge.format.ultralytics;

/** Ultralytics YOLO Segmentation: polygons, {@code class x1 y1 x2 y2 ...}. See the package documentation. */
public final class UltralyticsSegmentationFormat extends LabelFilesFormat {

    public UltralyticsSegmentationFormat() {
        super(UltralyticsTask.SEGMENTATION);
    }
}
