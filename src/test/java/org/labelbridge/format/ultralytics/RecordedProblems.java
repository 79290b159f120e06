package org.labelbridge.format.ultralytics;

import java.util.ArrayList;
import java.util.List;
import org.labelbridge.format.Problems;
import org.labelbridge.model.AnnotationKind;

/** Keeps every problem as one line of text, for assertions. */
final class RecordedProblems implements Problems {

    final List<String> dropped = new ArrayList<>();
    final List<String> changed = new ArrayList<>();
    final List<String> items = new ArrayList<>();
    final List<String> dataset = new ArrayList<>();

    @Override
    public void dropped(String itemId, AnnotationKind kind, String reason) {
        dropped.add(itemId + ": " + kind.id() + ": " + reason);
    }

    @Override
    public void changed(String itemId, AnnotationKind kind, String reason) {
        changed.add(itemId + ": " + kind.id() + ": " + reason);
    }

    @Override
    public void item(String itemId, String message) {
        items.add(itemId + ": " + message);
    }

    @Override
    public void dataset(String message) {
        dataset.add(message);
    }

    boolean none() {
        return dropped.isEmpty() && changed.isEmpty() && items.isEmpty() && dataset.isEmpty();
    }

    List<String> all() {
        List<String> all = new ArrayList<>(dropped);
        all.addAll(changed);
        all.addAll(items);
        all.addAll(dataset);
        return all;
    }

    @Override
    public String toString() {
        return "dropped=" + dropped + " changed=" + changed + " items=" + items + " dataset=" + dataset;
    }
}
