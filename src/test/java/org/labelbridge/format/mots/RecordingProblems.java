package org.labelbridge.format.mots;

import java.util.ArrayList;
import java.util.List;
import org.labelbridge.format.Problems;
import org.labelbridge.model.AnnotationKind;

/** Keeps every problem as one line, for tests to assert on. */
final class RecordingProblems implements Problems {

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
}
