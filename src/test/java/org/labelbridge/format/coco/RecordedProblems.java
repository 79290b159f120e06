package org.labelbridge.format.coco;

import java.util.ArrayList;
import java.util.List;
import org.labelbridge.format.Problems;
import org.labelbridge.model.AnnotationKind;

/** Problems kept as lines, for tests to assert on. */
final class RecordedProblems implements Problems {

    final List<String> lines = new ArrayList<>();

    @Override
    public void dropped(String itemId, AnnotationKind kind, String reason) {
        lines.add("dropped " + itemId + " " + kind.id() + ": " + reason);
    }

    @Override
    public void changed(String itemId, AnnotationKind kind, String reason) {
        lines.add("changed " + itemId + " " + kind.id() + ": " + reason);
    }

    @Override
    public void item(String itemId, String message) {
        lines.add("item " + itemId + ": " + message);
    }

    @Override
    public void dataset(String message) {
        lines.add("dataset: " + message);
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
