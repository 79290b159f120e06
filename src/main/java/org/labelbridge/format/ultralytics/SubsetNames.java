package org.labelbridge.format.ultralytics;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Item;

/**
 * The subset names a writer uses: items without a subset go to {@code train} (as CVAT writes
 * them), and a name that cannot be a folder or a data.yaml key is changed, once, visibly.
 */
final class SubsetNames {

    private final Set<String> reserved;
    private final Problems problems;
    private final Map<String, String> written = new HashMap<>();
    private final Set<String> taken = new HashSet<>();

    SubsetNames(Set<String> reserved, Problems problems) {
        this.reserved = reserved;
        this.problems = problems;
    }

    String of(Item item) {
        String known = written.get(item.subset());
        if (known != null) {
            return known;
        }
        String subset = item.subset();
        String name;
        if (subset.equals(Item.DEFAULT_SUBSET)) {
            name = UltralyticsLayout.DEFAULT_SUBSET;
            problems.dataset("items without a subset are written to subset '" + name + "', as CVAT writes them");
        } else {
            name = subset.replaceAll("[^A-Za-z0-9_.-]", "_");
            if (name.startsWith(".")) {
                name = "_" + name;
            }
            if (reserved.contains(name)) {
                name = name + "_subset";
            }
            if (!name.equals(subset)) {
                name = uniqueOf(name);
            }
            if (!name.equals(subset)) {
                problems.dataset("subset '" + subset + "' is written as '" + name
                        + "' (subset names become folder and file names)");
            }
            if (!UltralyticsLayout.ULTRALYTICS_SUBSETS.contains(name)) {
                problems.dataset("subset '" + name + "' is written, but Ultralytics trains and validates only on"
                        + " train, val and test");
            }
        }
        taken.add(name);
        written.put(subset, name);
        return name;
    }

    private String uniqueOf(String base) {
        String name = base;
        for (int n = 2; taken.contains(name); n++) {
            name = base + "_" + n;
        }
        return name;
    }
}
