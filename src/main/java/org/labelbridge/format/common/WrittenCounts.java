package org.labelbridge.format.common;

import java.util.EnumMap;
import java.util.Map;
import org.labelbridge.format.ContentProblem;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Item;

/**
 * A writer's problems that keep count of the item being written as the report counts it out
 * (what the writer was given, less what it dropped, with what it converted), so that a writer
 * which always knows what its files read back as says so with {@link #wroteAs} only where that
 * differs: an item written as given is not reported as changed.
 */
public final class WrittenCounts implements Problems {

    private final Problems problems;
    private final Map<AnnotationKind, Integer> counts = new EnumMap<>(AnnotationKind.class);

    public WrittenCounts(Problems problems) {
        this.problems = problems;
    }

    /** Starts counting the item the writer is about to write. */
    public void start(Item item) {
        counts.clear();
        for (Annotation a : item.annotations()) {
            counts.merge(a.kind(), 1, Integer::sum);
        }
    }

    @Override
    public void dropped(String itemId, AnnotationKind kind, String reason) {
        counts.merge(kind, -1, Integer::sum);
        problems.dropped(itemId, kind, reason);
    }

    @Override
    public void changed(String itemId, AnnotationKind kind, String reason) {
        problems.changed(itemId, kind, reason);
    }

    @Override
    public void converted(String itemId, AnnotationKind from, int count, AnnotationKind to, int written,
                          String reason) {
        counts.merge(from, -count, Integer::sum);
        counts.merge(to, written, Integer::sum);
        problems.converted(itemId, from, count, to, written, reason);
    }

    /** Passes on only when {@code written} differs from the count so far; then counts it. */
    @Override
    public void wroteAs(String itemId, Map<AnnotationKind, Integer> written, String reason) {
        if (!nonZero(written).equals(nonZero(counts))) {
            problems.wroteAs(itemId, written, reason);
        }
        counts.clear();
        counts.putAll(written);
    }

    private static Map<AnnotationKind, Integer> nonZero(Map<AnnotationKind, Integer> counts) {
        Map<AnnotationKind, Integer> map = new EnumMap<>(AnnotationKind.class);
        counts.forEach((kind, n) -> {
            if (n != 0) {
                map.put(kind, n);
            }
        });
        return map;
    }

    @Override
    public void wroteCopies(String itemId, int copies, String reason) {
        problems.wroteCopies(itemId, copies, reason);
    }

    @Override
    public void droppedItem(String itemId, String reason) {
        counts.clear();
        problems.droppedItem(itemId, reason);
    }

    @Override
    public void item(String itemId, String message) {
        problems.item(itemId, message);
    }

    @Override
    public void dataset(String message) {
        problems.dataset(message);
    }

    @Override
    public void invalid(ContentProblem problem) throws FormatException {
        problems.invalid(problem);
        AnnotationKind kind = AnnotationKind.byId(problem.kind()); // skipped: taken off, as the report does
        if (kind != null) {
            counts.merge(kind, -1, Integer::sum);
        }
    }
}
