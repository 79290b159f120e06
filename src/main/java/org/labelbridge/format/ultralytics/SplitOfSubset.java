package org.labelbridge.format.ultralytics;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Item;

/**
 * The split (data.yaml key) each subset is written to. Ultralytics reads images only from the
 * keys train, val, test and minival (and validation as val), by those exact names, so a subset
 * goes to the split its name means, whatever its case: {@code Train}, {@code training} and
 * {@code trainval} to train, {@code Validation} and {@code valid} to val, {@code testing} to
 * test. Items without a subset go to train, as CVAT writes them. A subset with another name goes
 * to train when it is the only named subset (CVAT's {@code annotations}, a whole dataset); beside
 * other subsets there is no telling which split it is, and writing fails, naming the option
 * {@code subset_map} that says it. Every rename and merge is reported once per subset.
 */
final class SplitOfSubset {

    private static final String TRAIN = "train";
    private static final Map<String, String> SYNONYMS = Map.of("training", TRAIN, "trainval", TRAIN,
            "valid", "val", "validation", "val", "testing", "test");

    private final Problems problems;
    private final Map<String, String> splits = new HashMap<>();
    /** The subset written to each split first, to report the ones merged into it. */
    private final Map<String, String> firstInSplit = new HashMap<>();
    private final Set<String> named = new LinkedHashSet<>();
    /** The named subset without a split of its own, written to train; {@code null} when none. */
    private String unmatched;

    SplitOfSubset(Problems problems) {
        this.problems = problems;
    }

    /** The split of the item's subset. */
    String of(Item item) throws FormatException {
        String subset = item.subset();
        String known = splits.get(subset);
        if (known != null) {
            return known;
        }
        String split;
        if (subset.equals(Item.DEFAULT_SUBSET)) {
            split = TRAIN;
            problems.dataset("items without a subset are written to split '" + split + "', as CVAT writes them");
        } else {
            split = splitNamed(subset);
            if (split == null) {
                if (!named.isEmpty()) {
                    throw noSplit(subset, named.iterator().next());
                }
                unmatched = subset;
                split = TRAIN;
                problems.dataset("subset '" + subset + "' is written to split '" + split + "': it is the only subset,"
                        + " and Ultralytics reads images only from " + String.join(", ", UltralyticsLayout.SPLITS));
            } else {
                if (unmatched != null) {
                    throw noSplit(unmatched, subset);
                }
                if (!split.equals(subset)) {
                    problems.dataset("subset '" + subset + "' is written to split '" + split + "': Ultralytics reads"
                            + " images only from " + String.join(", ", UltralyticsLayout.SPLITS) + ", by these names");
                }
            }
            named.add(subset);
        }
        String first = firstInSplit.putIfAbsent(split, subset);
        if (first != null) {
            problems.dataset("subset '" + subset + "' is merged into split '" + split + "' with subset '" + first
                    + "'; an id both have is written with a suffix");
        }
        splits.put(subset, split);
        return split;
    }

    /** The split a subset's name means, or {@code null}. */
    private static String splitNamed(String subset) {
        String name = subset.strip().toLowerCase(Locale.ROOT);
        return UltralyticsLayout.SPLITS.contains(name) ? name : SYNONYMS.get(name);
    }

    private static FormatException noSplit(String subset, String other) {
        return new FormatException("subset '" + subset + "' names no Ultralytics split ("
                + String.join(", ", UltralyticsLayout.SPLITS) + ") and the dataset has other subsets (e.g. '" + other
                + "'): say which split it is with the option subset_map, e.g. {\"" + subset + "\": \"test\"}, or"
                + " leave it out with {\"" + subset + "\": null}");
    }
}
