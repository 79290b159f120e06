package org.labelbridge.convert;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.labelbridge.format.ContentProblem;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Item;

/**
 * The account of one conversion: items and annotations in and out per kind, and every drop or
 * change with its reason and a few example places.
 *
 * <p>Three views report here, and each keeps the counts true for its place in the pipeline:
 * <ul>
 *   <li>{@link #reading()}, the reader's: what it drops was in the input and never reached the
 *       pipeline, so it counts in, not out;</li>
 *   <li>the report itself, the pipeline's ({@link ContentChecks}, the transforms, {@link TargetFit}):
 *       what it drops was counted in and is never counted out;</li>
 *   <li>{@link #writing()}, the writer's: what it drops or converts was counted out when the item
 *       reached it, and is taken off (or moved to the kind written).</li>
 * </ul>
 * Entries are grouped by action, kind and reason, where the reason is taken without the values
 * that vary from place to place (quoted names, numbers, paths); a group keeps its count and the
 * first few places. There are at most {@value #MAX_ENTRIES} groups, so the report stays small
 * whatever the input. Content problems ({@link #invalid}) follow the one {@link ProblemPolicy}.
 */
public final class ConversionReport implements Problems {

    /** Example places kept per entry. */
    static final int EXAMPLES = 5;
    /** Distinct entries kept; further reasons are counted in one entry per action and kind. */
    static final int MAX_ENTRIES = 200;
    /** Problems listed one by one in the report; beyond this only their count grows. */
    static final int LISTED_PROBLEMS = 100;

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

        /** The reason as first reported. */
        public String reason() {
            return reason;
        }

        public long count() {
            return count;
        }

        /** The first few places: item ids, with the reason where it differs from {@link #reason}. */
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

    private final ProblemPolicy policy;
    private final String inputName;
    private long itemsIn;
    private long itemsOut;
    private final Map<String, Long> subsetsOut = new TreeMap<>();
    /** Annotations per kind (by ordinal): counted for every annotation, so plain arrays. */
    private final long[] annotationsIn = new long[KINDS.length];
    private final long[] annotationsOut = new long[KINDS.length];
    /** Whether a kind was counted at all (a kind counted out and then all dropped still shows 0). */
    private final boolean[] seenIn = new boolean[KINDS.length];
    private final boolean[] seenOut = new boolean[KINDS.length];
    private final Map<EntryKey, Entry> entries = new LinkedHashMap<>();
    /** Reasons already keyed: most drops of a conversion repeat one reason, so it is keyed once. */
    private final Map<String, String> reasonKeys = new java.util.HashMap<>();
    private final List<ContentProblem> problems = new ArrayList<>();
    private long problemCount;
    private long droppedItems;
    private long droppedAnnotations;
    /** The item the writer is writing, and how many of its annotations per kind are still counted out. */
    private Item writing;
    private final long[] writingOut = new long[KINDS.length];
    private final Problems readerView = new ReaderView();
    private final Problems writerView = new WriterView();

    /** A report under {@code on_problem=fail}, for an input of that name. */
    public ConversionReport() {
        this(ProblemPolicy.FAIL, "input");
    }

    public ConversionReport(ProblemPolicy policy, String inputName) {
        this.policy = policy;
        this.inputName = inputName;
    }

    /** Where a reader reports: its drops count as read from the input. */
    public Problems reading() {
        return readerView;
    }

    /** Where a writer reports: its drops and conversions are taken off what was counted out. */
    public Problems writing() {
        return writerView;
    }

    void countIn(Item item) {
        itemsIn++;
        count(annotationsIn, seenIn, item, null);
    }

    /** Counts the item as going to the writer; the writer's own drops are taken off as it reports them. */
    void countOut(Item item) {
        itemsOut++;
        subsetsOut.merge(item.subset(), 1L, Long::sum);
        Arrays.fill(writingOut, 0);
        writing = item;
        count(annotationsOut, seenOut, item, writingOut);
    }

    /** The writer is done with the item (its drops after this are of no item). */
    void written() {
        writing = null;
    }

    private static void count(long[] counts, boolean[] seen, Item item, long[] itemCounts) {
        for (Annotation a : item.annotations()) {
            int kind = a.kind().ordinal();
            counts[kind]++;
            seen[kind] = true;
            if (itemCounts != null) {
                itemCounts[kind]++;
            }
        }
    }

    // --- the pipeline's own view -------------------------------------------------------------

    /** A drop decided before the item reached the writer (counted in, never counted out). */
    @Override
    public void dropped(String itemId, AnnotationKind kind, String reason) {
        droppedAnnotations++;
        add("dropped", kind.id(), reason, itemId);
    }

    @Override
    public void changed(String itemId, AnnotationKind kind, String reason) {
        add("changed", kind.id(), reason, itemId);
    }

    @Override
    public void converted(String itemId, AnnotationKind from, int count, AnnotationKind to, int written,
                          String reason) {
        add("changed", from.id(), reason + " (" + from.id() + " written as " + to.id() + ")", itemId);
    }

    @Override
    public void wroteAs(String itemId, Map<AnnotationKind, Integer> written, String reason) {
        add("changed", "item", reason, itemId);
    }

    @Override
    public void wroteCopies(String itemId, int copies, String reason) {
        add("changed", "item", "written as " + copies + " items: " + reason, itemId);
    }

    /** A whole item left out before writing (a transform dropped it), with its annotations. */
    @Override
    public void droppedItem(String itemId, String reason) {
        droppedItems++;
        add("dropped", "item", reason, itemId);
    }

    @Override
    public void item(String itemId, String message) {
        add("item", "item", message, itemId);
    }

    @Override
    public void dataset(String message) {
        add("dataset", "dataset", message, null);
    }

    /** Under {@code fail} stops the conversion naming the place; under {@code skip} lists the problem. */
    @Override
    public void invalid(ContentProblem problem) throws FormatException {
        if (policy == ProblemPolicy.FAIL) {
            throw new FormatException(inputName + ": " + problem + " (" + problem.type().id() + "); with option"
                    + " on_problem=skip the " + (problem.annotation() == null ? "item" : "annotation")
                    + " is left out and listed in the report instead");
        }
        problemCount++;
        if (problems.size() < LISTED_PROBLEMS) {
            problems.add(problem);
        }
        if (problem.annotation() == null) {
            droppedItems++;
        } else {
            droppedAnnotations++;
        }
        String what = problem.annotation() == null ? "item skipped: " : "annotation skipped: ";
        add("skipped", problem.kind(), what + problem.type().description() + " (on_problem=skip)", problem.item());
    }

    // --- reader and writer views -------------------------------------------------------------

    /** A reader's drops: the annotation or item was in the input, so it counts in. */
    private final class ReaderView extends View {
        @Override
        public void dropped(String itemId, AnnotationKind kind, String reason) {
            countKindIn(kind);
            ConversionReport.this.dropped(itemId, kind, reason);
        }

        @Override
        public void droppedItem(String itemId, String reason) {
            itemsIn++;
            ConversionReport.this.droppedItem(itemId, reason);
        }

        @Override
        public void invalid(ContentProblem problem) throws FormatException {
            ConversionReport.this.invalid(problem);
            if (problem.annotation() == null) {
                itemsIn++;
            } else {
                countKindIn(AnnotationKind.byId(problem.kind()));
            }
        }

        private void countKindIn(AnnotationKind kind) {
            if (kind != null) {
                annotationsIn[kind.ordinal()]++;
                seenIn[kind.ordinal()] = true;
            }
        }
    }

    /** A writer's drops: the item was counted out when it reached the writer, so they are taken off. */
    private final class WriterView extends View {
        @Override
        public void dropped(String itemId, AnnotationKind kind, String reason) {
            ConversionReport.this.dropped(itemId, kind, reason);
            takeOut(kind, 1);
        }

        @Override
        public void converted(String itemId, AnnotationKind from, int count, AnnotationKind to, int written,
                              String reason) {
            ConversionReport.this.converted(itemId, from, count, to, written, reason);
            takeOut(from, count);
            annotationsOut[to.ordinal()] += written;
            seenOut[to.ordinal()] = true;
            if (writing != null) {
                writingOut[to.ordinal()] += written;
            }
        }

        @Override
        public void wroteAs(String itemId, Map<AnnotationKind, Integer> written, String reason) {
            if (writing == null) {
                throw new IllegalStateException("a writer said how it wrote item '" + itemId + "' outside write()");
            }
            StringBuilder given = new StringBuilder();
            StringBuilder wrote = new StringBuilder();
            for (AnnotationKind kind : KINDS) {
                int k = kind.ordinal();
                long now = written.getOrDefault(kind, 0);
                if (writingOut[k] != now) {
                    given.append(given.isEmpty() ? "" : ", ").append(writingOut[k]).append(' ').append(kind.id());
                    wrote.append(wrote.isEmpty() ? "" : ", ").append(now).append(' ').append(kind.id());
                }
                annotationsOut[k] += now - writingOut[k];
                seenOut[k] |= now > 0;
                writingOut[k] = now;
            }
            if (!given.isEmpty()) {
                add("changed", "item", given + " written as " + wrote + ": " + reason, itemId);
            }
        }

        @Override
        public void wroteCopies(String itemId, int copies, String reason) {
            if (writing == null) {
                throw new IllegalStateException("a writer said it copied item '" + itemId + "' outside write()");
            }
            if (copies < 1) {
                throw new IllegalArgumentException("item '" + itemId + "' written as " + copies + " copies");
            }
            ConversionReport.this.wroteCopies(itemId, copies, reason);
            itemsOut += copies - 1;
            subsetsOut.merge(writing.subset(), (long) copies - 1, Long::sum);
        }

        @Override
        public void droppedItem(String itemId, String reason) {
            ConversionReport.this.droppedItem(itemId, reason);
            if (writing == null) {
                throw new IllegalStateException("a writer dropped item '" + itemId + "' outside write()");
            }
            itemsOut--;
            subsetsOut.computeIfPresent(writing.subset(), (s, n) -> n > 1 ? n - 1 : null);
            for (int k = 0; k < KINDS.length; k++) {
                annotationsOut[k] -= writingOut[k];
                writingOut[k] = 0;
            }
            writing = null;
        }

        @Override
        public void invalid(ContentProblem problem) throws FormatException {
            ConversionReport.this.invalid(problem);
            AnnotationKind kind = AnnotationKind.byId(problem.kind());
            if (kind != null) {
                takeOut(kind, 1);
            }
        }

        private void takeOut(AnnotationKind kind, int count) {
            int k = kind.ordinal();
            if (writing != null) {
                if (writingOut[k] < count) {
                    throw new IllegalStateException("a writer reported " + count + " " + kind.id() + " of item '"
                            + writing.id() + "' gone, but only " + writingOut[k] + " were given to it");
                }
                writingOut[k] -= count;
            }
            annotationsOut[k] -= count;
        }
    }

    /** The calls that mean the same in every view. */
    private abstract class View implements Problems {
        @Override
        public void wroteCopies(String itemId, int copies, String reason) {
            ConversionReport.this.wroteCopies(itemId, copies, reason);
        }

        @Override
        public void wroteAs(String itemId, Map<AnnotationKind, Integer> written, String reason) {
            ConversionReport.this.wroteAs(itemId, written, reason);
        }

        @Override
        public void changed(String itemId, AnnotationKind kind, String reason) {
            ConversionReport.this.changed(itemId, kind, reason);
        }

        @Override
        public void converted(String itemId, AnnotationKind from, int count, AnnotationKind to, int written,
                              String reason) {
            ConversionReport.this.converted(itemId, from, count, to, written, reason);
        }

        @Override
        public void item(String itemId, String message) {
            ConversionReport.this.item(itemId, message);
        }

        @Override
        public void dataset(String message) {
            ConversionReport.this.dataset(message);
        }
    }

    // --- entries -------------------------------------------------------------------------------

    private void add(String action, String kind, String reason, String itemId) {
        String reasonKey = reasonKeys.get(reason);
        if (reasonKey == null) {
            reasonKey = ReasonKey.of(reason);
            if (reasonKeys.size() < MAX_ENTRIES) {
                reasonKeys.put(reason, reasonKey);
            }
        }
        EntryKey key = new EntryKey(action, kind, reasonKey);
        Entry entry = entries.get(key);
        if (entry == null) {
            if (entries.size() < MAX_ENTRIES) {
                entry = new Entry(action, kind, reason);
                entries.put(key, entry);
            } else {
                key = new EntryKey(action, kind, ReasonKey.OTHER);
                entry = entries.computeIfAbsent(key, k -> new Entry(action, kind, "further reasons (the report lists "
                        + MAX_ENTRIES + " at most), e.g. " + reason));
            }
        }
        entry.count++;
        if (entry.examples.size() < EXAMPLES) {
            String place = itemId == null ? null : reason.equals(entry.reason) ? itemId : itemId + ": " + reason;
            if (place == null && !reason.equals(entry.reason)) {
                place = reason;
            }
            if (place != null && !entry.examples.contains(place)) {
                entry.examples.add(place);
            }
        }
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

    /** Annotations not written, for any reason (dropped or skipped, alone or with their item). */
    public long droppedAnnotations() {
        return droppedAnnotations;
    }

    /** Items not written, for any reason (dropped or skipped). */
    public long droppedItems() {
        return droppedItems;
    }

    public Map<AnnotationKind, Long> annotationsIn() {
        return byKind(annotationsIn, seenIn);
    }

    public Map<AnnotationKind, Long> annotationsOut() {
        return byKind(annotationsOut, seenOut);
    }

    public long totalIn() {
        return Arrays.stream(annotationsIn).sum();
    }

    public long totalOut() {
        return Arrays.stream(annotationsOut).sum();
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
        items.put("dropped", droppedItems);
        items.put("subsets", new LinkedHashMap<>(subsetsOut));
        map.put("items", items);
        Map<String, Object> annotations = new LinkedHashMap<>();
        annotations.put("in", byId(annotationsIn, seenIn));
        annotations.put("out", byId(annotationsOut, seenOut));
        annotations.put("total_in", totalIn());
        annotations.put("total_out", totalOut());
        annotations.put("dropped", droppedAnnotations);
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

    /** What makes entries one: action, kind and the reason without its varying values. */
    private record EntryKey(String action, String kind, String reason) {
    }
}
