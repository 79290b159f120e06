package org.labelbridge.insight;

import java.util.List;
import java.util.Map;

/**
 * Reading a report's JSON-ready map back, for what shows it (the page, the command line): a
 * missing or mistyped value reads as empty or 0 rather than failing the display.
 */
public final class ReportMaps {

    private ReportMaps() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    public static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    /** Counts by kind as {@code 2 bbox, 1 polygon}. */
    public static String kinds(Map<String, Object> kinds) {
        StringBuilder text = new StringBuilder();
        kinds.forEach((kind, n) -> text.append(text.isEmpty() ? "" : ", ").append(n).append(' ').append(kind));
        return text.toString();
    }

    /** The sum of the counts. */
    public static long total(Map<String, Object> counts) {
        return counts.values().stream().mapToLong(ReportMaps::number).sum();
    }
}
