package org.labelbridge.testing;

import java.util.ArrayList;
import java.util.List;
import org.labelbridge.format.ContentProblem;
import org.labelbridge.format.Problems;
import org.labelbridge.model.AnnotationKind;

/**
 * Keeps what a reader or writer reported, for tests to assert on: every problem as one line in
 * {@link #lines} ({@code "dropped <item> <kind>: <reason>"}, {@code "changed ..."},
 * {@code "item <item>: <message>"}, {@code "dataset: <message>"}), and per action in
 * {@link #dropped}, {@link #changed}, {@link #items}, {@link #dataset} as
 * {@code "<item>: <kind>: <reason>"} / {@code "<item>: <message>"} / {@code "<message>"}.
 */
public final class RecordedProblems implements Problems {

    public final List<String> lines = new ArrayList<>();
    public final List<String> dropped = new ArrayList<>();
    public final List<String> changed = new ArrayList<>();
    public final List<String> items = new ArrayList<>();
    public final List<String> dataset = new ArrayList<>();
    public final List<ContentProblem> invalid = new ArrayList<>();

    @Override
    public void dropped(String itemId, AnnotationKind kind, String reason) {
        lines.add("dropped " + itemId + " " + kind.id() + ": " + reason);
        dropped.add(itemId + ": " + kind.id() + ": " + reason);
    }

    @Override
    public void changed(String itemId, AnnotationKind kind, String reason) {
        lines.add("changed " + itemId + " " + kind.id() + ": " + reason);
        changed.add(itemId + ": " + kind.id() + ": " + reason);
    }

    @Override
    public void converted(String itemId, AnnotationKind from, int count, AnnotationKind to, int written,
                          String reason) {
        lines.add("converted " + itemId + " " + count + " " + from.id() + " to " + written + " " + to.id() + ": "
                + reason);
        changed.add(itemId + ": " + from.id() + ": " + reason);
    }

    @Override
    public void wroteAs(String itemId, java.util.Map<AnnotationKind, Integer> written, String reason) {
        lines.add("wrote " + itemId + " as " + written + ": " + reason);
        changed.add(itemId + ": item: " + reason);
    }

    @Override
    public void wroteCopies(String itemId, int copies, String reason) {
        lines.add("wrote " + itemId + " as " + copies + " items: " + reason);
        items.add(itemId + ": written as " + copies + " items: " + reason);
    }

    @Override
    public void droppedItem(String itemId, String reason) {
        lines.add("dropped item " + itemId + ": " + reason);
        dropped.add(itemId + ": item: " + reason);
    }

    /** Records the problem and lets it pass, as under {@code on_problem=skip}. */
    @Override
    public void invalid(ContentProblem problem) {
        lines.add("invalid " + problem);
        invalid.add(problem);
    }

    @Override
    public void item(String itemId, String message) {
        lines.add("item " + itemId + ": " + message);
        items.add(itemId + ": " + message);
    }

    @Override
    public void dataset(String message) {
        lines.add("dataset: " + message);
        dataset.add(message);
    }

    public List<String> lines() {
        return lines;
    }

    /**
     * Every line but a writer's account of how it wrote an item ({@code wroteAs}): whether that
     * differs from what the writer was given only the report can tell (its writer view adds an
     * entry then), which the tests through Converter check.
     */
    public List<String> losses() {
        return lines.stream().filter(l -> !l.startsWith("wrote ")).toList();
    }

    public boolean none() {
        return lines.isEmpty();
    }

    /** Whether some line contains the fragment. */
    public boolean any(String fragment) {
        return lines.stream().anyMatch(l -> l.contains(fragment));
    }

    /** Whether some line holds all of these fragments. */
    public boolean has(String... fragments) {
        return lines.stream().anyMatch(line -> {
            for (String f : fragments) {
                if (!line.contains(f)) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The lines that contain the text. */
    public List<String> matching(String text) {
        return lines.stream().filter(line -> line.contains(text)).toList();
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
