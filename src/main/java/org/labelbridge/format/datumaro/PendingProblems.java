package org.labelbridge.format.datumaro;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.labelbridge.format.ContentProblem;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Problems;
import org.labelbridge.model.AnnotationKind;

/**
 * Problems found while an item is read, held until its id is known: a JSON object's fields
 * come in any order, and the id need not come first.
 */
final class PendingProblems {

    private interface Report {
        void to(Problems problems, String itemId, String subset) throws FormatException;
    }

    private final List<Report> reports = new ArrayList<>();

    void dropped(AnnotationKind kind, String reason) {
        reports.add((p, id, subset) -> p.dropped(id, kind, reason));
    }

    void changed(AnnotationKind kind, String reason) {
        reports.add((p, id, subset) -> p.changed(id, kind, reason));
    }

    void item(String message) {
        reports.add((p, id, subset) -> p.item(id, message));
    }

    /** Content that is wrong (the policy decides once the item's id is known); the annotation is left out. */
    void invalid(ContentProblem.Type type, String kind, String detail) {
        reports.add((p, id, subset) -> p.invalid(new ContentProblem(type, id, subset, ContentProblem.UNKNOWN_INDEX,
                kind, detail)));
    }

    /** A sink for attribute values that could not be kept. */
    Consumer<String> itemSink(String where) {
        return message -> item(where + ": " + message);
    }

    void flush(Problems problems, String itemId, String subset) throws FormatException {
        for (Report report : reports) {
            report.to(problems, itemId, subset);
        }
        reports.clear();
    }
}
