package org.labelbridge.format;

import org.labelbridge.model.AnnotationKind;

/**
 * Where readers and writers say what they could not carry over. Everything lossy goes
 * through here and ends in the conversion report: nothing is dropped silently.
 */
public interface Problems {

    /** An annotation of this kind was dropped, for this reason. */
    void dropped(String itemId, AnnotationKind kind, String reason);

    /** An annotation of this kind was kept but changed, for this reason. */
    void changed(String itemId, AnnotationKind kind, String reason);

    /** Something about the item itself (its size, its image, an attribute) was lost or guessed. */
    void item(String itemId, String message);

    /** A problem with the dataset as a whole (a label, a file). */
    void dataset(String message);

    /** Discards everything; for tests and detectors. */
    Problems IGNORE = new Problems() {
        @Override
        public void dropped(String itemId, AnnotationKind kind, String reason) {
        }

        @Override
        public void changed(String itemId, AnnotationKind kind, String reason) {
        }

        @Override
        public void item(String itemId, String message) {
        }

        @Override
        public void dataset(String message) {
        }
    };
}
