package org.labelbridge.format;

import org.labelbridge.model.AnnotationKind;

/**
 * Where readers and writers say what they could not carry over. Everything lossy goes
 * through here and ends in the conversion report: nothing is dropped silently.
 *
 * <p>The same calls mean the same thing wherever they are made; the pipeline gives readers and
 * writers each their own view, so that a reader's drop counts as read from the input and not
 * written, and a writer's drop is taken off what was counted as written. A reason should not
 * name the item, file or line (the report groups by reason and keeps example places apart): put
 * the place in {@code itemId}.
 */
public interface Problems {

    /** An annotation of this kind was dropped, for this reason. */
    void dropped(String itemId, AnnotationKind kind, String reason);

    /** An annotation of this kind was kept but changed, for this reason. */
    void changed(String itemId, AnnotationKind kind, String reason);

    /**
     * A writer wrote {@code count} annotations of kind {@code from} of the item as {@code written}
     * annotations of kind {@code to} (polygons painted into a mask, masks traced into polygons,
     * instances merged into one class mask): the report counts them out as what was written.
     */
    void converted(String itemId, AnnotationKind from, int count, AnnotationKind to, int written, String reason);

    /**
     * A writer wrote the annotations of the item it is writing as these counts per kind (shapes
     * painted into class or instance masks, instances merged, masks traced into polygons), where
     * one {@link #converted} per change would not say it: the report counts the item's
     * annotations out as written and says what changed. The counts are what the format's own
     * reader gives back for the item. Called while writing that item, after its own drops.
     */
    void wroteAs(String itemId, java.util.Map<AnnotationKind, Integer> written, String reason);

    /**
     * A writer wrote the item it is writing as {@code copies} items, which the format's own reader
     * gives back one by one (ImageNet folders: the image in each of its label folders, each read as
     * an item with that label): the report counts {@code copies} items out. The annotations stay
     * counted as written (say with {@link #wroteAs} what the copies hold together where it differs).
     * Called while writing that item.
     */
    void wroteCopies(String itemId, int copies, String reason);

    /**
     * The item (with all its annotations) is not in the output: a reader could not make it, or a
     * writer could not put it in its target. A writer calls it while writing that item.
     */
    void droppedItem(String itemId, String reason);

    /** Something about the item itself (its size, its image, an attribute) was lost or guessed. */
    void item(String itemId, String message);

    /** A problem with the dataset as a whole (a label, a file). */
    void dataset(String message);

    /**
     * Content that is wrong in the input: a label index outside the categories, a coordinate
     * that is no number... The conversion's {@code on_problem} policy decides: under
     * {@code fail} this throws, naming the place; under {@code skip} it returns and the caller
     * leaves the annotation (or, for a problem of the item, the item) out; it is listed in the
     * report either way.
     */
    void invalid(ContentProblem problem) throws FormatException;

    /** Discards everything and lets every problem pass (skips it); for tests and detectors. */
    Problems IGNORE = new Problems() {
        @Override
        public void dropped(String itemId, AnnotationKind kind, String reason) {
        }

        @Override
        public void changed(String itemId, AnnotationKind kind, String reason) {
        }

        @Override
        public void converted(String itemId, AnnotationKind from, int count, AnnotationKind to, int written,
                              String reason) {
        }

        @Override
        public void wroteAs(String itemId, java.util.Map<AnnotationKind, Integer> written, String reason) {
        }

        @Override
        public void wroteCopies(String itemId, int copies, String reason) {
        }

        @Override
        public void droppedItem(String itemId, String reason) {
        }

        @Override
        public void item(String itemId, String message) {
        }

        @Override
        public void dataset(String message) {
        }

        @Override
        public void invalid(ContentProblem problem) {
        }
    };
}
