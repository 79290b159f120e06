package org.labelbridge.convert;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;

/**
 * The options {@code subset_map} (rename, merge or drop subsets) and {@code split} (give every
 * item a new subset by {@link HashSplit}). The map runs first, so it can drop a subset before
 * the rest is split. Merging subsets can bring two items of one id together; that is reported,
 * as the target may keep only one of them.
 */
final class SubsetMapping implements DatasetTransform {

    private final Map<String, String> renames;
    private final HashSplit split;
    private final ConversionReport report;
    private final Set<String> seenSubsets = new HashSet<>();
    private final Set<String> seenIds = new HashSet<>();

    SubsetMapping(ConversionOptions options, ConversionReport report) {
        this.renames = options.subsetMap();
        this.split = options.split().isEmpty() ? null : new HashSplit(options.split(), options.splitSeed());
        this.report = report;
    }

    static boolean wanted(ConversionOptions options) {
        return !options.subsetMap().isEmpty() || !options.split().isEmpty();
    }

    @Override
    public Categories begin(Categories categories) {
        return categories;
    }

    @Override
    public Item apply(Item item) {
        String subset = item.subset();
        seenSubsets.add(subset);
        if (renames.containsKey(subset)) {
            subset = renames.get(subset);
            if (subset == null) {
                report.droppedItem(item.id(), "subset '" + item.subset() + "' dropped by option subset_map");
                return null;
            }
        }
        if (split != null) {
            subset = split.subsetOf(item.id());
        }
        if (!seenIds.add(subset + '\u0000' + item.id())) {
            report.item(item.id(), "two items with this id are now both in subset '" + subset
                    + "' (options subset_map/split merged their subsets); the target may keep only one");
        }
        return subset.equals(item.subset()) ? item : item.withSubset(subset);
    }

    @Override
    public void finish() {
        Set<String> unknown = new LinkedHashSet<>(renames.keySet());
        unknown.removeAll(seenSubsets);
        for (String subset : unknown) {
            report.dataset("option subset_map names '" + subset + "', which is not a subset of this dataset");
        }
    }
}
