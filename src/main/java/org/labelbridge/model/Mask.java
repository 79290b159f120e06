package org.labelbridge.model;

/** A pixel mask over the whole image, run-length encoded. */
public record Mask(AnnotationInfo info, Rle rle) implements Annotation {
    @Override
    public AnnotationKind kind() {
        return AnnotationKind.MASK;
    }

    @Override
    public Mask withInfo(AnnotationInfo newInfo) {
        return new Mask(newInfo, rle);
    }
}
