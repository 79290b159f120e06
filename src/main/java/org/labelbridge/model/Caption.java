package org.labelbridge.model;

import java.util.Objects;

/** A free text description of the item. */
public record Caption(AnnotationInfo info, String text) implements Annotation {

    public Caption {
        Objects.requireNonNull(text, "caption text");
    }

    @Override
    public AnnotationKind kind() {
        return AnnotationKind.CAPTION;
    }

    @Override
    public Caption withInfo(AnnotationInfo newInfo) {
        return new Caption(newInfo, text);
    }
}
