package org.labelbridge.format;

import java.util.List;
import java.util.Optional;

/** The registry: every format labelbridge knows, one line each. */
public final class Formats {

    private static final List<Format> ALL = List.of(
            new org.labelbridge.format.coco.CocoFormat()
    );

    private Formats() {
    }

    public static List<Format> all() {
        return ALL;
    }

    public static Optional<Format> byId(String id) {
        return ALL.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** The format with this id, or an error that lists the known ids. */
    public static Format require(String id) throws FormatException {
        return byId(id).orElseThrow(() -> new FormatException("unknown format '" + id + "'; known: "
                + String.join(", ", ALL.stream().map(Format::id).toList())));
    }
}
