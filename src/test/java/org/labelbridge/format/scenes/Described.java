package org.labelbridge.format.scenes;

import java.util.ArrayList;
import java.util.List;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Item;
import org.labelbridge.testing.Datasets;

/**
 * A dataset as text with labels by name and each item's annotations sorted, to compare
 * datasets whose label order (and so annotation order) may differ.
 */
public final class Described {

    private Described() {
    }

    public static List<String> items(Datasets.Loaded dataset) {
        List<String> lines = new ArrayList<>();
        for (Item item : dataset.items()) {
            lines.add(item.subset() + "/" + item.id() + " " + item.media());
            List<String> annotations = new ArrayList<>();
            for (Annotation a : item.annotations()) {
                annotations.add("  " + dataset.labelOf(a) + " " + a.withInfo(a.info().withLabel(null)));
            }
            annotations.sort(null);
            lines.addAll(annotations);
        }
        return lines;
    }
}
