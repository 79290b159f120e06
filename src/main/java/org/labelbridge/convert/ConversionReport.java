package org.labelbridge.convert;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Item;

/**
 * The account of one conversion: items and annotations in and out per kind, and every drop or
 * change with its reason and a few example items. Readers, transforms and writers all report
 * here (it is their {@link Problems}); the same reason is counted, not repeated.
 */
public final class ConversionReport implements Problems {

    /** Example item ids kept per reason. */
    static final int EXAMPLES = 5;

    /** What happened to something, why, how often, and where. */
    public static final class Entry {
        private final String action;
        private final String kind;
        private final String reason;
        private long count;
        private final List<String> examples = new ArrayList<>();

        Entry(String action, String kind, String reason) {
            this.action = action;
            this.kind = kind;
            this.reason = reason;
        }

        public String action() {
            return action;
        }

        /** The annotation kind, or {@code "item"} / {@code "dataset"}. */
        public String kind() {
            return kind;
        }

        public String reason() {
            return reason;
        }

        public long count() {
            return count;
        }

        public List<String> examples() {
            return List.copyOf(examples);
        }

        @Override
        public String toString() {
            return action + " " + kind + " x" + count + ": " + reason + (examples.isEmpty() ? "" : " " + examples);
        }

        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("action", action);
            map.put("kind", kind);
            map.put("reason", reason);
            map.put("count", count);
            if (!examples.isEmpty()) {
                map.put("examples", List.copyOf(examples));
            }
            return map;
        }
    }

    private long itemsIn;
    private long itemsOut;
    private final Map<String, Long> subsetsOut = new java.util.TreeMap<>();
    /** Annotations per kind (by ordinal): counted for every annotation, so plain arrays. */
    private final long[] annotationsIn = new long[KINDS.length];
    private final long[] annotationsOut = new long[KINDS.length];
    /** Whether a kind was counted at all (a kind counted out and then all dropped still shows 0). */
    private final boolean[] seenIn = new boolean[KINDS.length];
    private final boolean[] seenOut = new boolean[KINDS.length];
    private final Map<EntryKey, Entry> entries = new LinkedHashMap<>();
    private final List<ContentProblem> problems = new ArrayList<>();
    private long problemCount;

    /** Problems listed one by one in the report; beyond this only their count grows. */
    static final int LISTED_PROBLEMS = 1000;

    void countIn(Item item) {
        itemsIn++;
        count(annotationsIn, seenIn, item);
    }

    /** Counts what goes to the writer; the writer's own drops are subtracted when reported. */
    void countOut(Item item) {
        itemsOut++;
        subsetsOut.merge(item.subset(), 1L, Long::sum);
        count(annotationsOut, seenOut, item);
    }

    private static void count(long[] counts, boolean[] seen, Item item) {
        for (Annotation a : item.annotations()) {
            int kind = a.kind().ordinal();
            counts[kind]++;
            seen[kind] = true;
        }
    }

    @Override
    public void dropped(String itemId, AnnotationKind kind, String reason) {
        add("dropped", kind.id(), reason, itemId);
        if (seenOut[kind.ordinal()]) {
            annotationsOut[kind.ordinal()]--;
        }
    }

    /** A drop decided before the item reached the writer (not yet counted out). */
    void droppedBeforeWriting(String itemId, AnnotationKind kind, String reason) {
        add("dropped", kind.id(), reason, itemId);
    }

    /** A whole item left out before writing (a transform dropped it), with its annotations. */
    void droppedItem(String itemId, String reason) {
        add("dropped", "item", reason, itemId);
    }

    @Override
    public void changed(String itemId, AnnotationKind kind, String reason) {
        add("changed", kind.id(), reason, itemId);
    }

    @Override
    public void item(String itemId, String message) {
        add("item", "item", message, itemId);
    }

    @Override
    public void dataset(String message) {
        add("dataset", "dataset", message, null);
    }

    private void add(String action, String kind, String reason, String itemId) {
        Entry entry = entries.computeIfAbsent(new EntryKey(action, kind, reason), k -> new Entry(action, kind, reason));
        entry.count++;
        if (itemId != null && entry.examples.size() < EXAMPLES && !entry.examples.contains(itemId)) {
            entry.examples.add(itemId);
        }
    }

    /** A problem in the content that was skipped (option on_problem=skip), with where it was. */
    void skipped(ContentProblem problem) {
        problemCount++;
        if (problems.size() < LISTED_PROBLEMS) {
            problems.add(problem);
        }
        String what = problem.annotation() == null ? "item skipped: " : "annotation skipped: ";
        add("skipped", problem.kind(), what + problem.type().description() + " (on_problem=skip)", problem.item());
    }

    /** The problems skipped, the first {@value #LISTED_PROBLEMS} of them. */
    public List<ContentProblem> problems() {
        return List.copyOf(problems);
    }

    public long problemCount() {
        return problemCount;
    }

    public long itemsIn() {
        return itemsIn;
    }

    public long itemsOut() {
        return itemsOut;
    }

    /** Items written per subset. */
    public Map<String, Long> subsetsOut() {
        return Map.copyOf(subsetsOut);
    }

    /** Annotations dropped (not written), for any reason. */
    public long droppedAnnotations() {
        return entries.values().stream().filter(e -> e.action.equals("dropped") && !e.kind.equals("item"))
                .mapToLong(Entry::count).sum();
    }

    /** Items left out by a transform. */
    public long droppedItems() {
        return entries.values().stream().filter(e -> e.action.equals("dropped") && e.kind.equals("item"))
                .mapToLong(Entry::count).sum();
    }

    public Map<AnnotationKind, Long> annotationsIn() {
        return byKind(annotationsIn, seenIn);
    }

    public Map<AnnotationKind, Long> annotationsOut() {
        return byKind(annotationsOut, seenOut);
    }

    public long totalIn() {
        return java.util.Arrays.stream(annotationsIn).sum();
    }

    public long totalOut() {
        return java.util.Arrays.stream(annotationsOut).sum();
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** Whether anything was dropped or changed (the conversion was lossy). */
    public boolean lossy() {
        return !entries.isEmpty();
    }

    /** The counts and entries as a JSON-ready map. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("in", itemsIn);
        items.put("out", itemsOut);
        items.put("subsets", new LinkedHashMap<>(subsetsOut));
        map.put("items", items);
        Map<String, Object> annotations = new LinkedHashMap<>();
        annotations.put("in", byId(annotationsIn, seenIn));
        annotations.put("out", byId(annotationsOut, seenOut));
        annotations.put("total_in", totalIn());
        annotations.put("total_out", totalOut());
        map.put("annotations", annotations);
        map.put("changes", entries.values().stream().map(Entry::toMap).toList());
        if (problemCount > 0) {
            Map<String, Object> listed = new LinkedHashMap<>();
            listed.put("count", problemCount);
            listed.put("listed", problems.stream().map(ContentProblem::toMap).toList());
            map.put("problems", listed);
        }
        return map;
    }

    private static Map<String, Long> byId(long[] counts, boolean[] seen) {
        Map<String, Long> map = new LinkedHashMap<>();
        byKind(counts, seen).forEach((k, v) -> map.put(k.id(), v));
        return map;
    }

    /** The kinds counted at least once (even if all were dropped since), in kind order. */
    private static Map<AnnotationKind, Long> byKind(long[] counts, boolean[] seen) {
        Map<AnnotationKind, Long> map = new EnumMap<>(AnnotationKind.class);
        for (AnnotationKind kind : KINDS) {
            if (seen[kind.ordinal()]) {
                map.put(kind, counts[kind.ordinal()]);
            }
        }
        return map;
    }

    private static final AnnotationKind[] KINDS = AnnotationKind.values();

    /** What makes entries one: action, kind and reason (a record, not a joined string, per call). */
    private record EntryKey(String action, String kind, String reason) {
    }
}
