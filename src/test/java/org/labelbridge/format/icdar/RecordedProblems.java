package org.labelbridge.format.icdar;

import java.util.ArrayList;
import java.util.List;
import org.labelbridge.format.Problems;
import org.labelbridge.model.AnnotationKind;

/** Keeps what a reader or writer reported, one line each, for tests to look at. */
public final class RecordedProblems implements Problems {

    private final List<String> lines = new ArrayList<>();

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

    public List<String> lines() {
        return lines;
    }

    /** Whether some line holds all of these fragments. */
    public boolean has(String... fragments) {
        return lines.stream().anyMatch(line -> {
            for (String f : fragments) {
                if (!line.contains(f)) {
                    return false;
                }
            }
            return true;
        });
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
