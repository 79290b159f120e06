package org.labelbridge.insight;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How often each value occurs, for the first {@code cap} distinct values; later new values are
 * counted together as {@code other}, so that a free-text attribute cannot grow the report.
 */
final class CappedCounts {

    private final int cap;
    private final Map<String, long[]> counts = new HashMap<>();
    private long other;

    CappedCounts(int cap) {
        this.cap = cap;
    }

    void add(String value) {
        long[] n = counts.get(value);
        if (n != null) {
            n[0]++;
        } else if (counts.size() < cap) {
            counts.put(value, new long[] {1});
        } else {
            other++;
        }
    }

    /** The counted values, most frequent first (ties by value), then {@code other} when values were left out. */
    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> map.put(e.getKey(), e.getValue()[0]));
        return map;
    }

    /** Occurrences of values beyond the first {@code cap} distinct ones. */
    long other() {
        return other;
    }

    int distinct() {
        return counts.size();
    }
}
