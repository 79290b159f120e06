package org.labelbridge.model;

/** A label on the whole item (image-level classification). */
public record Tag(AnnotationInfo info) implements Annotation {
    @Override
    public AnnotationKind kind() {
        return AnnotationKind.TAG;
    }

    @Override
    public Tag withInfo(AnnotationInfo newInfo) {
        return new Tag(newInfo);
    }
}
