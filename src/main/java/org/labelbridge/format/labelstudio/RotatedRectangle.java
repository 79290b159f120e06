package org.labelbridge.format.labelstudio;

import org.labelbridge.model.AnnotationInfo;
import org.labelbridge.model.Bbox;

/**
 * Label Studio's rectangle: {@code x, y} its top-left corner and {@code width, height}, percent
 * of the image, turned clockwise by {@code rotation} degrees around that corner (so the top-right
 * corner is {@code (x, y) + width * (cos r, sin r)}, y down). The model's box turns the same way
 * around its centre.
 */
final class RotatedRectangle {

    private RotatedRectangle() {
    }

    static Bbox read(AnnotationInfo info, double x, double y, double width, double height, double rotation,
                     int imageWidth, int imageHeight) {
        double left = x / 100 * imageWidth;
        double top = y / 100 * imageHeight;
        double w = width / 100 * imageWidth;
        double h = height / 100 * imageHeight;
        if (rotation == 0) {
            return new Bbox(info, left, top, w, h);
        }
        double r = Math.toRadians(rotation);
        double cx = left + w / 2 * Math.cos(r) - h / 2 * Math.sin(r);
        double cy = top + w / 2 * Math.sin(r) + h / 2 * Math.cos(r);
        double turned = ((rotation % 360) + 360) % 360;
        return new Bbox(info, cx - w / 2, cy - h / 2, w, h, turned);
    }

    /** {@code x, y, width, height, rotation} of the box, percent of the image and degrees. */
    static double[] write(Bbox box, int imageWidth, int imageHeight) {
        if (box.rotation() == 0) {
            return new double[] {box.x() / imageWidth * 100, box.y() / imageHeight * 100, box.w() / imageWidth * 100,
                    box.h() / imageHeight * 100, 0};
        }
        double r = Math.toRadians(box.rotation());
        double cx = box.x() + box.w() / 2;
        double cy = box.y() + box.h() / 2;
        double left = cx - box.w() / 2 * Math.cos(r) + box.h() / 2 * Math.sin(r);
        double top = cy - box.w() / 2 * Math.sin(r) - box.h() / 2 * Math.cos(r);
        return new double[] {left / imageWidth * 100, top / imageHeight * 100, box.w() / imageWidth * 100,
                box.h() / imageHeight * 100, box.rotation()};
    }
}
