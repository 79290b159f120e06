package org.labelbridge.model;

/** An ellipse by centre and radii, rotated clockwise by {@code rotation} degrees (CVAT's form). */
public record Ellipse(AnnotationInfo info, double cx, double cy, double rx, double ry, double rotation)
        implements Annotation {
    @Override
    public AnnotationKind kind() {
        return AnnotationKind.ELLIPSE;
    }

    @Override
    public Ellipse withInfo(AnnotationInfo newInfo) {
        return new Ellipse(newInfo, cx, cy, rx, ry, rotation);
    }
}
