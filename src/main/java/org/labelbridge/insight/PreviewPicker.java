package org.labelbridge.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Item;

/**
 * Picks the items a preview draws, from one pass over them, the same ones on every run: up to a
 * quarter of them flagged by validation (in stream order), then one per label taking the
 * subsets in turn, then the rest by a hash of subset and id. Holds a bounded number of
 * candidates: the flagged, one per subset and label (for the first {@code 4 * count} such
 * pairs), and the {@code count} of lowest hash.
 */
final class PreviewPicker {

    private record Candidate(Item item, long rank) {
        String key() {
            return item.subset() + "\u0000" + item.id();
        }
    }

    private record Slot(int label, String subset) {
    }

    private static final Comparator<Candidate> BY_RANK = Comparator.comparingLong(Candidate::rank)
            .thenComparing(Candidate::key);

    private final int count;
    private final Set<String> flagged;
    private final int flaggedWanted;
    private final List<Candidate> flaggedFound = new ArrayList<>();
    private final Map<Slot, Candidate> perSlot = new HashMap<>();
    private final int maxSlots;
    /** The {@code count} lowest ranks so far, highest at the head. */
    private final PriorityQueue<Candidate> lowest;

    PreviewPicker(int count, Set<String> flagged) {
        this.count = count;
        this.flagged = flagged;
        this.flaggedWanted = (count + 3) / 4;
        this.maxSlots = 4 * count;
        this.lowest = new PriorityQueue<>(Math.max(1, count), BY_RANK.reversed());
    }

    void accept(Item item) {
        if (count == 0) {
            return;
        }
        Candidate candidate = new Candidate(item, rank(item.subset(), item.id()));
        if (flaggedFound.size() < flaggedWanted && flagged.contains(item.id())) {
            flaggedFound.add(candidate);
        }
        for (int label : labels(item)) {
            Slot slot = new Slot(label, item.subset());
            Candidate held = perSlot.get(slot);
            if (held == null ? perSlot.size() < maxSlots : BY_RANK.compare(candidate, held) < 0) {
                perSlot.put(slot, candidate);
            }
        }
        if (lowest.size() < count) {
            lowest.add(candidate);
        } else if (BY_RANK.compare(candidate, lowest.peek()) < 0) {
            lowest.poll();
            lowest.add(candidate);
        }
    }

    private static Set<Integer> labels(Item item) {
        Set<Integer> labels = new TreeSet<>();
        for (Annotation a : item.annotations()) {
            if (a.label() != null) {
                labels.add(a.label());
            }
        }
        return labels;
    }

    /** The picked items, by subset and id. */
    List<Item> picked() {
        Map<String, Item> chosen = new LinkedHashMap<>();
        for (Candidate c : flaggedFound) {
            chosen.putIfAbsent(c.key(), c.item());
        }
        Map<Integer, List<Candidate>> byLabel = new TreeMap<>();
        perSlot.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparingInt(Slot::label).thenComparing(Slot::subset)))
                .forEach(e -> byLabel.computeIfAbsent(e.getKey().label(), l -> new ArrayList<>()).add(e.getValue()));
        int rounds = byLabel.values().stream().mapToInt(List::size).max().orElse(0);
        for (int round = 0; round < rounds && chosen.size() < count; round++) {
            for (Map.Entry<Integer, List<Candidate>> e : byLabel.entrySet()) {
                List<Candidate> slots = e.getValue();
                if (round < slots.size() && chosen.size() < count) {
                    // Labels start at different subsets, so that one subset does not take every first turn.
                    Candidate c = slots.get((round + e.getKey()) % slots.size());
                    chosen.putIfAbsent(c.key(), c.item());
                }
            }
        }
        List<Candidate> rest = new ArrayList<>(lowest);
        rest.sort(BY_RANK);
        for (Candidate c : rest) {
            if (chosen.size() >= count) {
                break;
            }
            chosen.putIfAbsent(c.key(), c.item());
        }
        List<Item> items = new ArrayList<>(chosen.values());
        items.sort(Comparator.comparing(Item::subset).thenComparing(Item::id));
        return items;
    }

    /** A well-spread, stable 64-bit hash of subset and id (SplitMix64's finaliser over the strings' hashes). */
    static long rank(String subset, String id) {
        long z = subset.hashCode() * 0x9E3779B97F4A7C15L + id.hashCode();
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
