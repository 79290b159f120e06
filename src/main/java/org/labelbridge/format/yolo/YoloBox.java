package org.labelbridge.format.yolo;

import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;

/**
 * One line of a label file: a label id and a box given by its centre and size, each a
 * fraction of the image's width or height.
 */
record YoloBox(int label, double cx, double cy, double w, double h) {

    /** Scales before subtracting, so fractions of round pixel values come back exact. */
    Bbox toPixels(int width, int height) {
        double pw = w * width, ph = h * height;
        return new Bbox(AnnotationInfo.of(label), cx * width - pw / 2, cy * height - ph / 2, pw, ph);
    }

    boolean isFinite() {
        return Double.isFinite(cx) && Double.isFinite(cy) && Double.isFinite(w) && Double.isFinite(h);
    }

    static YoloBox fromPixels(int label, Bbox box, int width, int height) {
        return new YoloBox(label, (box.x() + box.w() / 2) / width, (box.y() + box.h() / 2) / height,
                box.w() / width, box.h() / height);
    }
}
