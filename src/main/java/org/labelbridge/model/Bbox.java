package org.labelbridge.model;

/**
 * An axis-aligned box {@code x, y, w, h} in pixels, optionally rotated clockwise by
 * {@code rotation} degrees around its centre (CVAT's convention).
 */
public record Bbox(AnnotationInfo info, double x, double y, double w, double h, double rotation)
        implements Annotation {

    public Bbox(AnnotationInfo info, double x, double y, double w, double h) {
        this(info, x, y, w, h, 0);
    }

    @Override
    public AnnotationKind kind() {
        return AnnotationKind.BBOX;
    }

    @Override
    public Bbox withInfo(AnnotationInfo newInfo) {
        return new Bbox(newInfo, x, y, w, h, rotation);
    }

    public double x2() {
        return x + w;
    }

    public double y2() {
        return y + h;
    }

    /** The box from two corners. */
    public static Bbox fromCorners(AnnotationInfo info, double x1, double y1, double x2, double y2) {
        return new Bbox(info, x1, y1, x2 - x1, y2 - y1, 0);
    }
}
